package postern.reports;

import java.util.Locale;

/**
 * Tells a report attachment from any other part of a mail and reads it: DMARC XML plain,
 * gzip or zip; TLS-RPT JSON plain or gzip. Nothing a stranger can send makes it throw
 * anything but {@link UnreadableReportException}.
 */
final class ReportParser {

	private final Decompression decompression;

	ReportParser(Decompression decompression) {
		this.decompression = decompression;
	}

	/**
	 * The shape of a part, from its file name and content type.
	 * @param fileName the part's file name, or {@code null}
	 * @param contentType the part's content type, or {@code null}
	 * @return its shape, or {@code null} when it is not a report
	 */
	static Shape shapeOf(String fileName, String contentType) {
		String name = (fileName == null) ? "" : fileName.toLowerCase(Locale.ROOT).strip();
		String type = (contentType == null) ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
		if (type.equals("application/tlsrpt+gzip") || name.endsWith(".json.gz")) {
			return Shape.TLS_GZIP;
		}
		if (type.equals("application/tlsrpt+json") || name.endsWith(".json")) {
			return Shape.TLS_JSON;
		}
		if (name.endsWith(".xml.gz") || (name.isEmpty() && type.matches("application/(x-)?gzip"))) {
			return Shape.DMARC_GZIP;
		}
		if (name.endsWith(".zip") || type.matches("application/(x-)?zip(-compressed)?")) {
			return Shape.DMARC_ZIP;
		}
		if (name.endsWith(".xml") || ((type.equals("text/xml") || type.equals("application/xml")) && !name.isEmpty())) {
			return Shape.DMARC_XML;
		}
		if (name.endsWith(".gz") && !name.isEmpty()) {
			return Shape.DMARC_GZIP;
		}
		return null;
	}

	/**
	 * Read a report.
	 * @param shape its shape
	 * @param content the part's bytes
	 * @return the report
	 * @throws UnreadableReportException when it cannot be read
	 */
	ParsedReport parse(Shape shape, byte[] content) throws UnreadableReportException {
		try {
			return switch (shape) {
				case DMARC_XML -> DmarcXml.parse(content);
				case DMARC_GZIP -> DmarcXml.parse(this.decompression.gunzip(content));
				case DMARC_ZIP -> DmarcXml.parse(this.decompression.unzip(content));
				case TLS_JSON -> TlsRptJson.parse(content);
				case TLS_GZIP -> TlsRptJson.parse(this.decompression.gunzip(content));
			};
		}
		catch (RuntimeException | StackOverflowError ex) {
			throw new UnreadableReportException("reports.unreadable.other", ReportFields.oneLine(ex.toString()));
		}
	}

	/**
	 * How a report is packed.
	 */
	enum Shape {

		/** DMARC aggregate XML. */
		DMARC_XML,

		/** DMARC aggregate XML, gzip. */
		DMARC_GZIP,

		/** DMARC aggregate XML in a zip archive. */
		DMARC_ZIP,

		/** TLS-RPT JSON. */
		TLS_JSON,

		/** TLS-RPT JSON, gzip. */
		TLS_GZIP

	}

}
