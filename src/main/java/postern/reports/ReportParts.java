package postern.reports;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/**
 * The parts of a mail that are reports: attachments or the body, told apart by file name
 * and content type.
 */
final class ReportParts {

	/** A packed report larger than this is not even read. */
	static final int MAX_PART_BYTES = 20 * 1024 * 1024;

	private static final int MAX_DEPTH = 5;

	private ReportParts() {
	}

	/**
	 * The report parts of a mail.
	 * @param part the mail
	 * @return each part that is a report, with its shape
	 * @throws MessagingException when the structure cannot be read
	 * @throws IOException when a part cannot be read
	 */
	static List<Found> of(Part part) throws MessagingException, IOException {
		List<Found> found = new ArrayList<>();
		collect(part, 0, found);
		return found;
	}

	private static void collect(Part part, int depth, List<Found> found) throws MessagingException, IOException {
		if (depth > MAX_DEPTH) {
			return;
		}
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				collect(multipart.getBodyPart(i), depth + 1, found);
			}
			return;
		}
		ReportParser.Shape shape = ReportParser.shapeOf(part.getFileName(), part.getContentType());
		if (shape != null) {
			found.add(new Found(shape, part));
		}
	}

	/**
	 * The decoded bytes of a part, up to the limit.
	 * @param part the part
	 * @return its bytes
	 * @throws UnreadableReportException when it is larger than the limit
	 * @throws MessagingException when it cannot be read
	 * @throws IOException when it cannot be read
	 */
	static byte[] bytes(Part part) throws UnreadableReportException, MessagingException, IOException {
		try (InputStream in = part.getInputStream()) {
			byte[] bytes = in.readNBytes(MAX_PART_BYTES + 1);
			if (bytes.length > MAX_PART_BYTES) {
				throw new UnreadableReportException("reports.unreadable.too-large", String.valueOf(MAX_PART_BYTES));
			}
			return bytes;
		}
	}

	/**
	 * A report part.
	 *
	 * @param shape how it is packed
	 * @param part the part
	 */
	record Found(ReportParser.Shape shape, Part part) {
	}

}
