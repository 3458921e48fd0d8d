package postern.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.ArgumentMatchers.any;

@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapTests {

	private static final Pattern GENERATED = Pattern.compile("generated password: (\\S+)");

	private final AdminRepository admins = mock(AdminRepository.class);

	private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);

	@Test
	void runWhenNoAdminAndPasswordSetCreatesAdminWithIt(CapturedOutput output) {
		MockEnvironment environment = new MockEnvironment().withProperty("POSTERN_ADMIN_PASSWORD", "from the env 123");
		new AdminBootstrap(this.admins, this.encoder, environment).run(new DefaultApplicationArguments());
		Admin admin = savedAdmin();
		assertThat(admin.getUsername()).isEqualTo("admin");
		assertThat(this.encoder.matches("from the env 123", admin.getPasswordHash())).isTrue();
		assertThat(output).doesNotContain("from the env 123");
	}

	@Test
	void runWhenNoAdminAndNoPasswordPrintsAGeneratedOneOnce(CapturedOutput output) {
		new AdminBootstrap(this.admins, this.encoder, new MockEnvironment()).run(new DefaultApplicationArguments());
		Matcher printed = GENERATED.matcher(output.getAll());
		assertThat(printed.find()).as("the generated password is printed").isTrue();
		String password = printed.group(1);
		assertThat(password).hasSize(24);
		assertThat(this.encoder.matches(password, savedAdmin().getPasswordHash())).isTrue();
		assertThat(printed.find()).as("printed only once").isFalse();
	}

	@Test
	void runWhenAnAdminExistsChangesNothing() {
		given(this.admins.count()).willReturn(1L);
		new AdminBootstrap(this.admins, this.encoder, new MockEnvironment()).run(new DefaultApplicationArguments());
		verify(this.admins, never()).save(any());
	}

	private Admin savedAdmin() {
		ArgumentCaptor<Admin> saved = ArgumentCaptor.forClass(Admin.class);
		verify(this.admins).save(saved.capture());
		return saved.getValue();
	}

}
