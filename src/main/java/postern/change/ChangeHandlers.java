package postern.change;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import postern.host.Host;

import org.springframework.stereotype.Component;

/**
 * The one lookup of the validators and reloaders the features plug in: by the id a change
 * names, or by the file a change edits.
 */
@Component
class ChangeHandlers {

	private final Map<String, ChangeValidator> validators;

	private final Map<String, ChangeReloader> reloaders;

	ChangeHandlers(List<ChangeValidator> validators, List<ChangeReloader> reloaders) {
		this.validators = byId(validators, ChangeValidator::id);
		this.reloaders = byId(reloaders, ChangeReloader::id);
	}

	/**
	 * A validator by its id.
	 * @param id the id a {@link FileEdit} names
	 * @return the validator
	 * @throws IllegalArgumentException when none has that id
	 */
	ChangeValidator validator(String id) {
		return known(this.validators, id, "validator");
	}

	/**
	 * A reloader by its id.
	 * @param id the id a {@link ChangeRequest} names
	 * @return the reloader
	 * @throws IllegalArgumentException when none has that id
	 */
	ChangeReloader reloader(String id) {
		return known(this.reloaders, id, "reloader");
	}

	/**
	 * The validator of a file, for a change made without a feature.
	 * @param host the host the file is on
	 * @param path the file
	 * @return the id of the first validator that handles it, if any
	 */
	Optional<String> validatorOf(Host host, Path path) {
		return this.validators.values()
			.stream()
			.filter((validator) -> validator.handles(host, path))
			.map(ChangeValidator::id)
			.findFirst();
	}

	/**
	 * The reloaders a change of a file needs, for a change made without a feature.
	 * @param host the host the file is on
	 * @param path the file
	 * @return the ids of every reloader that handles it, in bean order
	 */
	List<String> reloadersOf(Host host, Path path) {
		return this.reloaders.values()
			.stream()
			.filter((reloader) -> reloader.handles(host, path))
			.map(ChangeReloader::id)
			.toList();
	}

	private static <T> Map<String, T> byId(List<T> beans, Function<T, String> id) {
		return beans.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> {
			throw new IllegalStateException("Two beans have the id " + id.apply(a));
		}, LinkedHashMap::new));
	}

	private static <T> T known(Map<String, T> beans, String id, String kind) {
		T bean = beans.get(id);
		if (bean == null) {
			throw new IllegalArgumentException("No " + kind + " " + id);
		}
		return bean;
	}

}
