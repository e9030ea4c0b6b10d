package dev.ticketkit.sla.clock;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.Priority;
import java.time.Duration;
import java.util.Objects;

/**
 * The target an SLA clock measures against, and where it came from.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param policyId the id of the SLA policy that matched the ticket
 * @param priority the ticket priority the target was chosen for
 * @param calendarId the id of the business calendar the target is counted on ({@code "24x7"}
 *     for elapsed time)
 * @param target the business time allowed, positive
 * @param reason why this target was chosen, in words (policy, rule, arrival condition)
 */
public record ClockTarget(
    String policyId, Priority priority, String calendarId, Duration target, String reason) {

  /**
   * Validates the target.
   *
   * @throws NullPointerException if a part is null
   * @throws InvalidInputException if an id is blank or the target not positive
   */
  public ClockTarget {
    Objects.requireNonNull(calendarId, "calendarId");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(reason, "reason");
    if (Objects.requireNonNull(policyId, "policyId").isBlank()) {
      throw new InvalidInputException("policyId", policyId, "must not be blank");
    }
    if (Objects.requireNonNull(calendarId, "calendarId").isBlank()) {
      throw new InvalidInputException("calendarId", calendarId, "must not be blank");
    }
    if (Objects.requireNonNull(target, "target").isNegative() || target.isZero()) {
      throw new InvalidInputException("target", target, "must be positive");
    }
  }
}
