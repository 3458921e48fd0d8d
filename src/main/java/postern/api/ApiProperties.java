package postern.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The API's settings.
 *
 * @param maxBodySize the largest request body the API takes; a larger one is refused with
 * 413 before it is read. The API's bodies are one form each (a mailbox, an alias), a few
 * hundred bytes.
 */
@ConfigurationProperties("postern.api")
public record ApiProperties(@DefaultValue("1MB") DataSize maxBodySize) {

	public ApiProperties {
		if (maxBodySize == null || maxBodySize.isNegative() || maxBodySize.toBytes() == 0) {
			throw new IllegalArgumentException("postern.api.max-body-size must be a positive size");
		}
	}

}
