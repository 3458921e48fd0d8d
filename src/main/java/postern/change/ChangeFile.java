package postern.change;

import java.nio.file.Path;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import postern.host.FileSnapshot;

/**
 * One file of a stored {@link Change}: the bytes it had when the change was made, the
 * bytes it gets, the diff between them and what its validator said.
 */
@Entity
@Table(name = "change_file")
public class ChangeFile {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, length = 4000)
	private String path;

	@Column(name = "original_exists", nullable = false)
	private boolean originalExists;

	@Column(name = "original_sha256", nullable = false, length = 64)
	private String originalSha256;

	@Lob
	@Column(name = "original_content", nullable = false)
	private byte[] originalContent;

	@Lob
	@Column(name = "candidate_content", nullable = false)
	private byte[] candidateContent;

	@Lob
	@Column(name = "diff")
	private String diff;

	@Column(name = "validator", length = 100)
	private String validator;

	@Column(name = "validation_ok")
	private Boolean validationOk;

	@Lob
	@Column(name = "validation_output")
	private String validationOutput;

	protected ChangeFile() {
	}

	ChangeFile(FileEdit edit, String diff) {
		FileSnapshot snapshot = edit.snapshot();
		this.path = edit.path().toString();
		this.originalExists = snapshot.exists();
		this.originalSha256 = snapshot.sha256();
		this.originalContent = snapshot.content();
		this.candidateContent = edit.candidate();
		this.diff = diff;
		this.validator = edit.validatorId();
	}

	public Long getId() {
		return this.id;
	}

	public Path getPath() {
		return Path.of(this.path);
	}

	/**
	 * Whether the file existed when the change was made.
	 * @return {@code false} for a file the change creates
	 */
	public boolean isOriginalExists() {
		return this.originalExists;
	}

	public String getOriginalSha256() {
		return this.originalSha256;
	}

	public byte[] getOriginalContent() {
		return this.originalContent.clone();
	}

	public byte[] getCandidateContent() {
		return this.candidateContent.clone();
	}

	/**
	 * The unified diff from the original to the candidate.
	 * @return the diff, empty when the bytes are the same
	 */
	public String getDiff() {
		return (this.diff != null) ? this.diff : "";
	}

	/**
	 * The validator that checks the file.
	 * @return its id, or {@code null} for none
	 */
	public String getValidator() {
		return this.validator;
	}

	/**
	 * What the validator said at preview.
	 * @return {@code true} or {@code false}, or {@code null} when no validator ran
	 */
	public Boolean getValidationOk() {
		return this.validationOk;
	}

	public String getValidationOutput() {
		return this.validationOutput;
	}

	/**
	 * Whether the validator refused the candidate at preview.
	 * @return {@code true} when it did
	 */
	public boolean isInvalid() {
		return Boolean.FALSE.equals(this.validationOk);
	}

	/**
	 * Whether some current bytes of the file are those the change was made from.
	 * @param current the bytes the file has now (empty when it is missing)
	 * @return {@code true} when the file did not change since
	 */
	boolean isOriginal(byte[] current) {
		if (!this.originalExists) {
			return current.length == 0;
		}
		return this.originalSha256.equals(FileSnapshot.sha256(current));
	}

	/**
	 * Whether a snapshot of the file is the one the change was made from.
	 * @param current the file as read now
	 * @return {@code true} when the file did not change since
	 */
	boolean isOriginal(FileSnapshot current) {
		return this.originalSha256.equals(current.sha256());
	}

	void validated(ValidationResult result) {
		this.validationOk = result.ok();
		this.validationOutput = result.output();
	}

}
