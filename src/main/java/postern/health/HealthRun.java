package postern.health;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import postern.infrastructure.StoredRowListener;

/**
 * One run of the checks: all of them, or those of one domain.
 */
@Entity
@EntityListeners(StoredRowListener.class)
@Table(name = "health_run")
public class HealthRun {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "started_at", nullable = false)
	private Instant startedAt;

	@Column(name = "finished_at")
	private Instant finishedAt;

	@Column(length = 255)
	private String scope;

	@Column(name = "trigger_kind", nullable = false, length = 20)
	private String trigger;

	@Column(nullable = false)
	private int planned;

	protected HealthRun() {
	}

	HealthRun(Instant startedAt, String scope, String trigger) {
		this.startedAt = startedAt;
		this.scope = scope;
		this.trigger = trigger;
	}

	public Long getId() {
		return this.id;
	}

	public Instant getStartedAt() {
		return this.startedAt;
	}

	public Instant getFinishedAt() {
		return this.finishedAt;
	}

	/**
	 * What was checked.
	 * @return a domain, or {@code null} for everything
	 */
	public String getScope() {
		return this.scope;
	}

	public String getTrigger() {
		return this.trigger;
	}

	public int getPlanned() {
		return this.planned;
	}

	public boolean isFinished() {
		return this.finishedAt != null;
	}

	void planned(int planned) {
		this.planned = planned;
	}

	void finished(Instant at) {
		this.finishedAt = at;
	}

}
