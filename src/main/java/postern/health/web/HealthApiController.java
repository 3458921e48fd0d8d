package postern.health.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import postern.health.HealthResults;
import postern.health.HealthResults.ResultView;
import postern.health.HealthSummary;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The latest health results in the JSON API.
 */
@RestController
@RequestMapping("/api/v1")
class HealthApiController {

	private final HealthResults health;

	private final MessageSource messages;

	HealthApiController(HealthResults health, MessageSource messages) {
		this.health = health;
		this.messages = messages;
	}

	@GetMapping("/health")
	HealthJson health() {
		Locale locale = LocaleContextHolder.getLocale();
		List<SubjectJson> subjects = this.health.latest()
			.stream()
			.map((subject) -> new SubjectJson(subject.subject(), subject.worst().name(),
					subject.results().stream().map((view) -> check(view, locale)).toList()))
			.toList();
		return new HealthJson(this.health.latestSummary().orElse(null), subjects);
	}

	private CheckJson check(ResultView view, Locale locale) {
		var result = view.result();
		String message = this.messages.getMessage(result.getMessageKey(), result.getArguments(), result.getMessageKey(),
				locale);
		return new CheckJson(result.getCheck(), result.getAddress(), result.getVerdict().name(), message,
				result.getFix(), result.getCheckedAt(), view.muted());
	}

	/**
	 * The latest health results.
	 *
	 * @param summary counts per verdict and when the last run ended, or {@code null} when
	 * the checks never ran
	 * @param subjects each domain, MX host and site with its checks
	 */
	record HealthJson(HealthSummary summary, List<SubjectJson> subjects) {
	}

	/**
	 * One checked subject.
	 *
	 * @param subject a domain, the MX host or a site
	 * @param worst its worst verdict
	 * @param checks its checks
	 */
	record SubjectJson(String subject, String worst, List<CheckJson> checks) {
	}

	/**
	 * One check's latest result.
	 *
	 * @param check e.g. {@code spf}
	 * @param address the address of the subject it was made at, for a check made at each
	 * (TLS and PTR of the MX host), else {@code null}
	 * @param verdict {@code OK}, {@code WARNING}, {@code ERROR} or {@code UNKNOWN}
	 * @param message what was found, in the reader's language
	 * @param fix the record to publish, when one is missing or wrong
	 * @param checkedAt when
	 * @param muted whether an admin muted it
	 */
	record CheckJson(String check, String address, String verdict, String message, String fix, Instant checkedAt,
			boolean muted) {
	}

}
