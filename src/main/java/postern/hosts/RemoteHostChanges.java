package postern.hosts;

import postern.infrastructure.StoredWrites;

import org.springframework.stereotype.Component;

/**
 * Writes of the remote hosts' rows, and the host switcher's list read from them, kept
 * until the next write commits: the switcher is on every page, the rows change when an
 * admin adds, edits or removes a host.
 */
@Component
class RemoteHostChanges extends StoredWrites {

	RemoteHostChanges() {
		super(RemoteHost.class);
	}

}
