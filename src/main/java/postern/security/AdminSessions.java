package postern.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import postern.PosternProperties;
import postern.names.IpAddresses;

import org.springframework.context.event.EventListener;
import org.springframework.security.core.session.SessionDestroyedEvent;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/**
 * The open sessions of each admin: Spring Security's session registry, plus where and
 * with what each one logged in. Expiring a session here logs it out at its next request.
 */
@Component
public class AdminSessions {

	private static final int MAX_AGENT = 200;

	private final SessionRegistry registry;

	private final Duration timeout;

	private final Clock clock;

	private final Map<String, Origin> origins = new ConcurrentHashMap<>();

	AdminSessions(SessionRegistry registry, PosternProperties properties, Optional<Clock> clock) {
		this.registry = registry;
		this.timeout = properties.security().sessionTimeout();
		this.clock = clock.orElseGet(Clock::systemUTC);
	}

	/**
	 * Note a session that just completed its login, and give it the idle timeout of the
	 * settings.
	 * @param request the login request
	 * @param username the admin
	 */
	void started(HttpServletRequest request, String username) {
		HttpSession session = request.getSession();
		session.setMaxInactiveInterval((int) Math.min(Integer.MAX_VALUE, this.timeout.toSeconds()));
		if (this.registry.getSessionInformation(session.getId()) == null) {
			this.registry.registerNewSession(session.getId(), username);
		}
		String agent = request.getHeader("User-Agent");
		if (agent != null && agent.length() > MAX_AGENT) {
			agent = agent.substring(0, MAX_AGENT);
		}
		this.origins.put(session.getId(),
				new Origin(this.clock.instant(), IpAddresses.normal(request.getRemoteAddr()), agent));
	}

	/**
	 * The open sessions of an admin, the most recently used first.
	 * @param username the admin
	 * @param currentId the id of the session asking, to mark it
	 * @return the sessions
	 */
	public List<ActiveSession> list(String username, String currentId) {
		return this.registry.getAllSessions(username, false)
			.stream()
			.map((info) -> toSession(info, currentId))
			.sorted(Comparator.comparing(ActiveSession::lastRequest).reversed())
			.toList();
	}

	/**
	 * End every session of an admin: each is logged out at its next request.
	 * @param username the admin
	 * @return how many sessions were ended
	 */
	public int expireAll(String username) {
		List<SessionInformation> sessions = this.registry.getAllSessions(username, false);
		sessions.forEach(SessionInformation::expireNow);
		return sessions.size();
	}

	@EventListener
	void onDestroyed(SessionDestroyedEvent event) {
		this.origins.remove(event.getId());
	}

	private ActiveSession toSession(SessionInformation info, String currentId) {
		Origin origin = this.origins.get(info.getSessionId());
		return new ActiveSession(info.getSessionId().equals(currentId), info.getLastRequest().toInstant(),
				(origin != null) ? origin.at() : null, (origin != null) ? origin.address() : null,
				(origin != null) ? origin.userAgent() : null);
	}

	/**
	 * An open session, as the account page shows it. Its id is never shown.
	 *
	 * @param current whether it is the session looking at the list
	 * @param lastRequest when it was last used
	 * @param loggedInAt when it logged in, if known
	 * @param address the client address it logged in from, if known
	 * @param userAgent the browser it logged in with, if known
	 */
	public record ActiveSession(boolean current, Instant lastRequest, Instant loggedInAt, String address,
			String userAgent) {
	}

	private record Origin(Instant at, String address, String userAgent) {
	}

}
