package dev.ticketkit.sla.escalation;

import dev.ticketkit.core.InvalidInputException;
import java.util.List;
import java.util.Objects;

/**
 * A rule that acts on a ticket event rather than on a clock: "urgent tickets notify the tier lead
 * at intake", "a dissatisfied rating escalates one tier".
 *
 * <p>When a change triggers rules of the ticket's policy (after the change), the engine records
 * them durably in the ticket's transaction and fires them through the SLA store's claim, right
 * after the commit on the committing thread, or at the next {@code tick} if that step did not run:
 * each rule fires once per triggering change (see {@code SlaEngine} for the exact guarantees).
 * Instances are immutable and thread-safe.
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
