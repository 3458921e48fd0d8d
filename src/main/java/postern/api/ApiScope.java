package postern.api;

import java.util.List;
import java.util.Locale;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What a token may do: {@link #READ} only reads ({@code GET}), {@link #WRITE} also
 * creates, deletes and reloads.
 */
public enum ApiScope {

	/** Only {@code GET} requests. */
	READ,

	/** Every request of the API. */
	WRITE;

	/** The authority every token has. */
	static final String READ_AUTHORITY = "SCOPE_read";

	/** The authority of a write token. */
	static final String WRITE_AUTHORITY = "SCOPE_write";

	/**
	 * The value in forms and JSON.
	 * @return {@code read} or {@code write}
	 */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * A scope as a person or a script spells it: {@code write}, {@code WRITE},
	 * {@code Write}.
	 * @param text the scope's name in any case
	 * @return the scope
	 * @throws IllegalArgumentException when it names no scope
	 */
	public static ApiScope of(String text) {
		return valueOf(text.strip().toUpperCase(Locale.ROOT));
	}

	/**
	 * The message key of the scope's label.
	 * @return e.g. {@code api.scope.read}
	 */
	public String labelKey() {
		return "api.scope." + id();
	}

	List<GrantedAuthority> authorities() {
		if (this == WRITE) {
			return List.of(new SimpleGrantedAuthority(READ_AUTHORITY), new SimpleGrantedAuthority(WRITE_AUTHORITY));
		}
		return List.of(new SimpleGrantedAuthority(READ_AUTHORITY));
	}

}
