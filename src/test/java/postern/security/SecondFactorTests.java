package postern.security;

import java.util.Collections;
import java.util.List;
import java.util.Map;

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

import static org.assertj.core.api.Assertions.assertThat;
import static postern.security.LoginProtectionTests.PASSWORD;
import static postern.security.LoginProtectionTests.nextAddress;
import static postern.security.LoginProtectionTests.remoteAddress;
import static postern.security.LoginProtectionTests.session;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The second factor end to end: enrolment on the account page with a code computed from
 * the secret, the code asked at every login, recovery codes that work once, and a reset
 * by another admin.
 */
@AutoConfigureMockMvc
class SecondFactorTests extends PosternIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AdminAccounts accounts;

	@Autowired
	AuditLog auditLog;

	@Test
	void enrolThenEveryLoginAsksForTheCode() throws Exception {
		String name = newAdmin("totp");
		Enrolment enrolment = enrol(name);
		assertThat(enrolment.recoveryCodes()).hasSize(10).doesNotHaveDuplicates();
		assertThat(enrolment.recoveryCodes()).allMatch((code) -> code.matches("[a-z0-9]{5}-[a-z0-9]{5}"));
		assertThat(this.accounts.find(name).orElseThrow().isTotpEnabled()).isTrue();

		MvcResult password = logIn(name);
		assertThat(password.getResponse().getRedirectedUrl()).isEqualTo("/login/code");
		MockHttpSession session = session(password);
		assertThat(this.mvc.perform(get("/domains").session(session)).andReturn().getResponse().getRedirectedUrl())
			.as("a password alone opens nothing")
			.isEqualTo("/login/code");

		String wrong = this.mvc.perform(post("/login/code").session(session).with(csrf()).param("code", "000000"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(wrong).contains("This code is not right.");

		MvcResult code = this.mvc
			.perform(post("/login/code").session(session).with(csrf()).param("code", nextCode(enrolment.secret())))
			.andReturn();
		assertThat(code.getResponse().getRedirectedUrl()).isEqualTo("/");
		MockHttpSession full = session(code);
		assertThat(this.mvc.perform(get("/account").session(full)).andReturn().getResponse().getStatus())
			.isEqualTo(200);
		assertThat(audited(name)).extracting(AuditEvent::getAction)
			.contains("account.totp-enabled", "login.success", "login.failure");
		assertThat(audited(name))
			.noneSatisfy((event) -> assertThat(String.valueOf(event.getDetail())).contains(enrolment.secret()));
	}

	@Test
	void aRecoveryCodeOpensTheAccountOnce() throws Exception {
		String name = newAdmin("recovery");
		Enrolment enrolment = enrol(name);
		String recovery = enrolment.recoveryCodes().get(3);

		MockHttpSession first = session(logIn(name));
		MvcResult used = this.mvc
			.perform(post("/login/code").session(first).with(csrf()).param("code", recovery.toUpperCase()))
			.andReturn();
		assertThat(used.getResponse().getRedirectedUrl()).isEqualTo("/");
		assertThat(this.accounts.recoveryCodesLeft(name)).isEqualTo(9);

		MockHttpSession second = session(logIn(name));
		String again = this.mvc.perform(post("/login/code").session(second).with(csrf()).param("code", recovery))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(again).contains("This code is not right.");
	}

	@Test
	void anotherAdminResetsTheSecondFactorAndEndsTheSessions() throws Exception {
		String name = newAdmin("reset");
		Enrolment enrolment = enrol(name);
		MockHttpSession session = session(logIn(name));
		MockHttpSession full = session(this.mvc
			.perform(post("/login/code").session(session).with(csrf()).param("code", nextCode(enrolment.secret())))
			.andReturn());

		this.mvc.perform(post("/admins/{name}/totp-reset", name).with(csrf()).with(user("admin").roles("ADMIN")));

		assertThat(this.accounts.find(name).orElseThrow().isTotpEnabled()).isFalse();
		assertThat(this.accounts.recoveryCodesLeft(name)).isZero();
		assertThat(this.mvc.perform(get("/").session(full)).andReturn().getResponse().getRedirectedUrl())
			.isEqualTo("/login?expired");
		assertThat(logIn(name).getResponse().getRedirectedUrl()).as("password alone again").isEqualTo("/");
		assertThat(audited(name)).extracting(AuditEvent::getAction).contains("admin.totp-reset");
	}

	@Test
	void wrongCodesCountTowardsTheLockout() throws Exception {
		String name = newAdmin("guess");
		enrol(name);
		MockHttpSession session = session(logIn(name));
		for (int i = 0; i < 4; i++) {
			this.mvc.perform(post("/login/code").session(session).with(csrf()).param("code", "12345" + i));
		}
		MvcResult last = this.mvc.perform(post("/login/code").session(session).with(csrf()).param("code", "999999"))
			.andReturn();
		assertThat(last.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
		assertThat(this.accounts.find(name).orElseThrow().isLockedAt(this.accounts.now())).isTrue();
	}

	@Test
	void theQrCodeIsDrawnOnceForEachPendingSecret() throws Exception {
		String name = newAdmin("qr");
		MockHttpSession session = session(logIn(name));
		Map<String, Object> first = this.mvc.perform(get("/account/totp").session(session))
			.andReturn()
			.getModelAndView()
			.getModel();
		Map<String, Object> again = this.mvc.perform(get("/account/totp").session(session))
			.andReturn()
			.getModelAndView()
			.getModel();
		assertThat(again.get("secret")).isEqualTo(first.get("secret"));
		assertThat(again.get("qrCode")).as("kept, not drawn again").isSameAs(first.get("qrCode"));
		String secret = (String) first.get("secret");
		assertThat(Collections.list(session.getAttributeNames())).map(session::getAttribute)
			.filteredOn((value) -> !(value instanceof String))
			.allSatisfy((value) -> assertThat(value.toString()).doesNotContain(secret));

		Map<String, Object> otherSession = this.mvc.perform(get("/account/totp").session(session(logIn(name))))
			.andReturn()
			.getModelAndView()
			.getModel();
		assertThat(otherSession.get("secret")).isNotEqualTo(secret);
		assertThat(otherSession.get("qrCode")).isNotEqualTo(first.get("qrCode"));
	}

	private Enrolment enrol(String name) throws Exception {
		MockHttpSession session = session(logIn(name));
		MvcResult form = this.mvc.perform(get("/account/totp").session(session)).andReturn();
		String secret = (String) form.getModelAndView().getModel().get("secret");
		assertThat(form.getResponse().getContentAsString()).contains("data:image/png;base64,").contains(secret);
		String wrong = this.mvc.perform(post("/account/totp").session(session).with(csrf()).param("code", "000000"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(wrong).contains("This code is not right.");
		MvcResult confirmed = this.mvc
			.perform(
					post("/account/totp").session(session).with(csrf()).param("code", AuthenticatorApp.codeNow(secret)))
			.andReturn();
		assertThat(confirmed.getResponse().getRedirectedUrl()).isEqualTo("/account/totp/recovery-codes");
		@SuppressWarnings("unchecked")
		List<String> codes = (List<String>) confirmed.getFlashMap().get("recoveryCodes");
		String shown = this.mvc.perform(get("/account/totp/recovery-codes").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(shown).contains(codes.get(0)).contains(codes.get(9));
		assertThat(this.mvc.perform(get("/account/totp/recovery-codes").session(session))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).as("shown once").isEqualTo("/account");
		return new Enrolment(secret, codes);
	}

	/**
	 * A code for the next time step: the enrolment used the current one, and a step is
	 * accepted only once; the step after is within the accepted clock drift.
	 */
	private static String nextCode(String secret) {
		long step = Math.floorDiv(System.currentTimeMillis() / 1000, Totp.PERIOD_SECONDS);
		return AuthenticatorApp.code(secret, step + 1);
	}

	private String newAdmin(String prefix) {
		String name = prefix + "-" + nextAddress().replace('.', '-');
		this.accounts.create(name, PASSWORD);
		return name;
	}

	private MvcResult logIn(String name) throws Exception {
		return this.mvc
			.perform(post("/login").param("username", name)
				.param("password", PASSWORD)
				.with(csrf())
				.with(remoteAddress(nextAddress())))
			.andReturn();
	}

	private List<AuditEvent> audited(String name) {
		return this.auditLog.find(name, Pageable.ofSize(100)).getContent();
	}

	private record Enrolment(String secret, List<String> recoveryCodes) {
	}

}
