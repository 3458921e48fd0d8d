package postern.health;

import java.util.List;
import java.util.stream.Collectors;

import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * The answer to one DNS query, or why there is none.
 *
 * @param name the name asked, absolute
 * @param type the type asked
 * @param outcome whether an answer came
 * @param rcode the answer's response code
 * @param authenticated whether the resolver vouched for it (the AD flag)
 * @param records the answer's records of the type asked
 * @param problem why there is no answer, or {@code null}
 */
public record DnsAnswer(String name, int type, Outcome outcome, int rcode, boolean authenticated, List<Record> records,
		String problem) {

	public DnsAnswer {
		records = List.copyOf(records);
	}

	static DnsAnswer failed(String name, int type, boolean timedOut, String problem) {
		return new DnsAnswer(name, type, timedOut ? Outcome.TIMED_OUT : Outcome.FAILED, -1, false, List.of(), problem);
	}

	/**
	 * Whether the server answered with NOERROR or NXDOMAIN (an answer that says what is
	 * published).
	 * @return {@code true} when the records can be trusted to be all there is
	 */
	public boolean answered() {
		return this.outcome == Outcome.ANSWERED && (this.rcode == Rcode.NOERROR || this.rcode == Rcode.NXDOMAIN);
	}

	/**
	 * Why the records are not known.
	 * @return the problem, or the response code's name
	 */
	public String why() {
		return (this.problem != null) ? this.problem : Rcode.string(this.rcode);
	}

	/**
	 * The records of a type.
	 * @param <T> the record class
	 * @param kind the record class
	 * @return the records
	 */
	public <T extends Record> List<T> records(Class<T> kind) {
		return this.records.stream().filter(kind::isInstance).map(kind::cast).toList();
	}

	/**
	 * The text of each TXT record, its strings joined.
	 * @return the texts
	 */
	public List<String> texts() {
		return records(TXTRecord.class).stream().map((txt) -> String.join("", txt.getStrings())).toList();
	}

	/**
	 * The answer as a zone file shows it, for the details of a result.
	 * @return one line per record, or a line saying there is none
	 */
	public String describe() {
		String question = this.name + " " + Type.string(this.type);
		if (this.outcome != Outcome.ANSWERED) {
			return question + ": " + why();
		}
		if (this.records.isEmpty()) {
			return question + ": " + Rcode.string(this.rcode) + ", no record" + (this.authenticated ? " (AD)" : "");
		}
		return this.records.stream().map(Record::toString).collect(Collectors.joining("\n"))
				+ (this.authenticated ? "\n(AD)" : "");
	}

	/**
	 * Whether an answer came.
	 */
	public enum Outcome {

		/** The server answered. */
		ANSWERED,

		/** No answer in time, twice. */
		TIMED_OUT,

		/** The query could not be sent or the answer read. */
		FAILED

	}

}
