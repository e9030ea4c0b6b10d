package dev.ticketkit.sla.policy;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.clock.SlaMetric;
import dev.ticketkit.sla.escalation.EscalationAction;
import dev.ticketkit.sla.escalation.EscalationLadder;
import dev.ticketkit.sla.escalation.EscalationLevel;
import dev.ticketkit.sla.escalation.LevelTrigger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a policy runs the SLA of handoffs to other departments, beside its
 * {@link SlaMetric#HANDOFF_RESPONSE} and {@link SlaMetric#HANDOFF_FOLLOW_UP} targets: the
 * business calendar of each department that has its own (the department response target counts
 * on it; other departments count on the target's calendar, by default the policy's), and the
 * follow-up reminders of an open handoff.
 *
 * <p>The follow-up clock of a handoff runs from the handoff, or from its last department check,
 * for the cadence (its target). Unless the policy gives {@code HANDOFF_FOLLOW_UP} escalations of
 * its own, its ladder is {@code reminders} levels, one per cadence: at the breach, then the
 * cadence after it, and so on, each notifying the {@code notify} recipients ("ask the department and
 * tell the requester"). A department check starts a new period and so a new series of reminders.
 *
 * <p>JSON form, the {@code "handoffs"} member of a policy (every member optional):
 * <pre>{@code
 * "handoffs": { "calendars": { "finance": "cn-finance" }, "reminders": 8, "notify": ["assignee"] }
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param calendars calendar ids by department (a department not listed counts on the target's
 *     calendar)
 * @param reminders follow-up reminders per period without a department check, 1 to 100
 * @param recipients the recipients of each reminder (roles the notifier resolves), at least one
 */
public record HandoffPolicy(Map<String, String> calendars, int reminders, List<String> recipients) {

  private static final java.util.regex.Pattern DEPARTMENT =
      java.util.regex.Pattern.compile("[a-z][a-z0-9_-]{0,63}");

  /** The most reminders per period. */
  public static final int MAX_REMINDERS = 100;

  /** Eight reminders per period to the assignee, every department on the target's calendar. */
  public static final HandoffPolicy DEFAULT = new HandoffPolicy(Map.of(), 8, List.of("assignee"));

  /**
   * Validates the policy and copies its parts.
   *
   * @throws InvalidInputException if the reminders are out of range, no recipient is given or a
   *     recipient or id is not a valid name
   * @throws NullPointerException if a part is null
   */
  public HandoffPolicy {
    Objects.requireNonNull(calendars, "calendars");
    Objects.requireNonNull(recipients, "recipients");
    calendars = Map.copyOf(calendars);
    calendars.forEach((d, c) -> {
      if (!DEPARTMENT.matcher(d).matches()) {
        throw new InvalidInputException("handoffs.calendars", d,
            "must be 1-64 lower-case letters, digits, '-' or '_', starting with a letter");
      }
      SlaPolicy.ID.require("handoffs.calendars." + d, c);
    });
    if (reminders < 1 || reminders > MAX_REMINDERS) {
      throw new InvalidInputException("handoffs.reminders", reminders,
          "must be 1 to " + MAX_REMINDERS);
    }
    recipients = List.copyOf(recipients);
    if (recipients.isEmpty()) {
      throw new InvalidInputException("handoffs.notify", recipients, "must name a recipient");
    }
    recipients.forEach(EscalationAction.Notify::new);
  }

  /**
   * Returns the calendar id of a department, if it has its own.
   *
   * @param department the department
   * @return the calendar id, or empty
   */
  public Optional<String> calendarOf(String department) {
    return Optional.ofNullable(calendars.get(department));
  }

  /**
   * Returns the reminder ladder of a follow-up clock: {@link #reminders()} levels at the breach
   * and then every cadence (the clock's target) after it.
   *
   * @param clock a {@link SlaMetric#HANDOFF_FOLLOW_UP} clock
   * @return the ladder
   */
  public EscalationLadder reminders(SlaClock clock) {
    Objects.requireNonNull(clock, "clock");
    Duration every = clock.target().target();
    List<EscalationAction> actions = recipients.stream()
        .<EscalationAction>map(EscalationAction.Notify::new).toList();
    List<EscalationLevel> levels = new ArrayList<>(reminders);
    for (int i = 0; i < reminders; i++) {
      levels.add(new EscalationLevel(i + 1, LevelTrigger.afterBreach(every.multipliedBy(i)),
          actions));
    }
    return new EscalationLadder(levels);
  }
}
