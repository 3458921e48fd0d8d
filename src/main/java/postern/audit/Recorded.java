package postern.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * What every row of the audit log and the command log says first: when, who, from where
 * and on which host.
 */
@MappedSuperclass
public abstract class Recorded {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private Instant at;

	@Column(nullable = false, length = 100)
	private String actor;

	@Column(name = "client_address", length = 100)
	private String clientAddress;

	@Column(name = "host_name", length = 255)
	private String host;

	protected Recorded() {
	}

	Recorded(Instant at, String actor, String clientAddress, String host) {
		this.at = at;
		this.actor = actor;
		this.clientAddress = clientAddress;
		this.host = host;
	}

	public Long getId() {
		return this.id;
	}

	public Instant getAt() {
		return this.at;
	}

	public String getActor() {
		return this.actor;
	}

	public String getClientAddress() {
		return this.clientAddress;
	}

	public String getHost() {
		return this.host;
	}

}
