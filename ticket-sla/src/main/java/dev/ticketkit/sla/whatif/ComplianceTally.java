package dev.ticketkit.sla.whatif;

import dev.ticketkit.core.InvalidInputException;

/**
 * How the clocks of one metric and priority came out under one policy set. Instances are
 * immutable and thread-safe.
 *
 * @param clocks the clocks started
 * @param met the clocks met
 * @param breached the clocks breached (done late, or running past due at the end)
 * @param escalations the escalation levels that fired
 */
public record ComplianceTally(long clocks, long met, long breached, long escalations) {

  /**
   * Validates the counts.
   *
   * @throws InvalidInputException if a count is negative or met plus breached exceeds clocks
   */
  public ComplianceTally {
    if (clocks < 0 || met < 0 || breached < 0 || escalations < 0 || met + breached > clocks) {
      throw new InvalidInputException("tally", clocks + "/" + met + "/" + breached + "/"
          + escalations, "must be non-negative with met + breached <= clocks");
    }
  }

  /** No clocks. */
  public static final ComplianceTally NONE = new ComplianceTally(0, 0, 0, 0);

  /**
   * Returns the share of judged clocks that were met, or NaN when none was judged.
   *
   * @return met / (met + breached), 0 to 1, or NaN
   */
  public double compliance() {
    long judged = met + breached;
    return judged == 0 ? Double.NaN : (double) met / judged;
  }
}
