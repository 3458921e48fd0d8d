package postern.reports;

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
 * One fetch of the reports mailbox and what it found.
 */
@Entity
@EntityListeners(StoredRowListener.class)
@Table(name = "report_fetch")
public class ReportFetch {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "started_at", nullable = false)
	private Instant startedAt;

	@Column(name = "finished_at", nullable = false)
	private Instant finishedAt;

	@Column(nullable = false)
	private int reports;

	@Column(nullable = false)
	private int duplicates;

	@Column(nullable = false)
	private int unreadable;

	@Column(length = 1000)
	private String error;

	protected ReportFetch() {
	}

	ReportFetch(Instant startedAt, Instant finishedAt, FetchOutcome outcome) {
		this.startedAt = startedAt;
		this.finishedAt = finishedAt;
		this.reports = outcome.reports();
		this.duplicates = outcome.duplicates();
		this.unreadable = outcome.unreadable();
		this.error = (outcome.error() == null) ? null : ReportFields.oneLine(outcome.error());
	}

	public Instant getStartedAt() {
		return this.startedAt;
	}

	public Instant getFinishedAt() {
		return this.finishedAt;
	}

	public int getReports() {
		return this.reports;
	}

	public int getDuplicates() {
		return this.duplicates;
	}

	public int getUnreadable() {
		return this.unreadable;
	}

	public String getError() {
		return this.error;
	}

	public boolean isFailed() {
		return this.error != null;
	}

}
