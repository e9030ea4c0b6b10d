package dev.ticketkit.sla.escalation;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.sla.clock.SlaClock;
import java.util.Objects;

/**
 * Why escalation actions run: a level of a clock's ladder came due, or a ticket change triggered
 * an event rule. Instances are immutable and thread-safe.
 */
public sealed interface EscalationCause {

  /**
   * Describes the cause in one line for people.
   *
   * @return for example {@code "FIRST_RESPONSE#1 level 2 at 80% of PT15M"}
   */
  String describe();

  /**
   * A ladder level came due.
   *
   * @param clock the clock, as it was when the level came due
   * @param level the level: its number, trigger and actions
   */
  record LevelReached(SlaClock clock, EscalationLevel level) implements EscalationCause {
    /** Validates the cause. */
    public LevelReached {
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(level, "level");
    }

    @Override
    public String describe() {
      return clock.key().metric() + "#" + clock.key().cycle() + " level " + level.number()
          + " at " + level.trigger() + " of " + clock.target().target();
    }
  }

  /**
   * A ticket change triggered an event rule.
   *
   * @param trigger what the change did
   * @param rule the rule
   * @param ticketVersion the version the change produced
   */
  record RuleTriggered(TicketTrigger trigger, EventRule rule, long ticketVersion)
      implements EscalationCause {
    /**
     * Validates the cause.
     *
     * @throws InvalidInputException if the version is below 1
     */
    public RuleTriggered {
      Objects.requireNonNull(trigger, "trigger");
      Objects.requireNonNull(rule, "rule");
      if (ticketVersion < 1) {
        throw new InvalidInputException("ticketVersion", ticketVersion, "must be 1 or more");
      }
    }

    @Override
    public String describe() {
      return trigger + " (ticket version " + ticketVersion + ")";
    }
  }
}
