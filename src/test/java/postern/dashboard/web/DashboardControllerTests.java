package postern.dashboard.web;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import postern.audit.AuditLog;
import postern.change.ChangeService;
import postern.change.InterruptedChange;
import postern.change.ChangeFixtures;
import postern.dashboard.CertificateInfo;
import postern.dashboard.CertificateReport;
import postern.dashboard.Dashboard;
import postern.host.Hosts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = DashboardController.class, properties = "spring.messages.basename=messages,i18n/services")
@WithMockUser
class DashboardControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Dashboard dashboard;

	@MockitoBean
	AuditLog auditLog;

	@MockitoBean
	Hosts hosts;

	@MockitoBean
	ChangeService changes;

	@BeforeEach
	void currentHost() {
		ChangeFixtures.currentHostNamed(this.hosts, "vps");
	}

	@Test
	void pageAsksNothingOfTheServerAndShowsCountsOnlyWhenThereAreSome() throws Exception {
		given(this.dashboard.hasCounts()).willReturn(true);
		this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content().string(
					allOf(containsString("hx-get=\"/dashboard/counts\""), containsString("hx-get=\"/dashboard/units\""),
							containsString("hx-get=\"/dashboard/certificates\""))));
		verify(this.dashboard, never()).units();
		verify(this.dashboard, never()).certificates();
		verify(this.dashboard, never()).counts();
	}

	@Test
	void interruptedChangesSayWhichFilesToCheckAndWhatToReload() throws Exception {
		given(this.changes.interrupted()).willReturn(List.of(new InterruptedChange(42, "new site www.example.org",
				Instant.parse("2026-11-25T10:00:00Z"), List.of(Path.of("/etc/caddy/Caddyfile")), List.of("caddy"))));
		this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Interrupted changes"),
					containsString("<a href=\"/changes/42\">Change 42: new site www.example.org</a>"),
					containsString("<code>/etc/caddy/Caddyfile</code>"), containsString("then reload: caddy"),
					containsString("either its old or its new content"))));
	}

	@Test
	void noInterruptedChangeNoSection() throws Exception {
		this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"interrupted\""))));
	}

	@Test
	void certificatesCardWarnsAboutTheSoonestExpiry() throws Exception {
		Instant notAfter = Instant.parse("2026-12-01T00:00:00Z");
		given(this.dashboard.certificates())
			.willReturn(new CertificateReport(
					List.of(new CertificateInfo("maddy", Path.of("/etc/maddy/certs/mx1/fullchain.pem"),
							"mx1.example.org", notAfter, 6)),
					List.of("/var/lib/caddy/certificates: Permission denied")));

		this.mvc.perform(get("/dashboard/certificates"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<strong>mx1.example.org</strong>"),
					containsString("badge-warning"), containsString("in 6 days"), containsString("expiry-soon"),
					containsString("Permission denied"))));
	}

	@Test
	void countsCardLinksEachCountAndShowsAFailureInPlace() throws Exception {
		given(this.dashboard.counts())
			.willReturn(List.of(new Dashboard.CountView("dashboard.certificates.more", "/mailboxes", 12L, null),
					new Dashboard.CountView("dashboard.certificates.more", "/aliases", null, "maddy did not answer")));

		this.mvc.perform(get("/dashboard/counts"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<a href=\"/mailboxes\">and 12 more</a>"),
					containsString("href=\"/aliases\""), containsString("could not count: maddy did not answer"))));
	}

	@Test
	void unitsCardWhenNothingIsKnownStillRenders() throws Exception {
		given(this.dashboard.units()).willReturn(List.of());
		this.mvc.perform(get("/dashboard/units")).andExpect(status().isOk());
	}

}
