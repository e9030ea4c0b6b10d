package dev.ticketkit.sla.internal;

import dev.ticketkit.core.Satisfaction;
import dev.ticketkit.core.event.TicketEscalated;
import dev.ticketkit.core.event.TicketEvent;
import dev.ticketkit.core.event.TicketRated;
import dev.ticketkit.core.event.TicketReopened;
import dev.ticketkit.core.event.TicketUrgentFlagged;
import dev.ticketkit.sla.escalation.EscalationAction;
import dev.ticketkit.sla.escalation.EventRule;
import dev.ticketkit.sla.escalation.TicketTrigger;
import dev.ticketkit.sla.policy.SlaPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Finds the event rules a stored change triggers. Stateless and thread-safe.
 *
 * <p>A change that already moved the ticket's tier (the standard workflow's reopen escalates one
 * tier) marks its planned rules so that a {@code nextTier} reassignment is not done twice.
 */
public final class EventRules {

  /**
   * One triggered rule.
   *
   * @param trigger the event kind
   * @param actions the rule's actions
   * @param tierAlreadyMoved whether the same change moved the tier
   * @param at the event's instant
   */
  public record Planned(TicketTrigger trigger, List<EscalationAction> actions,
      boolean tierAlreadyMoved, Instant at) {}

  private EventRules() {}

  /**
   * Returns the rules a change triggers, in event order.
   *
   * @param policy the ticket's policy after the change
   * @param events the change's events
   * @return the planned rules, often none
   */
  public static List<Planned> plan(SlaPolicy policy, List<TicketEvent> events) {
    if (policy.events().isEmpty()) {
      return List.of();
    }
    boolean escalated = events.stream().anyMatch(e -> e instanceof TicketEscalated);
    List<Planned> out = new ArrayList<>();
    for (TicketEvent e : events) {
      TicketTrigger trigger = triggerOf(e);
      if (trigger != null) {
        for (EventRule rule : policy.rules(trigger)) {
          out.add(new Planned(trigger, rule.actions(), escalated, e.at()));
        }
      }
    }
    return out;
  }

  private static @Nullable TicketTrigger triggerOf(TicketEvent e) {
    if (e instanceof TicketUrgentFlagged) {
      return TicketTrigger.URGENT_FLAGGED;
    }
    if (e instanceof TicketRated r && r.rating().satisfaction() == Satisfaction.DISSATISFIED) {
      return TicketTrigger.RATED_DISSATISFIED;
    }
    if (e instanceof TicketReopened) {
      return TicketTrigger.REOPENED;
    }
    return e instanceof TicketEscalated ? TicketTrigger.ESCALATED : null;
  }
}
