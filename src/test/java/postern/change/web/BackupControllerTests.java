package postern.change.web;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import postern.change.BackupNotFoundException;
import postern.change.BackupService;
import postern.change.BackupService.BackupComparison;
import postern.change.ChangeFixtures;
import postern.host.Backup;
import postern.host.FileDiff;
import postern.host.Hosts;
import postern.infrastructure.FlashMessage;
import postern.infrastructure.Paging;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(controllers = BackupController.class, properties = "spring.messages.basename=messages,i18n/change")
@WithMockUser
class BackupControllerTests {

	static final Path CADDYFILE = Path.of("/etc/caddy/Caddyfile");

	static final Backup BACKUP = new Backup("20261125T100000Z-1", CADDYFILE, Instant.parse("2026-11-25T10:00:00Z"),
			1234);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	BackupService backups;

	@MockitoBean
	Hosts hosts;

	@BeforeEach
	void currentHost() {
		ChangeFixtures.currentHostNamed(this.hosts, "vps");
	}

	@Test
	void listShowsBackupsGroupedByFile() throws Exception {
		Backup maddy = new Backup("m1", Path.of("/etc/maddy/maddy.conf"), Instant.parse("2026-11-24T09:00:00Z"), 99);
		given(this.backups.page(0, BackupController.PAGE_SIZE))
			.willReturn(new PageImpl<>(List.of(BACKUP, maddy), PageRequest.of(0, BackupController.PAGE_SIZE), 2));

		this.mvc.perform(get("/backups"))
			.andExpect(status().isOk())
			.andExpect(view().name(BackupController.LIST_VIEW))
			.andExpect(content().string(allOf(containsString("<code>/etc/caddy/Caddyfile</code>"),
					containsString("<code>/etc/maddy/maddy.conf</code>"), containsString("1,234 bytes"),
					containsString("href=\"/backups/20261125T100000Z-1\""), containsString("href=\"/backups/m1\""))));
	}

	@Test
	void listShowsOnePageOfBackupsWithAPager() throws Exception {
		List<Backup> many = IntStream.range(0, 120)
			.mapToObj((n) -> new Backup("b" + n, CADDYFILE, Instant.parse("2026-11-24T09:00:00Z").minusSeconds(n), n))
			.toList();
		willAnswer((call) -> Paging.page(many, call.getArgument(0), call.getArgument(1), Function.identity()))
			.given(this.backups)
			.page(anyInt(), anyInt());

		this.mvc.perform(get("/backups").param("page", "1"))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("href=\"/backups/b50\""), containsString("href=\"/backups/b99\""),
						not(containsString("href=\"/backups/b49\"")), not(containsString("href=\"/backups/b100\"")),
						containsString("Page 2 of 3"), containsString("href=\"/backups?page=2\""))));
		this.mvc.perform(get("/backups").param("page", "7"))
			.andExpect(status().isOk())
			.andExpect(
					content().string(allOf(containsString("href=\"/backups/b119\""), containsString("Page 3 of 3"))));
	}

	@Test
	void showDiffsTheBackupAgainstTheCurrentFile() throws Exception {
		String diff = FileDiff.unified(CADDYFILE, "new {\n}\n".getBytes(), "old {\n}\n".getBytes());
		given(this.backups.compare(BACKUP.id())).willReturn(new BackupComparison(BACKUP, true, diff));

		this.mvc.perform(get("/backups/" + BACKUP.id()))
			.andExpect(status().isOk())
			.andExpect(model().attributeExists("backup", "lines"))
			.andExpect(content().string(allOf(containsString("<span class=\"diff-del\">-new {</span>"),
					containsString("<span class=\"diff-add\">+old {</span>"),
					containsString("action=\"/backups/20261125T100000Z-1/restore\""),
					containsString("name=\"_csrf\""))));
	}

	@Test
	void showWhenSameAsCurrentOffersNoRestore() throws Exception {
		given(this.backups.compare(BACKUP.id())).willReturn(new BackupComparison(BACKUP, true, ""));

		this.mvc.perform(get("/backups/" + BACKUP.id()))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/restore"))));
	}

	@Test
	void showWhenMissingIsNotFound() throws Exception {
		given(this.backups.compare("nope")).willThrow(new BackupNotFoundException("nope"));

		this.mvc.perform(get("/backups/nope")).andExpect(status().isNotFound());
	}

	@Test
	void restorePreviewsAChangeAndRedirectsToIt() throws Exception {
		given(this.backups.previewRestore(BACKUP.id())).willReturn(ChangeFixtures.previewed(42, true));

		FlashMessage message = (FlashMessage) this.mvc
			.perform(post("/backups/" + BACKUP.id() + "/restore").with(csrf()))
			.andExpect(redirectedUrl("/changes/42"))
			.andReturn()
			.getFlashMap()
			.get(FlashMessage.ATTRIBUTE);
		assertThat(message.key()).isEqualTo("backup.flash.restore-previewed");
	}

	@Test
	void restoreWithoutCsrfTokenIsForbidden() throws Exception {
		this.mvc.perform(post("/backups/" + BACKUP.id() + "/restore")).andExpect(status().isForbidden());

		verify(this.backups, never()).previewRestore(BACKUP.id());
	}

}
