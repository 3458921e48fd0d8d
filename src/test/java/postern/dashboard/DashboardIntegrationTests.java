package postern.dashboard;

import org.junit.jupiter.api.Test;

import postern.PosternIntegrationTests;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dashboard over the whole application and the stand-ins.
 */
@AutoConfigureMockMvc
class DashboardIntegrationTests extends PosternIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void pageLoadsEveryCardOnItsOwn() throws Exception {
		this.mvc.perform(get("/").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("hx-get=\"/dashboard/units\""),
					containsString("hx-get=\"/dashboard/certificates\""),
					containsString("hx-get=\"/dashboard/counts\""), containsString("hx-request='{\"timeout\": 30000}'"),
					containsString("data-error="), containsString("href=\"/services\""))));
	}

	@Test
	void unitsCardHasAOneClickReloadPerUnit() throws Exception {
		this.mvc.perform(get("/dashboard/units").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("caddy.service"), containsString("maddy.service"),
					containsString("active (running)"), containsString("hx-post=\"/services/caddy/reload\""),
					containsString("hx-post=\"/services/maddy/reload\""), containsString("hx-target=\"#reload-caddy\""),
					containsString("id=\"reload-caddy\""), containsString("name=\"_csrf\""))));
	}

	@Test
	void certificatesCardShowsCaddysCertificatesSoonestFirst() throws Exception {
		this.mvc.perform(get("/dashboard/certificates").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Expires first:"),
					containsString("<strong>xoyize.xyz</strong>"), containsString("mta-sts.xoyize.xyz"),
					containsString("2027-02-23"), containsString("mx1.xoyize.xyz"))));
	}

	@Test
	void countsCardLinksEachMailCountToItsPage() throws Exception {
		this.mvc.perform(get("/dashboard/counts").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("5 mail domains"), containsString("href=\"/domains\""),
					containsString("href=\"/aliases\""), containsString("href=\"/health\""),
					containsString("Health checks: "))));
	}

}
