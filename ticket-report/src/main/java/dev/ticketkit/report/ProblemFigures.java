package dev.ticketkit.report;

import java.util.List;

/**
 * Problems and their incidents (ticket-core's {@code ProblemDesk}): a problem opens when a ticket
 * is recorded as a problem and is resolved when its record gets a resolution; an incident is a
 * ticket linked to a problem ({@code INCIDENT_OF_PROBLEM}), counted when the link is made.
 * Instances are immutable and thread-safe.
 *
 * @param opened problems recorded in the period
 * @param resolved problems resolved in the period (before the report's instant)
 * @param openAtEnd problems recorded and not resolved at the report's instant
 * @param incidentsLinked incidents linked to a problem in the period
 * @param top the problems with the most incidents linked in the period, most first (then by
 *     problem number); problems recorded before the report source knew them are left out
 */
public record ProblemFigures(long opened, long resolved, long openAtEnd, long incidentsLinked,
    List<TopProblem> top) {

  /** Copies the list. */
  public ProblemFigures {
    top = List.copyOf(top);
  }
}
