package postern.health.web;

import java.time.LocalDate;

import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * Muting one check of a domain until a date.
 */
public class MuteForm {

	@NotBlank
	@Pattern(regexp = "[a-z0-9-]{1,50}")
	private String check;

	@NotBlank
	private String domain;

	@NotNull
	@FutureOrPresent
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate until;

	/** One line of printable text: it is shown in lists and sent in alerts. */
	@Size(max = 1000)
	@Pattern(regexp = "[^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\p{Co}\\p{Cs}\\p{Cn}\\x{FFFD}]*",
			message = "{health.mute.reason.invalid}")
	private String reason;

	public String getCheck() {
		return this.check;
	}

	public void setCheck(String check) {
		this.check = check;
	}

	public String getDomain() {
		return this.domain;
	}

	public void setDomain(String domain) {
		this.domain = domain;
	}

	public LocalDate getUntil() {
		return this.until;
	}

	public void setUntil(LocalDate until) {
		this.until = until;
	}

	public String getReason() {
		return this.reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

}
