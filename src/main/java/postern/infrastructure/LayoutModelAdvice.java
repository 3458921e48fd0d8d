package postern.infrastructure;

import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import postern.host.HostChoice;
import postern.host.Hosts;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout needs: the navigation, the name of the host being managed and
 * the hosts the admin may switch to.
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

	/**
	 * The path of the page, so the navigation can highlight it (Thymeleaf no longer
	 * exposes the request to templates).
	 * @param request the current request
	 * @return its path without the context path
	 */
	@ModelAttribute("requestPath")
	String requestPath(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	@ModelAttribute("hostName")
	String hostName() {
		return this.hosts.current().name();
	}

	/**
	 * The hosts the header's switcher offers.
	 * @return every host, the current one marked
	 */
	@ModelAttribute("hostChoices")
	List<HostChoice> hostChoices() {
		return this.hosts.choices();
	}

}
