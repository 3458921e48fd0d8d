package postern.security;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import postern.PosternIntegrationTests;
import postern.audit.AuditEvent;
import postern.audit.AuditLog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.Pageable;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Lockout per account, delay per client address, and answers that never tell whether an
 * account exists. Each test makes its own admins and uses its own client addresses, so
 * the shared application context stays usable for the other tests.
 */
@AutoConfigureMockMvc
class LoginProtectionTests extends PosternIntegrationTests {

	static final String PASSWORD = "violet tractor lunar 84 spoon";

	private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

	@Autowired
	MockMvc mvc;

	@Autowired
	AdminAccounts accounts;

	@Autowired
	AuditLog auditLog;

	@Test
	void fiveFailuresLockTheAccountUntilAnotherAdminLiftsTheLock() throws Exception {
		String name = newAdmin("locked");
		for (int i = 0; i < 5; i++) {
			assertThat(logIn(name, "wrong password " + i, nextAddress()).getResponse().getRedirectedUrl())
				.isEqualTo("/login?error");
		}
		assertThat(this.accounts.find(name).orElseThrow().isLockedAt(this.accounts.now())).isTrue();
		MvcResult locked = logIn(name, PASSWORD, nextAddress());
		assertThat(locked.getResponse().getRedirectedUrl()).as("right password, locked account")
			.isEqualTo("/login?error");
		assertThat(audited(name)).extracting(AuditEvent::getAction).contains("login.locked", "login.failure");
		assertThat(audited(name)).filteredOn((event) -> "login.failure".equals(event.getAction()))
			.extracting(AuditEvent::getDetail)
			.contains("wrong-password", "locked");

		String page = this.mvc.perform(get("/admins").with(user("admin").roles("ADMIN")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("admin-" + name).contains("locked until");

		this.mvc.perform(post("/admins/{name}/unlock", name).with(csrf()).with(user("admin").roles("ADMIN")));
		assertThat(audited(name)).extracting(AuditEvent::getAction).contains("admin.unlocked");
		MvcResult unlocked = logIn(name, PASSWORD, nextAddress());
		assertThat(unlocked.getResponse().getRedirectedUrl()).isEqualTo("/");
	}

	@Test
	void addressThatKeepsFailingWaitsLongerAndLongerWhateverTheAccount() throws Exception {
		String name = newAdmin("throttled");
		String address = nextAddress();
		for (int i = 0; i < LoginThrottle.FREE_FAILURES + 2; i++) {
			logIn("nobody-" + i, "whatever", address);
		}
		MvcResult refused = logIn(name, PASSWORD, address);
		assertThat(refused.getResponse().getRedirectedUrl()).as("right password from a slowed-down address")
			.isEqualTo("/login?error");
		assertThat(audited(name)).filteredOn((event) -> "login.failure".equals(event.getAction()))
			.extracting(AuditEvent::getDetail)
			.contains("throttled");
		assertThat(this.accounts.find(name).orElseThrow().getFailedAttempts())
			.as("an attempt refused unchecked does not count against the account")
			.isZero();
		MvcResult elsewhere = logIn(name, PASSWORD, nextAddress());
		assertThat(elsewhere.getResponse().getRedirectedUrl()).as("same account from another address").isEqualTo("/");
	}

	@Test
	void unknownAndKnownAccountsGetTheSameAnswer() throws Exception {
		String name = newAdmin("known");
		MvcResult known = logIn(name, "not the password", nextAddress());
		MvcResult unknown = logIn("unknown-" + name, "not the password", nextAddress());
		assertThat(unknown.getResponse().getStatus()).isEqualTo(known.getResponse().getStatus());
		assertThat(unknown.getResponse().getRedirectedUrl()).isEqualTo(known.getResponse().getRedirectedUrl());
		assertThat(unknown.getResponse().getHeaderNames()).isEqualTo(known.getResponse().getHeaderNames());
		assertThat(unknown.getResponse().getContentAsString()).isEqualTo(known.getResponse().getContentAsString());
		// After the account is locked, it still answers like an unknown one.
		for (int i = 0; i < 5; i++) {
			logIn(name, "not the password " + i, nextAddress());
		}
		MvcResult locked = logIn(name, PASSWORD, nextAddress());
		assertThat(locked.getResponse().getRedirectedUrl()).isEqualTo(unknown.getResponse().getRedirectedUrl());
		String loginPage = this.mvc.perform(get("/login?error")).andReturn().getResponse().getContentAsString();
		assertThat(loginPage).contains("Wrong user name or password, or too many failed attempts");
	}

	@Test
	void successfulLoginGetsTheIdleTimeoutOfTheSettings() throws Exception {
		String name = newAdmin("timeout");
		MvcResult result = logIn(name, PASSWORD, nextAddress());
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
		assertThat(result.getRequest().getSession().getMaxInactiveInterval()).isEqualTo(30 * 60);
	}

	@Test
	void logOutEverywhereEndsEverySessionOfTheAccount() throws Exception {
		String name = newAdmin("everywhere");
		MockHttpSession first = session(logIn(name, PASSWORD, nextAddress()));
		MockHttpSession second = session(logIn(name, PASSWORD, nextAddress()));
		assertThat(this.mvc.perform(get("/").session(second)).andReturn().getResponse().getStatus()).isEqualTo(200);
		String account = this.mvc.perform(get("/account").session(first))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(account).contains("Open sessions").contains("this one");

		MvcResult ended = this.mvc.perform(post("/account/sessions/end-all").session(first).with(csrf())).andReturn();
		assertThat(ended.getResponse().getRedirectedUrl()).isEqualTo("/login?logout");
		assertThat(this.mvc.perform(get("/").session(second)).andReturn().getResponse().getRedirectedUrl())
			.isEqualTo("/login?expired");
		assertThat(audited(name)).extracting(AuditEvent::getAction).contains("account.sessions-ended");
	}

	@Test
	void adminPasswordsFollowTheRulesWithAMessageNextToTheField() throws Exception {
		String name = "rules-" + ADDRESSES.incrementAndGet();
		assertThat(newAdminPage(name, "x7#Kq!2v")).contains("At least 12 characters.");
		assertThat(newAdminPage(name, "password1234")).contains("Too easy to guess");
		assertThat(newAdminPage(name, "violet " + name + " tractor 84")).contains("must not contain the user name");
		assertThat(newAdminPage("Bad Name", PASSWORD)).contains("Lower-case letters, digits");
		assertThat(this.accounts.find(name)).isEmpty();

		String admin = newAdmin("changer");
		MockHttpSession session = session(logIn(admin, PASSWORD, nextAddress()));
		String wrongCurrent = this.mvc
			.perform(post("/account/password").session(session)
				.with(csrf())
				.param("currentPassword", "not my password")
				.param("newPassword", "amber glacier 19 kettle drum")
				.param("newPasswordConfirm", "amber glacier 19 kettle drum"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(wrongCurrent).contains("This is not your current password.");
		String weak = this.mvc
			.perform(post("/account/password").session(session)
				.with(csrf())
				.param("currentPassword", PASSWORD)
				.param("newPassword", "short")
				.param("newPasswordConfirm", "short"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(weak).contains("At least 12 characters.");
		MvcResult changed = this.mvc
			.perform(post("/account/password").session(session)
				.with(csrf())
				.param("currentPassword", PASSWORD)
				.param("newPassword", "amber glacier 19 kettle drum")
				.param("newPasswordConfirm", "amber glacier 19 kettle drum"))
			.andReturn();
		assertThat(changed.getResponse().getRedirectedUrl()).isEqualTo("/account");
		assertThat(logIn(admin, "amber glacier 19 kettle drum", nextAddress()).getResponse().getRedirectedUrl())
			.isEqualTo("/");
	}

	@Test
	void theLastAdminCannotBeRemovedAndRemovalNeedsTheNameTyped() throws Exception {
		String name = newAdmin("removed");
		String mismatch = this.mvc
			.perform(post("/admins/{name}/delete", name).with(csrf())
				.with(user("admin").roles("ADMIN"))
				.param("confirm", "someone else"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(mismatch).contains("name exactly.");
		assertThat(this.accounts.find(name)).isPresent();
		MvcResult removed = this.mvc
			.perform(post("/admins/{name}/delete", name).with(csrf())
				.with(user("admin").roles("ADMIN"))
				.param("confirm", name))
			.andReturn();
		assertThat(removed.getResponse().getRedirectedUrl()).isEqualTo("/admins");
		assertThat(this.accounts.find(name)).isEmpty();
		assertThat(logIn(name, PASSWORD, nextAddress()).getResponse().getRedirectedUrl()).isEqualTo("/login?error");
	}

	private String newAdminPage(String name, String password) throws Exception {
		return this.mvc
			.perform(post("/admins/new").with(csrf())
				.with(user("admin").roles("ADMIN"))
				.param("username", name)
				.param("password", password)
				.param("passwordConfirm", password))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	String newAdmin(String prefix) {
		String name = prefix + "-" + ADDRESSES.incrementAndGet();
		this.accounts.create(name, PASSWORD);
		return name;
	}

	MvcResult logIn(String name, String password, String address) throws Exception {
		return this.mvc
			.perform(post("/login").param("username", name)
				.param("password", password)
				.with(csrf())
				.with(remoteAddress(address)))
			.andReturn();
	}

	List<AuditEvent> audited(String name) {
		return this.auditLog.find(name, Pageable.ofSize(100)).getContent();
	}

	static MockHttpSession session(MvcResult result) {
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	/**
	 * A client address of its own for each attempt, on loopback.
	 * @return the address
	 */
	static String nextAddress() {
		int n = ADDRESSES.incrementAndGet();
		return "127.1." + (n / 250) + "." + (n % 250 + 1);
	}

	static RequestPostProcessor remoteAddress(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
