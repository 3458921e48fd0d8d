package postern.security;

import postern.audit.AuditLog;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Puts every login, failed login and logout in the audit log, with the client address.
 * The password given is never recorded. A password accepted for an admin with a second
 * factor is not a login yet: {@link AdminAccounts} records the login when the code is
 * right.
 */
@Component
class LoginAuditListener {

	private final AuditLog auditLog;

	LoginAuditListener(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		if (Authorities.has(event.getAuthentication(), Authorities.TOTP_PENDING)) {
			return;
		}
		String name = event.getAuthentication().getName();
		this.auditLog.recordAs(name, "login.success", name, true, null);
	}

	@EventListener
	void onFailure(AbstractAuthenticationFailureEvent event) {
		String name = event.getAuthentication().getName();
		// The browser gets the same answer for every reason, on purpose; the reason is
		// for the admins reading the log.
		String reason = (event.getException() instanceof LoginRefusedException refused) ? refused.reason().code()
				: null;
		this.auditLog.recordAs(name, "login.failure", name, false, reason);
	}

	@EventListener
	void onLogout(LogoutSuccessEvent event) {
		String name = event.getAuthentication().getName();
		this.auditLog.recordAs(name, "logout", name, true, null);
	}

}
