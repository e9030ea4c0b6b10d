package dev.ticketkit.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The open work at the end of the period (or at the report's instant, if earlier): tickets whose
 * current resolution cycle had started and had not yet been resolved, closed, cancelled or merged.
 * Instances are immutable and thread-safe.
 *
 * @param asOf the instant the backlog is taken at
 * @param total how many tickets
 * @param aging by age since intake, in the configured buckets
 * @param byPriority by priority, URGENT first
 */
public record Backlog(Instant asOf, long total, List<AgingBucket> aging, List<Count> byPriority) {

  /** Copies the lists. */
  public Backlog {
    Objects.requireNonNull(asOf, "asOf");
    aging = List.copyOf(aging);
    byPriority = List.copyOf(byPriority);
  }
}
