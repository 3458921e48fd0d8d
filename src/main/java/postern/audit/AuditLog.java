package postern.audit;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;

import postern.host.Hosts;
import postern.names.IpAddresses;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records who did what. The actor and the client address come from the current request;
 * outside a request the actor is {@value #SYSTEM}. Callers never pass a secret: commands
 * arrive with their redacted argv, file writes as diffs of config files.
 */
@Service
public class AuditLog {

	/** The actor of events that no logged-in admin caused. */
	public static final String SYSTEM = "system";

	private static final int MAX_TARGET = 1000;

	private final AuditEventRepository events;

	private final Hosts hosts;

	private final AuditWrites writes;

	private final Clock clock;

	AuditLog(AuditEventRepository events, Hosts hosts, AuditWrites writes, Optional<Clock> clock) {
		this.events = events;
		this.hosts = hosts;
		this.writes = writes;
		this.clock = clock.orElseGet(Clock::systemUTC);
	}

	/**
	 * Record a successful action by the current admin on the current host.
	 * @param action a dotted code, e.g. {@code change.applied}
	 * @param target what it acted on (a path, an address, a unit)
	 * @param detail free text: a diff, a command's output; never a secret
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(String action, String target, String detail) {
		record(action, target, true, detail);
	}

	/**
	 * Record an action by the current admin on the current host.
	 * @param action a dotted code, e.g. {@code change.applied}
	 * @param target what it acted on
	 * @param success whether it succeeded
	 * @param detail free text; never a secret
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(String action, String target, boolean success, String detail) {
		recordAs(currentActor(), action, target, success, detail);
	}

	/**
	 * Record an action by a named actor, such as a login attempt before anyone is logged
	 * in.
	 * @param actor the user name given, or {@link #SYSTEM}
	 * @param action a dotted code
	 * @param target what it acted on
	 * @param success whether it succeeded
	 * @param detail free text; never a secret
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordAs(String actor, String action, String target, boolean success, String detail) {
		save(actor, this.hosts.current().name(), action, target, success, detail);
	}

	/**
	 * Record an action by the current admin on a named host: what a host itself reports
	 * (a command it ran, a file it wrote), which is not always the host the request
	 * selected.
	 * @param host the name of the host it happened on
	 * @param action a dotted code
	 * @param target what it acted on
	 * @param success whether it succeeded
	 * @param detail free text; never a secret
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordOn(String host, String action, String target, boolean success, String detail) {
		save(currentActor(), host, action, target, success, detail);
	}

	private void save(String actor, String host, String action, String target, boolean success, String detail) {
		this.events.save(new AuditEvent(this.clock.instant(), limit(actor, 100), clientAddress(), host, action,
				limit(target, MAX_TARGET), success, detail));
	}

	/**
	 * A page of the log, newest first.
	 * @param query text to look for in actor, action, target and address; blank for all
	 * @param pageable the page
	 * @return the events
	 */
	@Transactional(readOnly = true)
	public Page<AuditEvent> find(String query, Pageable pageable) {
		if (!StringUtils.hasText(query)) {
			return this.events.findAllByOrderByAtDescIdDesc(pageable);
		}
		return this.events.search(query.strip(), pageable);
	}

	/**
	 * A page of the log as a page shows it, newest first. The first page of the whole
	 * log, the one opened to see what was done last, is made into rows once and kept
	 * until the next event is written.
	 * @param <T> what the page shows of an event
	 * @param query text to look for in actor, action, target and address; blank for all
	 * @param pageable the page
	 * @param view what the rows depend on besides the events (the page's locale); rows
	 * kept for another view are not reused
	 * @param row what the page shows of an event
	 * @return the rows
	 */
	public <T> Page<T> find(String query, Pageable pageable, Object view, Function<AuditEvent, T> row) {
		return this.writes.logPage(query, pageable, view, () -> find(query, pageable).map(row));
	}

	/**
	 * The newest events.
	 * @param count how many
	 * @return at most {@code count} events, newest first; read again once an event is
	 * written, as the dashboard shows them on every view
	 */
	public List<AuditEvent> latest(int count) {
		return this.writes.read(count, (limit) -> this.events.findByOrderByAtDescIdDesc(Limit.of(limit)));
	}

	static String currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| "anonymousUser".equals(authentication.getName())) {
			return SYSTEM;
		}
		return authentication.getName();
	}

	static String clientAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return IpAddresses.normal(request.getRemoteAddr());
		}
		return null;
	}

	static String limit(String text, int length) {
		if (text == null || text.length() <= length) {
			return text;
		}
		return text.substring(0, length);
	}

}
