package postern.mail.web;

import org.junit.jupiter.api.Test;

import postern.PosternIntegrationTests;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The mail pages over the server root's real files and the maddy stand-in.
 */
@AutoConfigureMockMvc
class MailPagesIntegrationTests extends PosternIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void aDomainPageShowsItsMailboxesRewriteStepsAndRecords() throws Exception {
		this.mvc.perform(get("/domains/xoyize.xyz").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Addresses matching (.+)\\+(.+)@(.+) are rewritten"),
					containsString("postmaster is rewritten to postmaster@xoyize.xyz"),
					containsString("default._domainkey.xoyize.xyz"), containsString("v=spf1 mx -all"),
					containsString("_mta-sts.xoyize.xyz"))));
	}

	@Test
	void theDomainsAndAliasesListsRender() throws Exception {
		this.mvc.perform(get("/domains").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("rnmkcy.eu")));
		this.mvc.perform(get("/aliases").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("equipe@yanfi.net")));
	}

}
