package postern.hosts.web;

import java.util.List;

import postern.host.HostChoice;
import postern.host.HostKeyException;
import postern.host.Hosts;
import postern.infrastructure.FlashMessage;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What every page needs of the managed hosts: the name of the host being managed and the
 * hosts the header's switcher offers, and the hosts page when a host's key is refused.
 */
@ControllerAdvice
class HostSwitcherAdvice {

	private final Hosts hosts;

	HostSwitcherAdvice(Hosts hosts) {
		this.hosts = hosts;
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

	/**
	 * A server that offers another host key may be an impostor: nothing was sent to it,
	 * and the admin is sent to the hosts page with the reason, since every other page of
	 * that host would fail the same way.
	 */
	@ExceptionHandler(HostKeyException.class)
	String hostKeyRefused(HostKeyException ex, RedirectAttributes attributes) {
		FlashMessage.error(attributes, "error.hostKey", ex.getMessage());
		return "redirect:/hosts";
	}

}
