package postern.sites;

import java.util.List;

import postern.sites.Caddyfile.Block;
import postern.sites.Caddyfile.BlockKind;

/**
 * One block of the Caddyfile as the sites pages show it.
 *
 * @param id the block's first key (empty for the global options and imports)
 * @param block the block
 * @param site what Postern reads in it
 */
public record SiteEntry(String id, Block block, Site site) {

	/**
	 * The block's keys, or a description for a block without keys.
	 * @return the addresses
	 */
	public List<String> addresses() {
		return this.block.keys();
	}

	/**
	 * The id as a path segment, before URL encoding.
	 * @return the id with each {@code /} written {@code |}
	 */
	public String pathId() {
		return SiteIds.segment(this.id);
	}

	/**
	 * The site's kind.
	 * @return the kind
	 */
	public SiteKind kind() {
		return this.site.kind();
	}

	/**
	 * The message key that names the block's kind.
	 * @return e.g. {@code sites.kind.static} or {@code sites.kind.global}
	 */
	public String labelKey() {
		return switch (this.block.kind()) {
			case GLOBAL -> "sites.kind.global";
			case SNIPPET -> "sites.kind.snippet";
			case NAMED_ROUTE -> "sites.kind.route";
			case IMPORT -> "sites.kind.import";
			case SITE -> this.site.kind().labelKey();
		};
	}

	/**
	 * Whether the block can be edited as raw text and deleted: everything but the global
	 * options (where the admin endpoint is set) and top-level imports.
	 * @return {@code true} for sites, snippets and named routes
	 */
	public boolean editable() {
		return this.block.kind() != BlockKind.GLOBAL && this.block.kind() != BlockKind.IMPORT;
	}

	/**
	 * The id of the TXT record for an MTA-STS site.
	 * @return e.g. {@code v=STSv1; id=0123456789abcdef0123}, or {@code null}
	 */
	public String txtRecord() {
		return SiteBlocks.policyText(this.block).map(MtaStsPolicy::txtRecord).orElse(null);
	}

	/**
	 * The name of the TXT record for an MTA-STS site.
	 * @return e.g. {@code _mta-sts.example.org}, or {@code null}
	 */
	public String txtName() {
		if (this.site.kind() != SiteKind.MTA_STS) {
			return null;
		}
		return "_mta-sts." + SiteBlocks.hostOf(this.id).substring("mta-sts.".length());
	}

}
