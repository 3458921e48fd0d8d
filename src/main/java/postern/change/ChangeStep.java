package postern.change;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/**
 * One line of a change's result log: a message (key and arguments, shown in the reader's
 * language), whether the step succeeded, and the output of what ran.
 */
@Entity
@Table(name = "change_step")
public class ChangeStep {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private Instant at;

	@Column(nullable = false)
	private boolean success;

	@Column(name = "message_key", nullable = false, length = 200)
	private String messageKey;

	@Column(name = "message_args", length = 4000)
	private String messageArgs;

	@Lob
	@Column(name = "output")
	private String output;

	protected ChangeStep() {
	}

	ChangeStep(Instant at, boolean success, String messageKey, List<String> messageArgs, String output) {
		this.at = at;
		this.success = success;
		this.messageKey = messageKey;
		this.messageArgs = StoredArgs.join(messageArgs);
		this.output = (output == null || output.isBlank()) ? null : output;
	}

	public Instant getAt() {
		return this.at;
	}

	public boolean isSuccess() {
		return this.success;
	}

	/**
	 * The message key, e.g. {@code change.step.written}.
	 * @return the key
	 */
	public String getMessageKey() {
		return this.messageKey;
	}

	/**
	 * The message's arguments.
	 * @return the arguments, as an array for a message expression
	 */
	public Object[] getMessageArgs() {
		return StoredArgs.split(this.messageArgs).toArray();
	}

	/**
	 * The output of what ran in this step.
	 * @return the output, or {@code null} for none
	 */
	public String getOutput() {
		return this.output;
	}

}
