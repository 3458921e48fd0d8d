package postern.health;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import postern.infrastructure.StoredRowListener;

/**
 * A check an admin knows about and muted for a domain until a date, with the reason.
 */
@Entity
@EntityListeners(StoredRowListener.class)
@Table(name = "health_mute")
public class HealthMute {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, length = 255)
	private String subject;

	@Column(name = "check_name", nullable = false, length = 50)
	private String check;

	@Column(length = 1000)
	private String reason;

	@Column(name = "until_date", nullable = false)
	private LocalDate until;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected HealthMute() {
	}

	HealthMute(String subject, String check, String reason, LocalDate until, Instant createdAt) {
		this.subject = subject;
		this.check = check;
		this.reason = reason;
		this.until = until;
		this.createdAt = createdAt;
	}

	public String getSubject() {
		return this.subject;
	}

	public String getCheck() {
		return this.check;
	}

	public String getReason() {
		return this.reason;
	}

	public LocalDate getUntil() {
		return this.until;
	}

	void extend(String reason, LocalDate until) {
		this.reason = reason;
		this.until = until;
	}

}
