package dev.ticketkit.sla.internal;

import dev.ticketkit.core.Ticket;
import dev.ticketkit.sla.clock.ClockKey;
import dev.ticketkit.sla.clock.ClockState;
import dev.ticketkit.sla.clock.ClockTarget;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.clock.SlaMetric;
import dev.ticketkit.sla.escalation.TicketTrigger;
import dev.ticketkit.sla.policy.SlaCalendars;
import dev.ticketkit.sla.policy.SlaPolicy;
import dev.ticketkit.sla.store.ClockUpdate;
import dev.ticketkit.sla.store.DueEscalation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The durable record of the event rules one ticket change triggered: a CANCELLED clock under a
 * reserved key whose escalation schedule holds one due-now entry per triggered rule. Stateless
 * and thread-safe.
 *
 * <p>Implementation notes. The store SPI keeps escalation entries only as a clock's schedule, so
 * a change that triggers rules writes, in the ticket's transaction, the clock
 * {@code tenant/ticket/ACCEPTANCE#(version + 1)}. A real ACCEPTANCE clock only ever has cycle 1,
 * and a ticket version belongs to one change, so the key is unique per change and no later write
 * replaces its schedule (the engine never changes a stopped clock). An entry's level is
 * {@code 1 + 16 * trigger.ordinal() + index}, the index being the rule's place among the policy's
 * rules on that trigger; the record's target names the policy. Its entries fire through
 * {@code processDue} like ladder levels, so each rule of each change fires once.
 */
public final class RuleRecords {

  private static final int SLOTS = SlaPolicy.MAX_RULES_PER_TRIGGER;
  private static final TicketTrigger[] TRIGGERS = TicketTrigger.values();

  private RuleRecords() {}

  /**
   * Tells whether a key is that of an event-rule record rather than of an SLA clock.
   *
   * @param key the key
   * @return true for a record
   */
  public static boolean isRecord(ClockKey key) {
    return key.metric() == SlaMetric.ACCEPTANCE && key.cycle() > 1;
  }

  /**
   * Returns the record of a change's triggered rules, or null if the ticket's version has no
   * reserved key (above {@code Integer.MAX_VALUE - 1}).
   *
   * @param ticket the ticket after the change
   * @param policy the policy the rules belong to
   * @param planned the triggered rules, at least one
   * @param at the change's instant; each entry is due then
   * @return the update that writes the record, or null
   */
  public static @Nullable ClockUpdate record(Ticket ticket, SlaPolicy policy,
      List<EventRules.Planned> planned, Instant at) {
    if (ticket.version() >= Integer.MAX_VALUE) {
      return null;
    }
    ClockKey key = ClockKey.of(ticket.tenant(), ticket.id(), SlaMetric.ACCEPTANCE,
        (int) ticket.version() + 1);
    ClockTarget target = new ClockTarget(policy.id(), ticket.priority(),
        SlaCalendars.TWENTY_FOUR_SEVEN, Duration.ofMillis(1),
        "event rules of policy '" + policy.id() + "' triggered by ticket version "
            + ticket.version());
    SlaClock clock = new SlaClock(key, ticket.cycle(), target, at, ClockState.CANCELLED,
        List.of(), Duration.ZERO, at, null, at);
    List<DueEscalation> entries = new ArrayList<>(planned.size());
    for (EventRules.Planned p : planned) {
      entries.add(new DueEscalation(key, 1 + SLOTS * p.trigger().ordinal() + p.index(), at));
    }
    return new ClockUpdate(clock, entries);
  }

  /**
   * Returns the ticket version whose change wrote a record.
   *
   * @param key the record's key
   * @return the version
   */
  public static long version(ClockKey key) {
    return key.cycle() - 1L;
  }

  /**
   * Returns the trigger of a record's entry.
   *
   * @param level the entry's level
   * @return the trigger, or null if the level is out of range
   */
  public static @Nullable TicketTrigger trigger(int level) {
    int t = (level - 1) / SLOTS;
    return level >= 1 && t < TRIGGERS.length ? TRIGGERS[t] : null;
  }

  /**
   * Returns the rule index of a record's entry.
   *
   * @param level the entry's level, 1 or more
   * @return the index among the policy's rules on the entry's trigger
   */
  public static int index(int level) {
    return (level - 1) % SLOTS;
  }
}
