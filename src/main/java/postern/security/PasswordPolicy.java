package postern.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.Configuration;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;

import org.springframework.stereotype.Component;

/**
 * The rules of an admin password: at least {@value #MIN_LENGTH} characters, at most
 * {@value #MAX_BYTES} bytes (BCrypt reads no further), no newline, CR or NUL, not
 * containing the user name, and a strength score of at least {@value #MIN_SCORE} of 4
 * from nbvcxz, which knows common passwords, words and keyboard patterns.
 */
@Component
public class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_BYTES = 72;

	static final int MIN_SCORE = 3;

	/**
	 * What is wrong with a password, as message keys under {@code security.password.}.
	 * @param username the admin it is for
	 * @param password the password
	 * @return the problems; empty when the password is fine
	 */
	public List<String> problems(String username, String password) {
		List<String> problems = new ArrayList<>();
		if (password == null || password.isEmpty()) {
			problems.add("security.password.required");
			return problems;
		}
		if (password.indexOf('\n') >= 0 || password.indexOf('\r') >= 0 || password.indexOf('\0') >= 0) {
			problems.add("security.password.control");
			return problems;
		}
		if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
			problems.add("security.password.short");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			problems.add("security.password.long");
		}
		if (username != null && !username.isBlank()
				&& password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
			problems.add("security.password.username");
		}
		if (problems.isEmpty() && score(password) < MIN_SCORE) {
			problems.add("security.password.weak");
		}
		return problems;
	}

	int score(String password) {
		// A new estimator per call: nbvcxz keeps state while it estimates.
		return new Nbvcxz(Dictionaries.CONFIGURATION).estimate(password).getBasicScore();
	}

	/**
	 * nbvcxz's dictionaries, loaded when a password is first checked: they take seconds
	 * to read and 16 MB of heap, and only a password change needs them, not the start.
	 */
	private static final class Dictionaries {

		static final Configuration CONFIGURATION = new ConfigurationBuilder().createConfiguration();

	}

}
