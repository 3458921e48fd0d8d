package postern.reports;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PreDestroy;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import postern.PosternProperties;
import postern.audit.AuditLog;
import postern.health.HealthAlerts;
import postern.health.TlsTrust;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Reads the reports mailbox: every report found is parsed and stored once, its mail moved
 * to {@code Postern/Processed}; a mail that looks like a report but cannot be read goes
 * to {@code Postern/Unreadable} with its reason kept; any other mail is left alone and
 * unread. Runs every {@code postern.reports.fetch-every} and on demand, one fetch at a
 * time.
 */
@Service
public class ReportFetcher {

	private static final Logger logger = LoggerFactory.getLogger(ReportFetcher.class);

	private final ReportsMailboxSettings settings;

	private final ReportStore store;

	private final UnreadableMessageRepository unreadable;

	private final ReportFetchRepository fetches;

	private final AuditLog auditLog;

	private final HealthAlerts alerts;

	private final MessageSource messages;

	private final java.nio.file.Path trustStore;

	private final Clock clock;

	private final ReportParser parser = new ReportParser(Decompression.DEFAULT);

	private final ReentrantLock running = new ReentrantLock();

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "reports-fetch");
		thread.setDaemon(true);
		return thread;
	});

	ReportFetcher(ReportsMailboxSettings settings, ReportStore store, UnreadableMessageRepository unreadable,
			ReportFetchRepository fetches, AuditLog auditLog, HealthAlerts alerts, MessageSource messages,
			PosternProperties posternProperties, ReportsProperties properties, Optional<Clock> clock) {
		this.settings = settings;
		this.store = store;
		this.unreadable = unreadable;
		this.fetches = fetches;
		this.auditLog = auditLog;
		this.alerts = alerts;
		this.messages = messages;
		this.trustStore = posternProperties.health().trustStore();
		this.clock = clock.orElseGet(Clock::systemUTC);
		Duration every = properties.fetchEvery();
		if (!every.isZero() && !every.isNegative()) {
			this.scheduler.scheduleWithFixedDelay(this::scheduled, every.toMillis(), every.toMillis(),
					TimeUnit.MILLISECONDS);
		}
	}

	@PreDestroy
	void stop() {
		this.scheduler.shutdownNow();
	}

	private void scheduled() {
		try {
			if (this.settings.effective().isSet()) {
				fetch();
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Scheduled reports fetch failed", ex);
		}
	}

	/**
	 * Read the mailbox now, unless a fetch is already running.
	 * @return what the fetch did, or empty when one was running
	 */
	public Optional<FetchOutcome> fetch() {
		if (!this.running.tryLock()) {
			return Optional.empty();
		}
		try {
			Instant started = this.clock.instant();
			FetchOutcome outcome = fetchWith(this.settings.effective());
			this.fetches.save(new ReportFetch(started, this.clock.instant(), outcome));
			MailboxSettings mailbox = this.settings.effective();
			this.auditLog.record("reports.fetch", mailbox.username() + "@" + mailbox.host(), outcome.error() == null,
					"reports " + outcome.reports() + ", already stored " + outcome.duplicates() + ", unreadable "
							+ outcome.unreadable() + ((outcome.error() == null) ? "" : ", " + outcome.error()));
			return Optional.of(outcome);
		}
		finally {
			this.running.unlock();
		}
	}

	private FetchOutcome fetchWith(MailboxSettings mailbox) {
		if (!mailbox.isSet()) {
			return FetchOutcome.failed(text("reports.fetch.not-set"));
		}
		List<ReportAlert> found = new ArrayList<>();
		FetchOutcome outcome;
		try (ReportMailbox open = ReportMailbox.open(mailbox, TlsTrust.withExtra(this.trustStore))) {
			outcome = read(open, found);
		}
		catch (MessagingException | GeneralSecurityException | RuntimeException ex) {
			logger.warn("Reports mailbox {} could not be read: {}", mailbox, ex.getMessage());
			return FetchOutcome.failed(ReportFields.oneLine(describe(ex)));
		}
		alert(found);
		return outcome;
	}

	private FetchOutcome read(ReportMailbox mailbox, List<ReportAlert> found) throws MessagingException {
		List<Message> processed = new ArrayList<>();
		List<Message> unreadableMessages = new ArrayList<>();
		int reports = 0;
		int duplicates = 0;
		for (Message message : mailbox.messages()) {
			Handled handled = handle(message, found);
			reports += handled.stored();
			duplicates += handled.duplicates();
			if (handled.reason() != null) {
				this.unreadable.save(new UnreadableMessage(summary(message), handled.reason(), this.clock.instant()));
				unreadableMessages.add(message);
			}
			else if (handled.stored() + handled.duplicates() > 0) {
				processed.add(message);
			}
		}
		mailbox.moveTo(processed, ReportMailbox.PROCESSED);
		mailbox.moveTo(unreadableMessages, ReportMailbox.UNREADABLE);
		return new FetchOutcome(reports, duplicates, unreadableMessages.size(), null);
	}

	private Handled handle(Message message, List<ReportAlert> found) {
		int stored = 0;
		int duplicates = 0;
		try {
			for (ReportParts.Found part : ReportParts.of(message)) {
				ParsedReport report = this.parser.parse(part.shape(), ReportParts.bytes(part.part()));
				ReportStore.Stored result = this.store.store(report, this.clock.instant());
				stored += result.isNew() ? 1 : 0;
				duplicates += result.isNew() ? 0 : 1;
				found.addAll(result.alerts());
			}
			return new Handled(stored, duplicates, null);
		}
		catch (UnreadableReportException ex) {
			return new Handled(stored, duplicates, ex);
		}
		catch (MessagingException | IOException | RuntimeException ex) {
			return new Handled(stored, duplicates,
					new UnreadableReportException("reports.unreadable.mime", ReportFields.oneLine(describe(ex))));
		}
	}

	private static MailSummary summary(Message message) {
		try {
			String[] ids = message.getHeader("Message-ID");
			Address[] from = message.getFrom();
			return new MailSummary((ids == null) ? "" : ids[0],
					(from == null || from.length == 0) ? "" : from[0].toString(), message.getSubject());
		}
		catch (MessagingException ex) {
			return new MailSummary("", "", "");
		}
	}

	private void alert(List<ReportAlert> found) {
		if (found.isEmpty()) {
			return;
		}
		List<String> lines = found.stream()
			.map((alert) -> this.messages.getMessage(alert.messageKey(), alert.arguments(), alert.messageKey(),
					Locale.ENGLISH))
			.toList();
		this.alerts.send("Postern reports: " + lines.size() + " alert(s)", lines);
	}

	private String text(String key) {
		return this.messages.getMessage(key, null, key, Locale.ENGLISH);
	}

	private static String describe(Exception ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = (ex.getMessage() == null) ? ex.getClass().getSimpleName() : ex.getMessage();
		return (cause == ex || cause.getMessage() == null) ? message : message + ": " + cause.getMessage();
	}

	/**
	 * What became of one mail.
	 *
	 * @param stored new reports in it
	 * @param duplicates reports in it already stored
	 * @param reason why it cannot be read, or {@code null}
	 */
	private record Handled(int stored, int duplicates, UnreadableReportException reason) {
	}

}
