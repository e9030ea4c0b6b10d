package dev.ticketkit.report.source;

import dev.ticketkit.core.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What {@link FactReader#process} computes: the support-process figures of the period
 * {@code [startInclusive, endExclusive)} as they stood at {@code asOf}. Instances are immutable
 * and thread-safe.
 *
 * @param startInclusive the period's start
 * @param endExclusive the period's end
 * @param asOf the report's instant, in {@code [startInclusive, endExclusive]}
 * @param followUpCadence the follow-up rule's interval, positive
 * @param topProblems how many top problems, 0 to 100
 * @param examples how many example incidents per top problem, 0 to 20
 */
public record ProcessQuery(Instant startInclusive, Instant endExclusive, Instant asOf,
    Duration followUpCadence, int topProblems, int examples) {

  /**
   * Validates the query.
   *
   * @throws InvalidInputException if the instants are out of order, the cadence not positive or
   *     a limit out of range
   */
  public ProcessQuery {
    Objects.requireNonNull(startInclusive, "startInclusive");
    Objects.requireNonNull(endExclusive, "endExclusive");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(followUpCadence, "followUpCadence");
    if (!startInclusive.isBefore(endExclusive)) {
      throw new InvalidInputException("endExclusive", endExclusive, "must be after "
          + startInclusive);
    }
    if (asOf.isBefore(startInclusive) || asOf.isAfter(endExclusive)) {
      throw new InvalidInputException("asOf", asOf, "must be within the period");
    }
    if (followUpCadence.isNegative() || followUpCadence.toMillis() <= 0) {
      throw new InvalidInputException("followUpCadence", followUpCadence, "must be positive");
    }
    if (topProblems < 0 || topProblems > 100) {
      throw new InvalidInputException("topProblems", topProblems, "must be 0 to 100");
    }
    if (examples < 0 || examples > 20) {
      throw new InvalidInputException("examples", examples, "must be 0 to 20");
    }
  }
}
