package postern.dashboard;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import postern.hosts.ManagedPathsCheck;
import postern.system.ServiceUnit;
import postern.system.SystemdUnits;

import org.springframework.stereotype.Service;

/**
 * What the dashboard shows about the managed server.
 */
@Service
public class Dashboard {

	private final ManagedPathsCheck pathsCheck;

	private final SystemdUnits systemd;

	private final Certificates certificates;

	private final List<DashboardCount> counts;

	private final List<DashboardCard> cards;

	Dashboard(ManagedPathsCheck pathsCheck, SystemdUnits systemd, Certificates certificates,
			List<DashboardCount> counts, List<DashboardCard> cards) {
		this.pathsCheck = pathsCheck;
		this.systemd = systemd;
		this.certificates = certificates;
		this.counts = counts.stream().sorted(Comparator.comparingInt(DashboardCount::order)).toList();
		this.cards = cards.stream().sorted(Comparator.comparingInt(DashboardCard::order)).toList();
	}

	/**
	 * The cards features add, each with its content read now.
	 * @return the cards, in order
	 */
	public List<CardView> cards() {
		return this.cards.stream()
			.map((card) -> new CardView(card.template(), card.fragment(), card.content()))
			.toList();
	}

	/**
	 * Every managed file and folder, as found by the last check.
	 * @return one entry per managed thing
	 */
	public List<ManagedThing> things() {
		return this.pathsCheck.results().stream().map(ManagedThing::from).toList();
	}

	/**
	 * The managed units, asking systemd now.
	 * @return Caddy's and maddy's units
	 */
	public List<ManagedUnit> units() {
		return Arrays.stream(ServiceUnit.values())
			.map((unit) -> new ManagedUnit(unit, this.systemd.read(unit)))
			.toList();
	}

	/**
	 * The servers' certificates, reading them now.
	 * @return the certificates, soonest expiry first
	 */
	public CertificateReport certificates() {
		return this.certificates.report();
	}

	/**
	 * Whether any feature gives the dashboard a count.
	 * @return {@code true} when the counts card has something to show
	 */
	public boolean hasCounts() {
		return !this.counts.isEmpty();
	}

	/**
	 * Every count, counting now; a count that fails says so and the others still show.
	 * @return one entry per count, in order
	 */
	public List<CountView> counts() {
		return this.counts.stream().map(CountView::of).toList();
	}

	/**
	 * A count as the dashboard shows it.
	 *
	 * @param labelKey the message key, taking the count as {@code {0}}
	 * @param link the page of what is counted
	 * @param count the count, or {@code null} when counting failed
	 * @param error why counting failed, or {@code null}
	 */
	public record CountView(String labelKey, String link, Long count, String error) {

		static CountView of(DashboardCount count) {
			try {
				return new CountView(count.labelKey(), count.link(), count.count(), null);
			}
			catch (RuntimeException ex) {
				return new CountView(count.labelKey(), count.link(), null, String.valueOf(ex.getMessage()));
			}
		}

	}

	/**
	 * A card to draw.
	 *
	 * @param template the template holding it
	 * @param fragment its fragment, which takes the content as its parameter
	 * @param content what it shows
	 */
	public record CardView(String template, String fragment, Object content) {
	}

}
