package dev.ticketkit.sla.whatif;

import dev.ticketkit.core.Priority;
import dev.ticketkit.sla.clock.ClockKey;
import dev.ticketkit.sla.clock.SlaClock;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A clock whose outcome differs between the policies in force and the other policies. Instances
 * are immutable and thread-safe.
 *
 * @param key the clock (tenant, ticket, metric, cycle)
 * @param priority the priority of its target (the actual clock's, else the what-if clock's)
 * @param actual the outcome under the policies in force
 * @param whatIf the outcome under the other policies
 * @param actualClock the clock under the policies in force, or null if there was none
 * @param whatIfClock the clock under the other policies, or null if there was none
 */
public record OutcomeChange(ClockKey key, Priority priority, ClockOutcome actual,
    ClockOutcome whatIf, @Nullable SlaClock actualClock, @Nullable SlaClock whatIfClock) {

  /**
   * Validates the change.
   *
   * @throws NullPointerException if a required part is null
   */
  public OutcomeChange {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(actual, "actual");
    Objects.requireNonNull(whatIf, "whatIf");
  }

  /**
   * Tells whether the other policies would have breached a clock that was not breached.
   *
   * @return true for a breach gained
   */
  public boolean breachGained() {
    return whatIf == ClockOutcome.BREACHED && actual != ClockOutcome.BREACHED;
  }

  /**
   * Tells whether the other policies would have avoided a breach.
   *
   * @return true for a breach avoided
   */
  public boolean breachAvoided() {
    return actual == ClockOutcome.BREACHED && whatIf != ClockOutcome.BREACHED;
  }
}
