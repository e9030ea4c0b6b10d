package dev.ticketkit.sla.policy;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.TextRule;
import dev.ticketkit.sla.calendar.BusinessCalendar;
import dev.ticketkit.sla.clock.ClockTarget;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.clock.SlaMetric;
import dev.ticketkit.sla.escalation.EscalationLadder;
import dev.ticketkit.sla.escalation.EventRule;
import dev.ticketkit.sla.escalation.TicketTrigger;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One SLA policy: the tickets it takes, the targets it sets per metric and priority, the
 * escalation ladders per metric and priority, and the rules on ticket events.
 *
 * <p>A metric without a target for a ticket's priority gets no clock. Instances are immutable and
 * thread-safe.
 *
 * @param id the policy's id, unique within its {@link SlaPolicies}
 * @param when the tickets it takes
 * @param calendarId the calendar targets are counted on unless a rule names another
 * @param targets the target rules per metric and priority
 * @param escalations the ladders per metric and priority
 * @param events the rules on ticket events
 * @param handoffs how handoffs to other departments are followed up (department calendars,
 *     reminders); {@link HandoffPolicy#DEFAULT} if the JSON gives none
 */
public record SlaPolicy(
    String id,
    TicketCondition when,
    String calendarId,
    Map<SlaMetric, ByPriority<List<TargetRule>>> targets,
    Map<SlaMetric, ByPriority<EscalationLadder>> escalations,
    List<EventRule> events,
    HandoffPolicy handoffs) {

  /**
   * The most event rules one policy may have on one trigger: the engine numbers a change's
   * triggered rules within a fixed range (see {@code SlaEngine}).
   */
  public static final int MAX_RULES_PER_TRIGGER = 16;

  /**
   * The rule for policy and calendar ids: one line of at most 200 code points (the text rule,
   * {@link TextRule}); they are stored with every clock.
   */
  public static final TextRule ID = TextRule.line(200);

  /**
   * Validates the policy and copies its parts.
   *
   * @throws InvalidInputException if the id or calendar id breaks {@link #ID}, a rule list is empty, or
   *     more than {@value #MAX_RULES_PER_TRIGGER} event rules share a trigger
   */
  public SlaPolicy {
    Objects.requireNonNull(calendarId, "calendarId");
    Objects.requireNonNull(targets, "targets");
    Objects.requireNonNull(escalations, "escalations");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(when, "when");
    Objects.requireNonNull(handoffs, "handoffs");
    ID.require("id", Objects.requireNonNull(id, "id"));
    ID.require("calendar", Objects.requireNonNull(calendarId, "calendarId"));
    targets = targets.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(targets));
    escalations = escalations.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(escalations));
    events = List.copyOf(events);
    Objects.requireNonNull(handoffs, "handoffs");
    for (TicketTrigger t : TicketTrigger.values()) {
      long n = events.stream().filter(r -> r.on() == t).count();
      if (n > MAX_RULES_PER_TRIGGER) {
        throw new InvalidInputException("events", t + " x" + n,
            "must hold at most " + MAX_RULES_PER_TRIGGER + " rules per trigger");
      }
    }
  }

  /**
   * Chooses the target of a clock: the first rule of the metric and priority whose arrival
   * condition holds at the clock's start.
   *
   * @param metric the metric
   * @param priority the ticket's priority
   * @param arrival when the clock started
   * @param calendars the calendars the policy names
   * @return the target with its reason and calendar, or empty if the policy sets none
   * @throws InvalidInputException if a named calendar is missing from {@code calendars}
   */
  public Optional<TargetChoice> target(
      SlaMetric metric, Priority priority, Instant arrival, SlaCalendars calendars) {
    ByPriority<List<TargetRule>> table = targets.get(metric);
    List<TargetRule> rules = table == null ? List.of() : table.get(priority).orElse(List.of());
    for (int i = 0; i < rules.size(); i++) {
      TargetRule r = rules.get(i);
      ArrivalCondition c = r.when();
      BusinessCalendar condCal = calendars.get(
          c == null || c.calendarId() == null ? calendarId : c.calendarId());
      if (c == null || c.test(arrival, condCal)) {
        String cal = r.calendarId() == null ? calendarId : r.calendarId();
        String reason = "policy '" + id + "' (" + when.describe() + "), " + metric + " for "
            + priority + ", rule " + (i + 1) + " of " + rules.size() + ": "
            + (c == null ? "unconditional" : c.describe(calendarId)) + " -> " + r.within()
            + " on " + cal;
        return Optional.of(new TargetChoice(
            new ClockTarget(id, priority, cal, r.within(), reason), calendars.get(cal)));
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the ladder of a clock: that of its metric and priority, or for a
   * {@link SlaMetric#HANDOFF_FOLLOW_UP} clock without escalations of its own the follow-up
   * reminders of {@link #handoffs()} ({@link HandoffPolicy#reminders(SlaClock)}).
   *
   * @param clock the clock
   * @return the ladder, possibly {@link EscalationLadder#NONE}
   */
  public EscalationLadder ladder(SlaClock clock) {
    SlaMetric metric = clock.key().metric();
    if (metric == SlaMetric.HANDOFF_FOLLOW_UP && !escalations.containsKey(metric)) {
      return handoffs.reminders(clock);
    }
    return ladder(metric, clock.target().priority());
  }

  /**
   * Returns the escalation ladder of a metric and priority.
   *
   * @param metric the metric
   * @param priority the priority
   * @return the ladder, {@link EscalationLadder#NONE} if the policy has none
   */
  public EscalationLadder ladder(SlaMetric metric, Priority priority) {
    ByPriority<EscalationLadder> table = escalations.get(metric);
    return table == null ? EscalationLadder.NONE : table.get(priority).orElse(EscalationLadder.NONE);
  }

  /**
   * Returns the event rules for one trigger.
   *
   * @param trigger the trigger
   * @return the rules in policy order
   */
  public List<EventRule> rules(TicketTrigger trigger) {
    return events.stream().filter(r -> r.on() == trigger).toList();
  }
}
