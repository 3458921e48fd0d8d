package postern.change.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import postern.change.ApplyOutcome;
import postern.change.ChangeFixtures;
import postern.change.ChangeNotFoundException;
import postern.change.ChangeService;
import postern.host.Hosts;
import postern.infrastructure.FlashMessage;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(controllers = ChangeController.class, properties = "spring.messages.basename=messages,i18n/change")
@WithMockUser
class ChangeControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ChangeService changes;

	@MockitoBean
	Hosts hosts;

	@BeforeEach
	void currentHost() {
		ChangeFixtures.currentHostNamed(this.hosts, "vps");
	}

	@Test
	void showWhenPreviewedRendersDiffAndApplyAndDiscardForms() throws Exception {
		given(this.changes.find(7)).willReturn(ChangeFixtures.previewed(7, true));

		this.mvc.perform(get("/changes/7"))
			.andExpect(status().isOk())
			.andExpect(view().name(ChangeController.VIEW))
			.andExpect(model().attributeExists("change", "files"))
			.andExpect(content().string(allOf(containsString("Restore /etc/caddy/Caddyfile from the backup of"),
					containsString("<span class=\"diff-add\">+\tencode gzip</span>"),
					containsString("<span class=\"diff-hunk\">@@"), containsString("state-previewed"),
					containsString("Checked by caddyfile: valid."), containsString("action=\"/changes/7/apply\""),
					containsString("action=\"/changes/7/discard\""), containsString("name=\"_csrf\""))));
	}

	@Test
	void showWhenValidationFailedShowsItWithoutApply() throws Exception {
		given(this.changes.find(7)).willReturn(ChangeFixtures.previewed(7, false));

		this.mvc.perform(get("/changes/7"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("unrecognized directive: encode_gzip"),
					containsString("Checked by caddyfile: refused."), not(containsString("/changes/7/apply")),
					containsString("action=\"/changes/7/discard\""))));
	}

	@Test
	void showWhenRolledBackShowsTheLogAndNoForms() throws Exception {
		given(this.changes.find(8)).willReturn(ChangeFixtures.rolledBack(8));

		this.mvc.perform(get("/changes/8").param("lang", "fr"))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("state-rolled_back"), containsString("Le rechargement de caddy a échoué."),
						containsString("Job for caddy.service failed"), containsString("/etc/caddy/Caddyfile écrit."),
						not(containsString("/apply")), not(containsString("/discard")))));
	}

	@Test
	void showWhenMissingIsNotFound() throws Exception {
		given(this.changes.find(404)).willThrow(new ChangeNotFoundException(404));

		this.mvc.perform(get("/changes/404")).andExpect(status().isNotFound());
	}

	@Test
	void applyRedirectsToTheChangeWithAFlashMessage() throws Exception {
		given(this.changes.apply(7)).willReturn(ApplyOutcome.APPLIED);

		FlashMessage message = (FlashMessage) this.mvc.perform(post("/changes/7/apply").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/changes/7"))
			.andExpect(flash().attributeExists(FlashMessage.ATTRIBUTE))
			.andReturn()
			.getFlashMap()
			.get(FlashMessage.ATTRIBUTE);
		assertThat(message.level()).isEqualTo("success");
		assertThat(message.key()).isEqualTo("change.flash.applied");
	}

	@Test
	void applyWhenRolledBackFlashesAnError() throws Exception {
		given(this.changes.apply(7)).willReturn(ApplyOutcome.ROLLED_BACK);

		FlashMessage message = (FlashMessage) this.mvc.perform(post("/changes/7/apply").with(csrf()))
			.andExpect(redirectedUrl("/changes/7"))
			.andReturn()
			.getFlashMap()
			.get(FlashMessage.ATTRIBUTE);
		assertThat(message.level()).isEqualTo("error");
		assertThat(message.key()).isEqualTo("change.flash.rolled-back");
	}

	@Test
	void applyWithoutCsrfTokenIsForbiddenAndAppliesNothing() throws Exception {
		this.mvc.perform(post("/changes/7/apply")).andExpect(status().isForbidden());

		verify(this.changes, never()).apply(7);
	}

	@Test
	void discardRedirectsToTheChangeWithAFlashMessage() throws Exception {
		given(this.changes.discard(7)).willReturn(true);

		FlashMessage message = (FlashMessage) this.mvc.perform(post("/changes/7/discard").with(csrf()))
			.andExpect(redirectedUrl("/changes/7"))
			.andReturn()
			.getFlashMap()
			.get(FlashMessage.ATTRIBUTE);
		assertThat(message.key()).isEqualTo("change.flash.discarded");
		verify(this.changes).discard(7);
	}

}
