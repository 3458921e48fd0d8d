package postern.sites;

import java.nio.file.Path;

import postern.PosternProperties;
import postern.host.CommandCatalogue;
import postern.host.Host;

import org.springframework.stereotype.Component;

/**
 * The Caddyfile validation of a raw edit whose admin ticked "I know what this does": an
 * upstream known only when Caddy runs (a request placeholder, a dynamic source) is let
 * through, and the change's summary says so in the audit log. Caddy's admin endpoint is
 * still refused.
 */
@Component
class UnjudgedUpstreamsValidator extends CaddyfileValidator {

	static final String ID = "caddyfile-unjudged-upstreams";

	UnjudgedUpstreamsValidator(PosternProperties properties, CommandCatalogue catalogue, UpstreamJudge judge) {
		super(properties, catalogue, judge);
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public boolean handles(Host host, Path path) {
		// a change made without a feature (a restored backup) gets the strict one
		return false;
	}

	@Override
	boolean acceptsUnjudged() {
		return true;
	}

}
