package postern.reports;

import java.time.LocalDate;

/**
 * Messages of one day.
 *
 * @param day the day the report period began
 * @param passing messages that passed DMARC
 * @param failing messages that failed
 */
public record DayCount(LocalDate day, long passing, long failing) {
}
