package postern.change.web;

import postern.infrastructure.NavigationItem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BackupNavigation {

	@Bean
	NavigationItem backupNavigationItem() {
		return new NavigationItem(90, "/backups", "backup.nav");
	}

}
