package postern.security;

import postern.audit.AuditLog;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Puts every login, failed login and logout in the audit log, with the client address.
 * The password given is never recorded.
 */
@Component
class LoginAuditListener {

	private final AuditLog auditLog;

	LoginAuditListener(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		String name = event.getAuthentication().getName();
		this.auditLog.recordAs(name, "login.success", name, true, null);
	}

	@EventListener
	void onFailure(AbstractAuthenticationFailureEvent event) {
		String name = event.getAuthentication().getName();
		// The reason is the same for an unknown user and a wrong password, on purpose.
		this.auditLog.recordAs(name, "login.failure", name, false, null);
	}

	@EventListener
	void onLogout(LogoutSuccessEvent event) {
		String name = event.getAuthentication().getName();
		this.auditLog.recordAs(name, "logout", name, true, null);
	}

}
