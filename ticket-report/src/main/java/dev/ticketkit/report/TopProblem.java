package dev.ticketkit.report;

import java.util.List;
import java.util.Objects;

/**
 * A problem with the incidents linked to it in the period, and the latest of them as examples.
 * Instances are immutable and thread-safe.
 *
 * @param problem the problem ticket
 * @param incidents incidents linked to it in the period
 * @param examples the latest linked incidents, latest first
 */
public record TopProblem(ExampleTicket problem, long incidents, List<ExampleTicket> examples) {

  /**
   * Copies the list.
   *
   * @throws NullPointerException if a part is null
   */
  public TopProblem {
    Objects.requireNonNull(problem, "problem");
    examples = List.copyOf(examples);
  }
}
