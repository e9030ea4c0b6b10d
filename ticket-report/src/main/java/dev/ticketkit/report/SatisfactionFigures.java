package dev.ticketkit.report;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The requesters' ratings given in the period.
 *
 * <p>Shares are of the ratings given in the period. The response rate is the share of the cycles
 * resolved in the period that had been rated by the report's instant. Dissatisfaction reasons do
 * not exist in ticket-core yet: {@code reasonsTracked} is false and {@code dissatisfiedByReason}
 * empty until they do. Instances are immutable and thread-safe.
 *
 * @param satisfied SATISFIED ratings
 * @param neutral NEUTRAL ratings
 * @param dissatisfied DISSATISFIED ratings
 * @param satisfiedShare satisfied over all ratings, or null without ratings
 * @param neutralShare neutral over all ratings, or null
 * @param dissatisfiedShare dissatisfied over all ratings, or null
 * @param resolvedCycles cycles resolved in the period
 * @param ratedCycles of them, rated by the report's instant
 * @param responseRate ratedCycles over resolvedCycles, or null
 * @param comments the latest comments, dissatisfied first
 * @param reasonsTracked whether dissatisfaction reasons are recorded (true: ratings carry them)
 * @param dissatisfiedByReason dissatisfied ratings by reason, largest first
 */
public record SatisfactionFigures(
    long satisfied,
    long neutral,
    long dissatisfied,
    @Nullable Double satisfiedShare,
    @Nullable Double neutralShare,
    @Nullable Double dissatisfiedShare,
    long resolvedCycles,
    long ratedCycles,
    @Nullable Double responseRate,
    List<RatingComment> comments,
    boolean reasonsTracked,
    List<Count> dissatisfiedByReason) {

  /** Copies the lists. */
  public SatisfactionFigures {
    comments = List.copyOf(comments);
    dissatisfiedByReason = List.copyOf(dissatisfiedByReason);
  }

  /**
   * Returns the number of ratings.
   *
   * @return satisfied plus neutral plus dissatisfied
   */
  public long ratings() {
    return satisfied + neutral + dissatisfied;
  }
}
