package postern.health;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import postern.infrastructure.StoredRowListener;

/**
 * A stored check result.
 */
@Entity
@EntityListeners(StoredRowListener.class)
@Table(name = "health_result")
public class HealthResult {

	private static final String SEPARATOR = "\u001f";

	private static final int MAX_ARGUMENTS = 4000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "run_id", nullable = false)
	private Long runId;

	@Column(nullable = false, length = 255)
	private String subject;

	@Column(name = "check_name", nullable = false, length = 50)
	private String check;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 10)
	private Verdict verdict;

	@Column(name = "message_key", nullable = false, length = 100)
	private String messageKey;

	@Column(length = MAX_ARGUMENTS)
	private String arguments;

	@Lob
	private String fix;

	@Lob
	private String detail;

	@Column(name = "checked_at", nullable = false)
	private Instant checkedAt;

	@Column(length = 64)
	private String address;

	@Column(name = "policy_digest", length = 64)
	private String policyDigest;

	@Column(name = "sts_id", length = 32)
	private String stsId;

	protected HealthResult() {
	}

	HealthResult(Long runId, CheckResult result, Instant checkedAt) {
		this.runId = runId;
		this.subject = result.subject();
		this.check = result.check();
		this.verdict = result.verdict();
		this.messageKey = result.messageKey();
		String joined = String.join(SEPARATOR, result.arguments());
		this.arguments = (joined.length() > MAX_ARGUMENTS) ? joined.substring(0, MAX_ARGUMENTS) : joined;
		this.fix = result.fix();
		this.detail = result.detail();
		this.checkedAt = checkedAt;
		this.address = result.address();
		if (result.mtaStsSeen() != null) {
			this.policyDigest = result.mtaStsSeen().policyDigest();
			this.stsId = result.mtaStsSeen().id();
		}
	}

	public Long getId() {
		return this.id;
	}

	public Long getRunId() {
		return this.runId;
	}

	public String getSubject() {
		return this.subject;
	}

	public String getCheck() {
		return this.check;
	}

	public Verdict getVerdict() {
		return this.verdict;
	}

	public String getMessageKey() {
		return this.messageKey;
	}

	/**
	 * The arguments of the sentence.
	 * @return the arguments
	 */
	public Object[] getArguments() {
		return (this.arguments == null || this.arguments.isEmpty()) ? new Object[0]
				: Arrays.stream(this.arguments.split(SEPARATOR, -1)).toArray();
	}

	List<String> argumentList() {
		return Arrays.stream(getArguments()).map(String::valueOf).toList();
	}

	public String getFix() {
		return this.fix;
	}

	public String getDetail() {
		return this.detail;
	}

	public Instant getCheckedAt() {
		return this.checkedAt;
	}

	/**
	 * The address of the subject the check was made at.
	 * @return the address, or {@code null} for a check made once for its subject
	 */
	public String getAddress() {
		return this.address;
	}

	/**
	 * Whether the result calls for attention.
	 * @return {@code true} for a warning or an error
	 */
	public boolean isProblem() {
		return this.verdict == Verdict.WARNING || this.verdict == Verdict.ERROR;
	}

}
