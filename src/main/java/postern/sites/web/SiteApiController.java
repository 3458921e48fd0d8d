package postern.sites.web;

import java.util.List;

import postern.sites.Caddyfile.BlockKind;
import postern.sites.SiteEntry;
import postern.sites.SiteIds;
import postern.sites.SiteService;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sites in the JSON API, read only.
 */
@RestController
@RequestMapping("/api/v1")
class SiteApiController {

	private final SiteService sites;

	SiteApiController(SiteService sites) {
		this.sites = sites;
	}

	@GetMapping("/sites")
	List<SiteJson> sites() {
		return this.sites.list()
			.stream()
			.filter((entry) -> entry.block().kind() == BlockKind.SITE)
			.map(SiteJson::of)
			.toList();
	}

	/** A site by its first address, with each {@code /} written {@code |}. */
	@GetMapping("/sites/{id}")
	SiteJson site(@PathVariable String id) {
		return SiteJson.of(this.sites.find(SiteIds.decode(id)));
	}

	/**
	 * A site of the Caddyfile.
	 *
	 * @param id its first address (its id in URLs, each {@code /} written {@code |})
	 * @param addresses its addresses
	 * @param kind {@code static}, {@code proxy}, {@code redirect}, {@code mta-sts} or
	 * {@code other} (a block Postern has no form for)
	 * @param root a static site's folder
	 * @param browse whether a static site lists folders
	 * @param gzip whether responses are compressed
	 * @param upstreams a proxy's upstreams
	 * @param redirectTo where a redirect sends visitors
	 * @param basicAuthUser the basic-auth user name, never its hash
	 */
	record SiteJson(String id, List<String> addresses, String kind, String root, boolean browse, boolean gzip,
			List<String> upstreams, String redirectTo, String basicAuthUser) {

		static SiteJson of(SiteEntry entry) {
			var site = entry.site();
			return new SiteJson(SiteIds.segment(entry.id()), entry.addresses(), site.kind().value(), site.root(),
					site.browse(), site.gzip(), site.upstreams(), site.redirectTo(),
					(site.user() != null) ? site.user().name() : null);
		}

	}

}
