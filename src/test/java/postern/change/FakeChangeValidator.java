package postern.change;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import postern.host.Host;

/**
 * A test double of {@link ChangeValidator} that accepts everything until it is told to
 * refuse.
 */
class FakeChangeValidator implements ChangeValidator {

	private final String id;

	private final List<Path> validated = new ArrayList<>();

	private volatile String failure;

	FakeChangeValidator(String id) {
		this.id = id;
	}

	void failWith(String message) {
		this.failure = message;
	}

	void pass() {
		this.failure = null;
	}

	List<Path> validated() {
		return this.validated;
	}

	@Override
	public String id() {
		return this.id;
	}

	@Override
	public ValidationResult validate(Host host, Path path, byte[] candidate) {
		this.validated.add(path);
		String message = this.failure;
		return (message != null) ? ValidationResult.invalid(message) : ValidationResult.valid("Valid configuration");
	}

	@Override
	public boolean handles(Host host, Path path) {
		return path.getFileName().toString().equals("Caddyfile");
	}

}
