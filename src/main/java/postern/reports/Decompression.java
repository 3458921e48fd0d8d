package postern.reports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Unpacks gzip and zip attachments with two limits, since anyone can mail a report: the
 * unpacked size, and the ratio of unpacked to packed bytes once the output is past a
 * first megabyte (a real report compresses about 10 to 50 times, a bomb a thousand).
 *
 * @param maxBytes the largest output accepted
 * @param maxRatio the largest ratio of output to input accepted past the first megabyte
 */
record Decompression(long maxBytes, int maxRatio) {

	/** 20 MB and a ratio of 200. */
	static final Decompression DEFAULT = new Decompression(20L * 1024 * 1024, 200);

	private static final long RATIO_FREE_BYTES = 1024 * 1024;

	/**
	 * Unpack a gzip file.
	 * @param packed the file
	 * @return its content
	 * @throws UnreadableReportException when it is corrupt or too large
	 */
	byte[] gunzip(byte[] packed) throws UnreadableReportException {
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(packed))) {
			return readLimited(in, packed.length);
		}
		catch (IOException ex) {
			throw new UnreadableReportException("reports.unreadable.gzip", String.valueOf(ex.getMessage()));
		}
	}

	/**
	 * Unpack the first file of a zip archive.
	 * @param packed the archive
	 * @return the first file's content
	 * @throws UnreadableReportException when it is corrupt, empty or too large
	 */
	byte[] unzip(byte[] packed) throws UnreadableReportException {
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(packed))) {
			ZipEntry entry = in.getNextEntry();
			while (entry != null && entry.isDirectory()) {
				entry = in.getNextEntry();
			}
			if (entry == null) {
				throw new UnreadableReportException("reports.unreadable.empty-zip", "");
			}
			return readLimited(in, packed.length);
		}
		catch (IOException ex) {
			throw new UnreadableReportException("reports.unreadable.zip", String.valueOf(ex.getMessage()));
		}
	}

	private byte[] readLimited(InputStream in, long packedLength) throws IOException, UnreadableReportException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[16 * 1024];
		long total = 0;
		int read;
		while ((read = in.read(buffer)) != -1) {
			total += read;
			if (total > this.maxBytes) {
				throw new UnreadableReportException("reports.unreadable.too-large", String.valueOf(this.maxBytes));
			}
			if (total > RATIO_FREE_BYTES && total > packedLength * this.maxRatio) {
				throw new UnreadableReportException("reports.unreadable.ratio", String.valueOf(this.maxRatio));
			}
			out.write(buffer, 0, read);
		}
		return out.toByteArray();
	}

}
