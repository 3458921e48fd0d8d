package postern.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JailStatusTests {

	@Test
	void parseJailListSample() {
		assertThat(JailStatus.parseJailList(Samples.read("fail2ban-status.txt"))).containsExactly("maddy-auth",
				"maddy-dictonary-attack", "sshd");
	}

	@Test
	void parseJailListWithoutJailsIsEmpty() {
		assertThat(JailStatus.parseJailList(Samples.read("fail2ban-status-no-jails.txt"))).isEmpty();
	}

	@Test
	void parseJailWithBans() {
		JailStatus jail = JailStatus.parse("maddy-auth", Samples.read("fail2ban-jail-banned.txt"));
		assertThat(jail)
			.isEqualTo(new JailStatus("maddy-auth", 1, 37, 2, 9, java.util.List.of("203.0.113.7", "2001:db8::66")));
	}

	@Test
	void parseEmptyJail() {
		JailStatus jail = JailStatus.parse("maddy-dictonary-attack", Samples.read("fail2ban-jail-empty.txt"));
		assertThat(jail.name()).isEqualTo("maddy-dictonary-attack");
		assertThat(jail.currentlyBanned()).isZero();
		assertThat(jail.totalBanned()).isZero();
		assertThat(jail.banned()).isEmpty();
	}

	@Test
	void parseGarbageGivesZeros() {
		JailStatus jail = JailStatus.parse("sshd", "Sorry but the jail 'sshd' does not exist\n");
		assertThat(jail).isEqualTo(new JailStatus("sshd", 0, 0, 0, 0, java.util.List.of()));
	}

}
