package postern.infrastructure;

import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout needs: the navigation and the path it highlights (the managed
 * hosts add the host switcher).
 */
@ControllerAdvice
class LayoutModelAdvice {

	private final List<NavigationItem> navigation;

	LayoutModelAdvice(List<NavigationItem> navigation) {
		this.navigation = navigation.stream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
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

}
