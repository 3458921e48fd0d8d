package postern.api;

import java.io.IOException;

import org.springframework.util.unit.DataSize;

/**
 * A request body over the API's limit: the count of bytes read passed it, or its
 * {@code Content-Length} did. An {@link IOException}, so whatever reads the body (the
 * JSON converter) stops at once and passes it on as its cause.
 */
final class BodyTooLargeException extends IOException {

	BodyTooLargeException(DataSize limit) {
		super(message(limit));
	}

	/**
	 * The message of the 413 answer, which names the limit and the setting that moves it.
	 * @param limit the limit
	 * @return the message, in English as every message of the API's own refusals
	 */
	static String message(DataSize limit) {
		return "The request body is larger than the API's limit of " + readable(limit)
				+ " (postern.api.max-body-size); nothing was done";
	}

	/**
	 * A size as a person writes it: {@code 1 MB}, {@code 64 KB}, {@code 1500 bytes}.
	 * @param size a size
	 * @return its text, in the largest unit that divides it
	 */
	static String readable(DataSize size) {
		long bytes = size.toBytes();
		if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
			return size.toMegabytes() + " MB";
		}
		if (bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
			return size.toKilobytes() + " KB";
		}
		return bytes + " bytes";
	}

}
