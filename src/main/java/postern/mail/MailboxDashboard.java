package postern.mail;

import postern.dashboard.DashboardCount;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The number of mailboxes on the dashboard, from the cached listing.
 */
@Configuration(proxyBeanMethods = false)
class MailboxDashboard {

	@Bean
	DashboardCount mailboxesCount(Mailboxes mailboxes) {
		return new MailDashboard.Count(30, "dashboard.count.mailboxes", "/mailboxes", () -> mailboxes.all().size());
	}

}
