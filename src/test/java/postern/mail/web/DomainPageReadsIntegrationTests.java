package postern.mail.web;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import postern.PosternIntegrationTests;
import postern.host.RecordingHost;
import postern.host.RecordingHostConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A domain page needs maddy.conf for the domain, its rewrite rules, its MX host and its
 * DNS records, the Caddyfile for its MTA-STS policy and the aliases file for its aliases:
 * each is read once per request, and read again by the next request.
 */
@Import(RecordingHostConfiguration.class)
@AutoConfigureMockMvc
class DomainPageReadsIntegrationTests extends PosternIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	RecordingHost host;

	@Test
	void aDomainPageReadsEachManagedFileOnceAndTheNextRequestReadsThemAfresh() throws Exception {
		Path maddyConf = SERVER.resolve("etc/maddy/maddy.conf");
		Path caddyfile = SERVER.resolve("etc/caddy/Caddyfile");
		Path aliases = SERVER.resolve("etc/maddy/aliases");
		this.host.clear();
		this.mvc.perform(get("/domains/xoyize.xyz").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("postmaster@xoyize.xyz"),
					containsString("postmaster is rewritten to postmaster@xoyize.xyz"),
					containsString("_mta-sts.xoyize.xyz"))));
		assertThat(this.host.reads(maddyConf)).isOne();
		assertThat(this.host.reads(caddyfile)).isOne();
		assertThat(this.host.reads(aliases)).isOne();
		String before = Files.readString(aliases);
		try {
			Files.writeString(aliases, before + "fresh@xoyize.xyz: yann@xoyize.xyz\n");
			this.mvc.perform(get("/domains/xoyize.xyz").with(user("admin").roles("ADMIN")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("fresh@xoyize.xyz")));
		}
		finally {
			Files.writeString(aliases, before);
		}
		assertThat(this.host.reads(maddyConf)).isEqualTo(2);
		assertThat(this.host.reads(caddyfile)).isEqualTo(2);
		assertThat(this.host.reads(aliases)).isEqualTo(2);
	}

	@Test
	void aDomainsHealthPageReadsItsDkimKeyCaddyfileAndCertificateOnce() throws Exception {
		Path dkimKey = SERVER.resolve("var/lib/maddy/dkim_keys/xoyize.xyz_default.dns");
		Path caddyfile = SERVER.resolve("etc/caddy/Caddyfile");
		Path certificate = SERVER.resolve("etc/maddy/certs/mx1.xoyize.xyz/fullchain.pem");
		this.host.clear();
		this.mvc.perform(get("/health/xoyize.xyz").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("default._domainkey.xoyize.xyz."),
					containsString("_mta-sts.xoyize.xyz."), containsString("IN TLSA 3 1 1 "))));
		// the zone snippet asks for the key and the policy twice: for what a run
		// expects, and for the records
		assertThat(this.host.reads(dkimKey)).isOne();
		assertThat(this.host.reads(caddyfile)).isOne();
		assertThat(this.host.reads(certificate)).isOne();
	}

}
