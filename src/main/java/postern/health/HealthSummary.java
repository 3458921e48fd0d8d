package postern.health;

import java.time.Instant;

/**
 * The latest results in numbers, for the dashboard.
 *
 * @param at when the last run ended (or started, while it goes)
 * @param ok checks that passed
 * @param warnings checks with a warning
 * @param errors checks with an error
 * @param unknown checks that could not be made
 * @param muted checks an admin muted, whatever their verdict
 */
public record HealthSummary(Instant at, int ok, int warnings, int errors, int unknown, int muted) {
}
