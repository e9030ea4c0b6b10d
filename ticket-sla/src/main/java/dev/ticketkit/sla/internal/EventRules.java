package dev.ticketkit.sla.internal;

import dev.ticketkit.core.Satisfaction;
import dev.ticketkit.core.event.TicketEscalated;
import dev.ticketkit.core.event.TicketEvent;
import dev.ticketkit.core.event.TicketRated;
import dev.ticketkit.core.event.TicketReopened;
import dev.ticketkit.core.event.TicketUrgentFlagged;
import dev.ticketkit.core.Rating;
import dev.ticketkit.sla.escalation.EventRule;
import dev.ticketkit.sla.escalation.TicketTrigger;
import dev.ticketkit.sla.policy.SlaPolicy;
import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.SupportTier;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketField;
import dev.ticketkit.core.store.ChangeSet;
import dev.ticketkit.sla.store.EventRuleDue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Finds the event rules a stored change triggers. Stateless and thread-safe.
 *
 * <p>A rule is identified within its policy by its trigger and its index among the policy's
 * rules on that trigger. A change triggers each such rule at most once, however many events of
 * the trigger's kind it holds.
 */
public final class EventRules {

  /**
   * One triggered rule.
   *
   * @param trigger the event kind
   * @param index the rule's index in {@link SlaPolicy#rules(TicketTrigger)}
   */
  public record Planned(TicketTrigger trigger, int index) {}

  private EventRules() {}

  /**
   * Returns the rules a change triggers, in order of their trigger's first event.
   *
   * @param policy the ticket's policy after the change
   * @param events the change's events
   * @return the planned rules, often none
   */
  public static List<Planned> plan(SlaPolicy policy, List<TicketEvent> events) {
    if (policy.events().isEmpty()) {
      return List.of();
    }
    List<Planned> out = new ArrayList<>(2);
    int seen = 0;
    for (int i = 0; i < events.size(); i++) {
      TicketEvent event = events.get(i);
      TicketTrigger trigger = triggerOf(event);
      if (trigger != null && (seen & (1 << trigger.ordinal())) == 0) {
        seen |= 1 << trigger.ordinal();
        List<EventRule> rules = policy.rules(trigger);
        @Nullable Rating rating = event instanceof TicketRated r ? r.rating() : null;
        for (int r = 0; r < rules.size(); r++) {
          if (rules.get(r).firesOn(rating)) {
            out.add(new Planned(trigger, r));
          }
        }
      }
    }
    return out;
  }

  /**
   * Returns the due work of the rules a committed change triggers: one entry per rule, due at the
   * change's instant, with the tier the ticket had just before the change. The same change set
   * always gives equal entries (the engine computes them in the transaction and again after it).
   *
   * @param policy the ticket's policy after the change
   * @param committed the change
   * @return the work, often none
   */
  public static List<EventRuleDue> due(SlaPolicy policy, ChangeSet committed) {
    List<Planned> planned = plan(policy, committed.events());
    if (planned.isEmpty()) {
      return List.of();
    }
    Ticket t = committed.ticket();
    SupportTier base = tierBefore(committed);
    Instant at = committed.history().get(0).at();
    List<EventRuleDue> out = new ArrayList<>(planned.size());
    for (Planned p : planned) {
      out.add(new EventRuleDue(t.tenant(), t.id(), t.version(), p.trigger(), p.index(),
          policy.id(), base, at));
    }
    return out;
  }

  /** The ticket's tier just before a change: the first tier entry's old value, or its tier. */
  private static SupportTier tierBefore(ChangeSet committed) {
    for (HistoryEntry e : committed.history()) {
      if (TicketField.TIER.equals(e.field()) && e.before() != null) {
        return SupportTier.parse(e.before());
      }
    }
    return committed.ticket().tier();
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
