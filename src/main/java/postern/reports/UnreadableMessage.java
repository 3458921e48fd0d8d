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
 * A mail that looked like a report but could not be read, kept aside in
 * {@code Postern/Unreadable}.
 */
@Entity
@EntityListeners(StoredRowListener.class)
@Table(name = "report_unreadable")
public class UnreadableMessage {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "message_id")
	private String messageId;

	private String sender;

	private String subject;

	@Column(name = "reason_key", nullable = false, length = 100)
	private String reasonKey;

	@Column(nullable = false, length = 1000)
	private String detail;

	@Column(name = "seen_at", nullable = false)
	private Instant seenAt;

	protected UnreadableMessage() {
	}

	UnreadableMessage(MailSummary mail, UnreadableReportException reason, Instant seenAt) {
		this.messageId = cut(mail.messageId(), 255);
		this.sender = cut(mail.sender(), 255);
		this.subject = cut(mail.subject(), 255);
		this.reasonKey = reason.reasonKey();
		this.detail = cut(reason.detail(), 1000);
		this.seenAt = seenAt;
	}

	private static String cut(String text, int length) {
		String value = (text == null) ? "" : text;
		return (value.length() > length) ? value.substring(0, length) : value;
	}

	public Long getId() {
		return this.id;
	}

	public String getMessageId() {
		return this.messageId;
	}

	public String getSender() {
		return this.sender;
	}

	public String getSubject() {
		return this.subject;
	}

	public String getReasonKey() {
		return this.reasonKey;
	}

	public String getDetail() {
		return this.detail;
	}

	public Instant getSeenAt() {
		return this.seenAt;
	}

}
