package postern.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void aLongPassphraseOfUnrelatedWordsIsAccepted() {
		assertThat(this.policy.problems("alice", "violet tractor lunar 84 spoon")).isEmpty();
	}

	@Test
	void shortPasswordIsRefused() {
		assertThat(this.policy.problems("alice", "x7#Kq!2v")).containsExactly("security.password.short");
	}

	@Test
	void commonPasswordsAreRefusedAsWeakEvenWhenLongEnough() {
		assertThat(this.policy.problems("alice", "password1234")).containsExactly("security.password.weak");
		assertThat(this.policy.problems("alice", "qwertyuiop123")).containsExactly("security.password.weak");
		assertThat(this.policy.problems("alice", "123456789012")).containsExactly("security.password.weak");
	}

	@Test
	void passwordContainingTheUserNameIsRefusedWhateverTheCase() {
		assertThat(this.policy.problems("alice", "violet ALICE tractor 84"))
			.containsExactly("security.password.username");
	}

	@Test
	void lineBreaksAndNulAreRefusedOtherCharactersAccepted() {
		assertThat(this.policy.problems("alice", "violet tractor\nlunar 84"))
			.containsExactly("security.password.control");
		assertThat(this.policy.problems("alice", "violet tractor\rlunar 84"))
			.containsExactly("security.password.control");
		assertThat(this.policy.problems("alice", "violet tractor\0lunar 84"))
			.containsExactly("security.password.control");
		assertThat(this.policy.problems("alice", "vïolet {tràctor} $(lunar) `84` ; | ../")).isEmpty();
	}

	@Test
	void passwordBeyondWhatBcryptReadsIsRefused() {
		assertThat(this.policy.problems("alice", "é".repeat(40))).contains("security.password.long");
	}

	@Test
	void emptyPasswordIsRequired() {
		assertThat(this.policy.problems("alice", "")).containsExactly("security.password.required");
		assertThat(this.policy.problems("alice", null)).containsExactly("security.password.required");
	}

}
