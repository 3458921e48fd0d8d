package postern.mail;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import postern.PosternIntegrationTests;
import postern.change.ReloadResult;
import postern.host.Hosts;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * maddy's restart after a maddy.conf change, through the systemctl stand-in as a real
 * process.
 */
class MaddyRestartIntegrationTests extends PosternIntegrationTests {

	@Autowired
	private MaddyConfValidator validator;

	@Autowired
	MaddyRestart restart;

	@Autowired
	Hosts hosts;

	Path unitState = SERVER.resolve("state/systemd/maddy.service");

	String savedState;

	@AfterEach
	void restoreUnit() throws Exception {
		if (this.savedState != null) {
			Files.writeString(this.unitState, this.savedState);
		}
	}

	@Test
	void restartTakesWhenTheUnitIsActiveAfterwards() {
		ReloadResult result = this.restart.reload(this.hosts.current());
		assertThat(result.ok()).as(result.output()).isTrue();
		assertThat(this.restart.handles(this.hosts.current(), SERVER.resolve("etc/maddy/maddy.conf"))).isTrue();
		assertThat(this.restart.handles(this.hosts.current(), SERVER.resolve("etc/maddy/aliases"))).isFalse();
	}

	@Test
	void restartMatchesTheConfigurationFileAsTheValidatorDoesWhateverTheWayItIsWritten() {
		Path roundabout = SERVER.resolve("etc/maddy/../maddy/./maddy.conf");
		assertThat(this.restart.handles(this.hosts.current(), roundabout)).isTrue();
		assertThat(this.validator.handles(this.hosts.current(), roundabout)).isTrue();
	}

	@Test
	void aFailedRestartIsReportedWithSystemdsMessage() throws Exception {
		this.savedState = Files.readString(this.unitState);
		Files.writeString(this.unitState, this.savedState + "failing-reload\n");

		ReloadResult result = this.restart.reload(this.hosts.current());

		assertThat(result.ok()).isFalse();
		assertThat(result.output()).contains("Job for maddy.service failed");
	}

}
