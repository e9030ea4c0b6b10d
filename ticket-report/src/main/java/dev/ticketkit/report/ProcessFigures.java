package dev.ticketkit.report;

import java.util.Objects;

/**
 * The support-process figures of a period: department hand-offs, follow-ups, problems and
 * incidents, and rating requests. A {@link dev.ticketkit.report.source.FactReader} computes them
 * ({@link dev.ticketkit.report.source.FactReader#process}). Instances are immutable and
 * thread-safe.
 *
 * @param handoffs department hand-offs
 * @param followUps follow-ups against the twice-a-week rule
 * @param problems problems and incidents
 * @param ratingRequests rating requests sent, answered and expired
 */
public record ProcessFigures(HandoffFigures handoffs, FollowUpFigures followUps,
    ProblemFigures problems, RatingRequestFigures ratingRequests) {

  /**
   * Validates the parts.
   *
   * @throws NullPointerException if a part is null
   */
  public ProcessFigures {
    Objects.requireNonNull(handoffs, "handoffs");
    Objects.requireNonNull(followUps, "followUps");
    Objects.requireNonNull(problems, "problems");
    Objects.requireNonNull(ratingRequests, "ratingRequests");
  }

  /**
   * Returns whether nothing of the process happened in the period.
   *
   * @return true if every count is 0
   */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isEmpty() {
    return handoffs.all().opened() == 0 && followUps.done() == 0 && followUps.openTickets() == 0
        && problems.opened() + problems.resolved() + problems.incidentsLinked() == 0
        && ratingRequests.sent() == 0;
  }
}
