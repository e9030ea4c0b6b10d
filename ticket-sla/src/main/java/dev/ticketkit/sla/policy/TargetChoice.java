package dev.ticketkit.sla.policy;

import dev.ticketkit.sla.calendar.BusinessCalendar;
import dev.ticketkit.sla.clock.ClockTarget;
import java.util.Objects;

/**
 * The target a policy chose for a clock, with the calendar it is counted on.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param target the target, with the reason it was chosen
 * @param calendar the calendar named by the target
 */
public record TargetChoice(ClockTarget target, BusinessCalendar calendar) {

  /** Validates the choice. */
  public TargetChoice {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(calendar, "calendar");
  }
}
