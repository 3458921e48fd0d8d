package postern.security;

import java.security.SecureRandom;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Creates the first admin, {@value #FIRST_ADMIN}, when the database has none: with the
 * password from the environment variable {@value #PASSWORD_VARIABLE}, or else with a
 * generated one printed once to the log.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

	static final String FIRST_ADMIN = "admin";

	static final String PASSWORD_VARIABLE = "POSTERN_ADMIN_PASSWORD";

	private static final Logger logger = LoggerFactory.getLogger(AdminBootstrap.class);

	// No look-alike characters (0/O, 1/l/I), so the password can be typed from the log.
	private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final int GENERATED_LENGTH = 24;

	private final AdminRepository admins;

	private final PasswordEncoder encoder;

	private final Environment environment;

	private final Clock clock;

	AdminBootstrap(AdminRepository admins, PasswordEncoder encoder, Environment environment) {
		this.admins = admins;
		this.encoder = encoder;
		this.environment = environment;
		this.clock = Clock.systemUTC();
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.admins.count() > 0) {
			return;
		}
		String password = this.environment.getProperty(PASSWORD_VARIABLE);
		if (StringUtils.hasText(password)) {
			create(password);
			logger.info("Created the first admin '{}' with the password from {}", FIRST_ADMIN, PASSWORD_VARIABLE);
		}
		else {
			String generated = generatePassword();
			create(generated);
			// Printed once, on purpose: this is the only way to learn it. It is never
			// stored.
			logger.warn("Created the first admin '{}' with the generated password: {}  "
					+ "(shown only this once; set {} to choose it)", FIRST_ADMIN, generated, PASSWORD_VARIABLE);
		}
	}

	private void create(String password) {
		this.admins.save(new Admin(FIRST_ADMIN, this.encoder.encode(password), this.clock.instant()));
	}

	private static String generatePassword() {
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder(GENERATED_LENGTH);
		for (int i = 0; i < GENERATED_LENGTH; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
