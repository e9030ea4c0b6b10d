package dev.ticketkit.sla.escalation;

import dev.ticketkit.core.InvalidInputException;
import java.util.List;
import java.util.Objects;

/**
 * One rung of an escalation ladder: its number, when it fires and what it does.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param number the level's number within its ladder, 1 or more; with the clock it identifies the
 *     fired record
 * @param trigger when it fires
 * @param actions what it does, in order, at least one
 */
public record EscalationLevel(int number, LevelTrigger trigger, List<EscalationAction> actions) {

  /**
   * Validates the level and copies the actions.
   *
   * @throws InvalidInputException if the number is below 1 or there is no action
   */
  public EscalationLevel {
    Objects.requireNonNull(trigger, "trigger");
    actions = List.copyOf(actions);
    if (number < 1) {
      throw new InvalidInputException("level", number, "must be 1 or more");
    }
    if (actions.isEmpty()) {
      throw new InvalidInputException("actions", actions, "must hold at least one action");
    }
  }

  /**
   * Describes the level for people: what makes it due and what it does.
   *
   * @return for example {@code "level 2 at 80%: notify tier-lead, tag late"}
   */
  public String describe() {
    StringBuilder b = new StringBuilder("level ").append(number).append(" at ").append(trigger)
        .append(':');
    for (int i = 0; i < actions.size(); i++) {
      b.append(i == 0 ? " " : ", ").append(actions.get(i).describe());
    }
    return b.toString();
  }
}
