package postern.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import postern.PosternProperties;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Tells the admin about problems that last: a check that turned to warning or error and
 * stayed so across two runs, or a certificate close to its end, is posted to
 * {@code postern.health.alert-webhook} (ntfy style: the text as body, a {@code Title}
 * header) and/or mailed through {@code postern.health.alert-mail}. Muted checks are left
 * out; nothing is sent when all is well.
 */
@Component
public class HealthAlerts {

	private static final Logger logger = LoggerFactory.getLogger(HealthAlerts.class);

	private static final Set<String> CERTIFICATE_ENDING = Set.of("health.tls.expiring", "health.tls.expiring-hours",
			"health.tls.failing", "health.tls.failing-hours", "health.tls.expired");

	private final HealthResultRepository results;

	private final HealthMuteRepository mutes;

	private final MessageSource messages;

	private final URI webhook;

	private final PosternProperties.AlertMail mail;

	private final java.nio.file.Path trustStore;

	/**
	 * The webhook's client, made when there is a webhook: a client starts a selector
	 * thread of its own, which a Postern without webhook neither needs at start nor
	 * later.
	 */
	private final HttpClient http;

	HealthAlerts(HealthResultRepository results, HealthMuteRepository mutes, MessageSource messages,
			PosternProperties properties) {
		this.results = results;
		this.mutes = mutes;
		this.messages = messages;
		this.webhook = properties.health().alertWebhook();
		this.http = (this.webhook != null) ? HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
				: null;
		this.mail = properties.health().alertMail();
		this.trustStore = properties.health().trustStore();
	}

	/**
	 * Send the alerts a finished run calls for.
	 * @param runId the run
	 * @return the lines sent; empty when nothing was sent
	 */
	List<String> afterRun(Long runId) {
		if (this.webhook == null && (this.mail == null || !this.mail.enabled())) {
			return List.of();
		}
		// a mute names a check of a subject, so it covers that check at every address
		Set<String> muted = this.mutes.findByUntilGreaterThanEqual(LocalDate.now())
			.stream()
			.map((mute) -> mute.getSubject() + " " + mute.getCheck())
			.collect(Collectors.toSet());
		List<String> lines = new ArrayList<>();
		for (HealthResult result : this.results.findByRunIdOrderById(runId)) {
			if (!result.isProblem() || muted.contains(result.getSubject() + " " + result.getCheck())) {
				continue;
			}
			// each address has its own history: one address failing and another not must
			// not read as a result that keeps changing
			List<HealthResult> before = this.results.earlier(result.getSubject(), result.getCheck(),
					result.getAddress(), runId, PageRequest.of(0, 2));
			boolean previous = !before.isEmpty() && before.get(0).isProblem();
			boolean older = before.size() > 1 && before.get(1).isProblem();
			boolean certificate = CERTIFICATE_ENDING.contains(result.getMessageKey());
			if ((previous && !older) || (certificate && !previous)) {
				lines.add(result.getSubject() + ": " + this.messages.getMessage(result.getMessageKey(),
						result.getArguments(), result.getMessageKey(), Locale.ENGLISH));
			}
		}
		if (!lines.isEmpty()) {
			send(lines);
		}
		return lines;
	}

	private void send(List<String> lines) {
		send("Postern health: " + lines.size() + " problem(s)", lines);
	}

	/**
	 * Send lines to the configured webhook and mail, when there are some; other features
	 * (reports) tell the admin through the same channels.
	 * @param title the title or subject
	 * @param lines the lines
	 */
	public void send(String title, List<String> lines) {
		if (lines.isEmpty() || (this.webhook == null && (this.mail == null || !this.mail.enabled()))) {
			return;
		}
		if (this.mail != null && this.mail.enabled()) {
			try {
				new AlertMailer(this.mail, TlsTrust.withExtra(this.trustStore)).send(title, lines);
			}
			catch (java.io.IOException | RuntimeException ex) {
				logger.warn("Health alert mail failed: {}", ex.getMessage());
			}
		}
		if (this.webhook != null) {
			post(title, lines);
		}
	}

	private void post(String title, List<String> lines) {
		HttpRequest request = HttpRequest.newBuilder(this.webhook)
			.timeout(Duration.ofSeconds(10))
			.header("Title", title)
			.header("Content-Type", "text/plain; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofString(String.join("\n", lines), StandardCharsets.UTF_8))
			.build();
		try {
			HttpResponse<Void> response = this.http.send(request, HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() >= 300) {
				logger.warn("Health alert webhook answered {}", response.statusCode());
			}
		}
		catch (java.io.IOException ex) {
			logger.warn("Health alert webhook failed: {}", ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
