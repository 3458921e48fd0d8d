package postern.api.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import postern.health.HealthResults;
import postern.health.HealthResults.ResultView;
import postern.health.HealthSummary;
import postern.sites.Caddyfile.BlockKind;
import postern.sites.SiteEntry;
import postern.sites.SiteIds;
import postern.sites.SiteService;
import postern.system.ServiceUnit;
import postern.system.UnitAction;
import postern.system.UnitActions;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Sites (read only), reload and restart of the two servers, and the latest health results
 * in the JSON API. Reload and restart are the Services page's buttons: Caddy's reload
 * follows {@code postern.caddy.reload}, every action is audited.
 */
@RestController
@RequestMapping("/api/v1")
class ServerApiController {

	private final SiteService sites;

	private final UnitActions units;

	private final HealthResults health;

	private final MessageSource messages;

	ServerApiController(SiteService sites, UnitActions units, HealthResults health, MessageSource messages) {
		this.sites = sites;
		this.units = units;
		this.health = health;
		this.messages = messages;
	}

	@GetMapping("/sites")
	List<SiteJson> sites() {
		return this.sites.list()
			.stream()
			.filter((entry) -> entry.block().kind() == BlockKind.SITE)
			.map(SiteJson::of)
			.toList();
	}

	/** A site by its first address, with each {@code /} written {@code |}. */
	@GetMapping("/sites/{id}")
	SiteJson site(@PathVariable String id) {
		return SiteJson.of(this.sites.find(SiteIds.decode(id)));
	}

	@PostMapping("/services/{unit}/reload")
	ResponseEntity<UnitActionJson> reload(@PathVariable String unit) {
		return done(this.units.reload(unit(unit)));
	}

	@PostMapping("/services/{unit}/restart")
	ResponseEntity<UnitActionJson> restart(@PathVariable String unit) {
		return done(this.units.restart(unit(unit)));
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

	private static ServiceUnit unit(String id) {
		return ServiceUnit.fromId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static ResponseEntity<UnitActionJson> done(UnitAction action) {
		UnitActionJson body = new UnitActionJson(action.unit().id(), action.unitName(), action.verb(), action.command(),
				action.ok(), action.exitCode(), action.output(), action.timedOut(), action.at());
		return ResponseEntity.status(action.ok() ? HttpStatus.OK : HttpStatus.BAD_GATEWAY).body(body);
	}

	/**
	 * A site of the Caddyfile.
	 *
	 * @param id its first address (its id in URLs, each {@code /} written {@code |})
	 * @param addresses its addresses
	 * @param kind {@code static}, {@code proxy}, {@code redirect}, {@code mta-sts} or
	 * {@code other} (a block Postern has no form for)
	 * @param root a static site's folder
	 * @param browse whether a static site lists folders
	 * @param gzip whether responses are compressed
	 * @param upstreams a proxy's upstreams
	 * @param redirectTo where a redirect sends visitors
	 * @param basicAuthUser the basic-auth user name, never its hash
	 */
	record SiteJson(String id, List<String> addresses, String kind, String root, boolean browse, boolean gzip,
			List<String> upstreams, String redirectTo, String basicAuthUser) {

		static SiteJson of(SiteEntry entry) {
			var site = entry.site();
			return new SiteJson(SiteIds.segment(entry.id()), entry.addresses(), site.kind().value(), site.root(),
					site.browse(), site.gzip(), site.upstreams(), site.redirectTo(),
					(site.user() != null) ? site.user().name() : null);
		}

	}

	/**
	 * A reload or restart.
	 *
	 * @param unit {@code caddy} or {@code maddy}
	 * @param unitName its systemd unit
	 * @param verb {@code reload} or {@code restart}
	 * @param command what ran
	 * @param ok whether it worked
	 * @param exitCode its exit code, when one command ran
	 * @param output what it said
	 * @param timedOut whether it was killed at its timeout
	 * @param at when it ended
	 */
	record UnitActionJson(String unit, String unitName, String verb, String command, boolean ok, Integer exitCode,
			String output, boolean timedOut, Instant at) {
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
