package dev.ticketkit.sla.escalation;

import dev.ticketkit.core.DissatisfactionReason;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.Rating;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

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
 * <p>A rule on {@link TicketTrigger#RATED_DISSATISFIED} may be limited to some
 * {@link DissatisfactionReason}s ("POOR_COMMUNICATION notifies the team lead"); an empty set
 * matches every reason. In policy JSON: {@code "reasons": ["POOR_COMMUNICATION"]}; the standard
 * policy notifies the {@code team-lead} on POOR_COMMUNICATION.
 *
 * @param on the event kind
 * @param actions what to do, in order, at least one
 * @param reasons the reasons a RATED_DISSATISFIED rule fires on; empty for all (and for rules on
 *     other triggers)
 */
public record EventRule(
    TicketTrigger on, List<EscalationAction> actions, Set<DissatisfactionReason> reasons) {

  /**
   * Validates the rule and copies the actions and reasons.
   *
   * @throws InvalidInputException if there is no action, or a rule on another trigger than
   *     RATED_DISSATISFIED names reasons
   */
  public EventRule {
    Objects.requireNonNull(on, "on");
    actions = List.copyOf(actions);
    reasons = Set.copyOf(reasons);
    if (actions.isEmpty()) {
      throw new InvalidInputException("actions", actions, "must hold at least one action");
    }
    if (!reasons.isEmpty() && on != TicketTrigger.RATED_DISSATISFIED) {
      throw new InvalidInputException("reasons", reasons,
          "are allowed on RATED_DISSATISFIED rules only, not on " + on);
    }
  }

  /**
   * Creates a rule that fires on every event of its kind.
   *
   * @param on the event kind
   * @param actions what to do, in order, at least one
   * @throws InvalidInputException if there is no action
   */
  public EventRule(TicketTrigger on, List<EscalationAction> actions) {
    this(on, actions, Set.of());
  }

  /**
   * Returns a RATED_DISSATISFIED rule limited to some reasons.
   *
   * @param reasons the reasons, at least one
   * @param actions what to do, in order, at least one
   * @return the rule
   * @throws InvalidInputException if there is no reason or no action
   */
  public static EventRule onDissatisfied(
      Set<DissatisfactionReason> reasons, List<EscalationAction> actions) {
    Objects.requireNonNull(actions, "actions");
    if (reasons.isEmpty()) {
      throw new InvalidInputException("reasons", reasons, "must name at least one reason");
    }
    return new EventRule(TicketTrigger.RATED_DISSATISFIED, actions, reasons);
  }

  /**
   * Tells whether the rule fires on a rating (always, unless it is limited to reasons).
   *
   * @param rating the DISSATISFIED rating of the triggering change, or null for another trigger
   * @return true if the rule fires
   */
  public boolean firesOn(@Nullable Rating rating) {
    return reasons.isEmpty() || rating != null && reasons.contains(rating.reason());
  }
}
