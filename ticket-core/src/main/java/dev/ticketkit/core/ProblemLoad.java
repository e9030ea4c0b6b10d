package dev.ticketkit.core;

import java.util.Objects;

/**
 * An open problem with the number of its incidents still open: one row of
 * {@link ProblemDesk#openProblems}. Instances are immutable and thread-safe.
 *
 * @param problem the problem ticket
 * @param openIncidents how many of its incidents are in a NEW, OPEN or PENDING state
 */
public record ProblemLoad(Ticket problem, long openIncidents) {

  /**
   * Validates the row.
   *
   * @throws NullPointerException if the problem is null
   */
  public ProblemLoad {
    Objects.requireNonNull(problem, "problem");
  }
}
