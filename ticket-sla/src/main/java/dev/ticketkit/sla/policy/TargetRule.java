package dev.ticketkit.sla.policy;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.SupportedTime;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One alternative target of a metric and priority: a duration on a calendar, used when its
 * arrival condition holds. A metric and priority have a list of them, and the first whose
 * condition holds is chosen.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param when the arrival condition, or null for "always"
 * @param within the business time allowed, positive and at most {@link SupportedTime#MAX_DURATION}
 * @param calendarId the calendar it is counted on, or null for the policy's calendar
 */
public record TargetRule(@Nullable ArrivalCondition when, Duration within,
    @Nullable String calendarId) {

  /**
   * Validates the rule.
   *
   * @throws InvalidInputException if the duration is not positive or longer than the supported
   *     range, or the calendar id breaks {@link SlaPolicy#ID}
   */
  public TargetRule {
    Objects.requireNonNull(within, "within");
    if (SupportedTime.requireDuration("within", within).isZero()) {
      throw new InvalidInputException("within", within, "must be positive");
    }
    if (calendarId != null) {
      SlaPolicy.ID.require("calendar", calendarId);
    }
  }

  /**
   * Returns an unconditional rule on the policy's calendar.
   *
   * @param within the business time allowed
   * @return the rule
   */
  public static TargetRule always(Duration within) {
    return new TargetRule(null, within, null);
  }
}
