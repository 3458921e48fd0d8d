package postern.infrastructure;

import java.util.Comparator;
import java.util.List;

import postern.host.Hosts;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout needs: the navigation and the name of the host being managed.
 */
@ControllerAdvice
class LayoutModelAdvice {

	private final List<NavigationItem> navigation;

	private final Hosts hosts;

	LayoutModelAdvice(List<NavigationItem> navigation, Hosts hosts) {
		this.navigation = navigation.stream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
		this.hosts = hosts;
	}

	@ModelAttribute("navigation")
	List<NavigationItem> navigation() {
		return this.navigation;
	}

	@ModelAttribute("hostName")
	String hostName() {
		return this.hosts.current().name();
	}

}
