package dev.ticketkit.core.routing;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.Priority;

/**
 * How much one open ticket weighs on its agent's load, by priority: an urgent ticket takes more
 * of an agent than a low one. An agent's load is the sum of the weights of the open tickets
 * (state category NEW, OPEN or PENDING) assigned to them, and capacity is counted in the same
 * unit. Immutable.
 *
 * @param urgent the weight of an URGENT ticket
 * @param high the weight of a HIGH ticket
 * @param medium the weight of a MEDIUM ticket
 * @param low the weight of a LOW ticket
 */
public record LoadWeights(int urgent, int high, int medium, int low) {

  /** The largest weight of one ticket. */
  public static final int MAX_WEIGHT = 100;

  /**
   * Checks every weight.
   *
   * @throws InvalidInputException if a weight is below 1 or above {@value #MAX_WEIGHT}
   */
  public LoadWeights {
    check("urgent", urgent);
    check("high", high);
    check("medium", medium);
    check("low", low);
  }

  /**
   * Returns weights that count every ticket as 1: load is the number of open tickets.
   *
   * @return the weights
   */
  public static LoadWeights uniform() {
    return new LoadWeights(1, 1, 1, 1);
  }

  /**
   * Returns the standard weights: URGENT 4, HIGH 2, MEDIUM 1, LOW 1.
   *
   * @return the weights
   */
  public static LoadWeights standard() {
    return new LoadWeights(4, 2, 1, 1);
  }

  /**
   * Returns the weight of a ticket of a priority.
   *
   * @param priority the priority
   * @return the weight
   */
  public int of(Priority priority) {
    return switch (priority) {
      case URGENT -> urgent;
      case HIGH -> high;
      case MEDIUM -> medium;
      case LOW -> low;
    };
  }

  private static void check(String field, int weight) {
    if (weight < 1 || weight > MAX_WEIGHT) {
      throw new InvalidInputException("weights." + field, weight,
          "must be between 1 and " + MAX_WEIGHT);
    }
  }
}
