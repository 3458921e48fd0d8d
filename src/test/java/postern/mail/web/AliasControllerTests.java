package postern.mail.web;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import postern.change.Change;
import postern.change.ChangeFixtures;
import postern.host.Hosts;
import postern.mail.Mailboxes;
import postern.mail.Alias;
import postern.mail.Aliases;
import postern.mail.MailFileException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
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

@WebMvcTest(controllers = AliasController.class, properties = "spring.messages.basename=messages,i18n/mail")
@WithMockUser
class AliasControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Hosts hosts;

	@MockitoBean
	Mailboxes mailboxes;

	@BeforeEach
	void currentHost() {
		ChangeFixtures.currentHostNamed(this.hosts, "vps");
	}

	@MockitoBean
	Aliases aliases;

	static List<String> hostileAddresses() {
		return HostileInputs.addresses();
	}

	/**
	 * Blanks around a comma only space the list out; every other hostile address counts.
	 */
	static List<String> hostileTargets() {
		return HostileInputs.addresses().stream().filter((value) -> !value.equals(" a@x.org")).toList();
	}

	@Test
	void listGroupsAliasesByDomainAndShowsEveryTarget() throws Exception {
		List<Alias> page = List.of(new Alias("contact@cinay.eu", List.of("yann@xoyize.xyz"), 3),
				new Alias("equipe@yanfi.net", List.of("yann@xoyize.xyz", "marie@yanfi.net"), 6));
		given(this.aliases.search(any(), any())).willReturn(new PageImpl<>(page, PageRequest.of(0, 100), 2));
		given(this.aliases.problems()).willReturn(List.of());

		this.mvc.perform(get("/aliases"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<h2>cinay.eu</h2>"), containsString("<h2>yanfi.net</h2>"),
					containsString("yann@xoyize.xyz, marie@yanfi.net"), containsString("2 aliases"))));
	}

	@Test
	void newAliasWhenValidPreviewsTheChange() throws Exception {
		Change change = mock(Change.class);
		given(change.getId()).willReturn(12L);
		given(this.aliases.previewAdd("info@cinay.eu", List.of("yann@xoyize.xyz", "marie@yanfi.net")))
			.willReturn(change);

		this.mvc
			.perform(post("/aliases/new").with(csrf())
				.param("alias", "Info@Cinay.eu")
				.param("targets", "yann@xoyize.xyz , marie@yanfi.net"))
			.andExpect(redirectedUrl("/changes/12"));
	}

	@ParameterizedTest
	@MethodSource("hostileAddresses")
	void newAliasWhenAliasIsHostileShowsFieldErrorAndPreviewsNothing(String hostile) throws Exception {
		this.mvc.perform(post("/aliases/new").with(csrf()).param("alias", hostile).param("targets", "yann@xoyize.xyz"))
			.andExpect(status().isOk())
			.andExpect(view().name(AliasController.FORM_VIEW))
			.andExpect(model().attributeHasFieldErrors("form", "alias"))
			.andExpect(content().string(containsString("class=\"field-error\"")));
		verify(this.aliases, never()).previewAdd(anyString(), anyList());
	}

	@ParameterizedTest
	@MethodSource("hostileTargets")
	void newAliasWhenTargetIsHostileShowsFieldErrorAndPreviewsNothing(String hostile) throws Exception {
		this.mvc
			.perform(post("/aliases/new").with(csrf())
				.param("alias", "info@cinay.eu")
				.param("targets", "yann@xoyize.xyz, " + hostile))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "targets"));
		verify(this.aliases, never()).previewAdd(anyString(), anyList());
	}

	@Test
	void newAliasWhenItExistsShowsWhyNextToTheField() throws Exception {
		given(this.aliases.previewAdd(anyString(), anyList()))
			.willThrow(new MailFileException("aliases.exists", "contact@cinay.eu"));

		this.mvc
			.perform(post("/aliases/new").with(csrf()).param("alias", "contact@cinay.eu").param("targets", "a@b.org"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "alias", "aliases.exists"))
			.andExpect(content().string(containsString("contact@cinay.eu is already an alias; edit it instead.")));
	}

	@Test
	void editKeepsTheAliasAndPreviewsNewTargets() throws Exception {
		Change change = mock(Change.class);
		given(change.getId()).willReturn(13L);
		given(this.aliases.find("equipe@yanfi.net"))
			.willReturn(java.util.Optional.of(new Alias("equipe@yanfi.net", List.of("yann@xoyize.xyz"), 6)));
		given(this.aliases.previewEdit("equipe@yanfi.net", List.of("marie@yanfi.net"))).willReturn(change);

		this.mvc
			.perform(post("/aliases/equipe@yanfi.net/edit").with(csrf())
				.param("alias", "other@x.org")
				.param("targets", "marie@yanfi.net"))
			.andExpect(redirectedUrl("/changes/13"));
	}

	@Test
	void editOfAnUnknownAliasIsNotFound() throws Exception {
		given(this.aliases.find(anyString())).willReturn(java.util.Optional.empty());
		this.mvc.perform(get("/aliases/nobody@x.org/edit")).andExpect(status().isNotFound());
	}

}
