package dev.ticketkit.sla.escalation;

import dev.ticketkit.core.InvalidInputException;
import java.util.List;
import java.util.Objects;

/**
 * A rule that acts on a ticket event rather than on a clock: "urgent tickets notify the tier lead
 * at intake", "a dissatisfied rating escalates one tier".
 *
 * <p>The engine runs the actions of the matched policy's rules after the change is committed, on
 * the thread that made it (the ticket listener's delivery guarantees apply). Instances are
 * immutable and thread-safe.
 *
 * @param on the event kind
 * @param actions what to do, in order, at least one
 */
public record EventRule(TicketTrigger on, List<EscalationAction> actions) {

  /**
   * Validates the rule and copies the actions.
   *
   * @throws InvalidInputException if there is no action
   */
  public EventRule {
    Objects.requireNonNull(on, "on");
    actions = List.copyOf(actions);
    if (actions.isEmpty()) {
      throw new InvalidInputException("actions", actions, "must hold at least one action");
    }
  }
}
