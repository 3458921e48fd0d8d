package postern.imports;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import postern.PosternIntegrationTests;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The import pages: upload, preview, apply, result, and the generated passwords
 * downloaded once.
 */
@AutoConfigureMockMvc
class ImportPagesTests extends PosternIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void uploadPreviewApplyAndDownloadThePasswordsOnce() throws Exception {
		MockHttpSession session = new MockHttpSession();
		String csv = "type,address,password,targets\nmailbox,page.import@cinay.eu,,\nmailbox,x y@cinay.eu,,\n";
		this.mvc
			.perform(multipart("/import")
				.file(new MockMultipartFile("file", "people.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
				.session(session)
				.with(user("admin").roles("ADMIN"))
				.with(csrf()))
			.andExpect(redirectedUrl("/import/preview"));
		this.mvc.perform(get("/import/preview").session(session).with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("page.import@cinay.eu"),
					containsString("Will be created with a generated password."),
					containsString("data-line=\"3\" data-status=\"INVALID\""))));
		this.mvc.perform(post("/import/apply").session(session).with(user("admin").roles("ADMIN")).with(csrf()))
			.andExpect(redirectedUrl("/import/result"));
		this.mvc.perform(get("/import/result").session(session).with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("1 created, 0 failed, 1 left alone."),
					containsString("Download the passwords"))));
		String download = this.mvc
			.perform(post("/import/passwords").session(session).with(user("admin").roles("ADMIN")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(download).startsWith("address,password\npage.import@cinay.eu,").hasLineCount(2);
		this.mvc.perform(post("/import/passwords").session(session).with(user("admin").roles("ADMIN")).with(csrf()))
			.andExpect(status().isGone());
		this.mvc.perform(get("/mailboxes").param("q", "page.import").with(user("admin").roles("ADMIN")))
			.andExpect(content().string(containsString("page.import@cinay.eu")));
	}

	@Test
	void anUploadWithoutAFileSaysSo() throws Exception {
		this.mvc.perform(multipart("/import").with(user("admin").roles("ADMIN")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose a file.")));
	}

	@Test
	void aFileWithoutTheHeaderIsRefusedOnTheUploadPage() throws Exception {
		this.mvc
			.perform(multipart("/import")
				.file(new MockMultipartFile("file", "people.csv", "text/csv",
						"a@cinay.eu\n".getBytes(StandardCharsets.UTF_8)))
				.with(user("admin").roles("ADMIN"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The first line must name the columns")));
	}

}
