package postern.change;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import postern.infrastructure.StoredRowListener;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/**
 * A stored change: its files with their diffs and validation, the reloaders it runs, its
 * state, and the log of what applying it did.
 */
@Entity
@EntityListeners(StoredRowListener.class)
@Table(name = "change_request")
public class Change {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	@Column(nullable = false)
	private int version;

	@Column(name = "title_key", length = 200)
	private String titleKey;

	@Column(name = "title_args", length = 2000)
	private String titleArgs;

	@Column(length = 1000)
	private String summary;

	@Column(length = 1000)
	private String origin;

	@Column(name = "host_name", nullable = false, length = 255)
	private String hostName;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private ChangeState state;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "finished_at")
	private Instant finishedAt;

	@Column(length = 1000)
	private String reloaders;

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
	@JoinColumn(name = "change_id", nullable = false)
	@OrderColumn(name = "seq", nullable = false)
	@Fetch(FetchMode.SELECT)
	private List<ChangeFile> files = new ArrayList<>();

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
	@JoinColumn(name = "change_id", nullable = false)
	@OrderColumn(name = "seq", nullable = false)
	@Fetch(FetchMode.SELECT)
	private List<ChangeStep> steps = new ArrayList<>();

	protected Change() {
	}

	Change(ChangeRequest request, String hostName, Instant createdAt) {
		this.titleKey = request.titleKey();
		this.titleArgs = StoredArgs.join(request.titleArgs());
		this.summary = request.summary();
		this.origin = request.origin();
		this.hostName = hostName;
		this.state = ChangeState.PREVIEWED;
		this.createdAt = createdAt;
		this.reloaders = String.join(",", request.reloaderIds());
	}

	public Long getId() {
		return this.id;
	}

	/**
	 * The title's message key.
	 * @return the key, or {@code null} when the {@link #getSummary() summary} is the
	 * title
	 */
	public String getTitleKey() {
		return this.titleKey;
	}

	/**
	 * The title's message arguments.
	 * @return the arguments, as an array for a message expression
	 */
	public Object[] getTitleArgs() {
		return StoredArgs.split(this.titleArgs).toArray();
	}

	public String getSummary() {
		return this.summary;
	}

	/**
	 * The page where the change was made, to make it again from the current files.
	 * @return a path of the panel, or {@code null}
	 */
	public String getOrigin() {
		return this.origin;
	}

	/**
	 * The host the change was previewed for; it is applied only there.
	 * @return the host's name
	 */
	public String getHostName() {
		return this.hostName;
	}

	public ChangeState getState() {
		return this.state;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	/**
	 * When applying or discarding it ended.
	 * @return the time, or {@code null} while it is previewed
	 */
	public Instant getFinishedAt() {
		return this.finishedAt;
	}

	/**
	 * The reloaders run after the writes, in order.
	 * @return their ids
	 */
	public List<String> getReloaders() {
		if (this.reloaders == null || this.reloaders.isEmpty()) {
			return List.of();
		}
		return List.of(this.reloaders.split(","));
	}

	/**
	 * The files, in the order they are written.
	 * @return the files
	 */
	public List<ChangeFile> getFiles() {
		return Collections.unmodifiableList(this.files);
	}

	/**
	 * What applying the change did, step by step.
	 * @return the steps, oldest first
	 */
	public List<ChangeStep> getSteps() {
		return Collections.unmodifiableList(this.steps);
	}

	/**
	 * Whether every validator accepted its file at preview.
	 * @return {@code false} when a file failed its validation
	 */
	public boolean isValid() {
		return this.files.stream().noneMatch(ChangeFile::isInvalid);
	}

	/**
	 * Whether an apply was refused because a file changed on disk since the preview: the
	 * change can no longer be applied and must be made again from the current files.
	 * @return {@code true} for such a change
	 */
	public boolean isStale() {
		return this.state == ChangeState.PREVIEWED && !this.steps.isEmpty();
	}

	/**
	 * Whether Apply may be offered: previewed, valid and not stale.
	 * @return {@code true} when the change can be applied
	 */
	public boolean isApplicable() {
		return this.state == ChangeState.PREVIEWED && isValid() && !isStale();
	}

	void addFile(ChangeFile file) {
		this.files.add(file);
	}

	void addStep(ChangeStep step) {
		this.steps.add(step);
	}

	void moveTo(ChangeState newState, Instant at) {
		this.state = newState;
		this.finishedAt = (newState == ChangeState.PREVIEWED || newState == ChangeState.APPLYING) ? null : at;
	}

}
