package postern.mail.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import postern.PosternIntegrationTests;
import postern.mail.MaddyStandin;
import postern.mail.Mailboxes;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The mailbox list page once a list is loaded: it says how old the list is, never waits
 * for maddy (a held {@code creds list} of the stand-in keeps a read under way), reads the
 * list again when asked, shows a mailbox action's result at once, and keeps the list when
 * maddy fails, saying why.
 */
@AutoConfigureMockMvc
class MailboxListRefreshIntegrationTests extends PosternIntegrationTests {

	private static final MaddyStandin STANDIN = new MaddyStandin(SERVER);

	private static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN");

	@Autowired
	MockMvc mvc;

	@Autowired
	Mailboxes mailboxes;

	private final ExecutorService clicks = Executors.newCachedThreadPool();

	@BeforeEach
	void forgetTheList() {
		STANDIN.reset();
		this.mailboxes.invalidate();
	}

	@AfterEach
	void releaseTheStandin() {
		STANDIN.reset();
		this.clicks.shutdownNow();
	}

	@Test
	void thePageSaysHowOldTheListIsAndTheButtonReadsItAgain() throws Exception {
		String first = added("age");
		page("age").andExpect(content().string(allOf(containsString(first), containsString("List read just now."),
				containsString("action=\"/mailboxes/refresh\""))));

		String second = added("age");
		page("age").andExpect(content().string(allOf(containsString(first), not(containsString(second)))));

		this.mvc
			.perform(
					post("/mailboxes/refresh").param("q", "age").param("domain", "xoyize.xyz").with(ADMIN).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/mailboxes?domain=xoyize.xyz&q=age"));
		page("age").andExpect(content().string(allOf(containsString(first), containsString(second))));
		this.mvc.perform(get("/mailboxes").param("q", "age").param("lang", "fr").with(ADMIN))
			.andExpect(content().string(allOf(containsString("Liste lue"), containsString("Actualiser"))));
	}

	@Test
	void aRequestWhileTheListIsReadAgainGetsTheLastListAtOnce() throws Exception {
		String first = added("held");
		page("held").andExpect(content().string(containsString(first)));
		String second = added("held");
		STANDIN.hold("creds", "list");
		Future<?> click = this.clicks
			.submit(() -> this.mvc.perform(post("/mailboxes/refresh").param("q", "held").with(ADMIN).with(csrf()))
				.andExpect(status().is3xxRedirection()));
		awaitHolding();

		// maddy is held: had these pages waited for it, they would not have answered
		Future<?> pages = this.clicks.submit(() -> {
			page("held").andExpect(content().string(allOf(containsString(first), not(containsString(second)),
					containsString("Reading it again from maddy"))));
			this.mvc.perform(get("/domains").with(ADMIN))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("rnmkcy.eu")));
			return null;
		});
		pages.get(60, TimeUnit.SECONDS);

		STANDIN.release("creds", "list");
		click.get(60, TimeUnit.SECONDS);
		page("held").andExpect(content().string(allOf(containsString(first), containsString(second),
				not(containsString("Reading it again from maddy")))));
	}

	@Test
	void aMailboxMadeOrRemovedHereShowsAtOnce() throws Exception {
		String before = added("made");
		page("made").andExpect(content().string(containsString(before)));
		String localPart = "made" + System.nanoTime();
		String address = localPart + "@xoyize.xyz";

		this.mvc
			.perform(post("/mailboxes/new").param("localPart", localPart)
				.param("domain", "xoyize.xyz")
				.param("password", "a long made passphrase")
				.param("passwordConfirm", "a long made passphrase")
				.with(ADMIN)
				.with(csrf()))
			.andExpect(redirectedUrl("/mailboxes/result"));
		page("made").andExpect(content().string(allOf(containsString(before), containsString(address))));

		this.mvc
			.perform(post("/mailboxes/" + address + "/delete").param("confirm", address)
				.param("keepMail", "false")
				.with(ADMIN)
				.with(csrf()))
			.andExpect(redirectedUrl("/mailboxes/result"));
		page("made").andExpect(content().string(allOf(containsString(before), not(containsString(address)))));
	}

	@Test
	void aFailedReadKeepsTheLastListAndSaysWhy() throws Exception {
		String first = added("stale");
		page("stale").andExpect(content().string(containsString(first)));
		STANDIN.fail("creds", "list", "imapsql: database is locked");

		this.mvc.perform(post("/mailboxes/refresh").param("q", "stale").with(ADMIN).with(csrf()))
			.andExpect(redirectedUrl("/mailboxes?q=stale"));
		page("stale").andExpect(content().string(allOf(containsString(first),
				containsString("maddy could not list the mailboxes again (maddy reported an error): "
						+ "imapsql: database is locked. This is the last list read."))));

		STANDIN.reset();
		this.mvc.perform(post("/mailboxes/refresh").param("q", "stale").with(ADMIN).with(csrf()));
		page("stale").andExpect(content()
			.string(allOf(containsString(first), not(containsString("maddy could not list the mailboxes again")))));
	}

	private ResultActions page(String query) throws Exception {
		return this.mvc.perform(get("/mailboxes").param("q", query).with(ADMIN)).andExpect(status().isOk());
	}

	/** A mailbox made behind Postern's back, in the stand-in's files. */
	private static String added(String prefix) throws IOException {
		String address = prefix + System.nanoTime() + "@xoyize.xyz";
		Files.writeString(STANDIN.state("credentials"), address + "\tstandin-sha256:00\n", StandardOpenOption.CREATE,
				StandardOpenOption.APPEND);
		Files.writeString(STANDIN.state("imap-accounts"), address + "\n", StandardOpenOption.CREATE,
				StandardOpenOption.APPEND);
		return address;
	}

	private static void awaitHolding() throws InterruptedException {
		for (int i = 0; i < 600 && !STANDIN.holding("creds", "list"); i++) {
			Thread.sleep(50);
		}
		assertThat(STANDIN.holding("creds", "list")).as("a read of the list is under way").isTrue();
	}

}
