package dev.ticketkit.testkit.contract;

import dev.ticketkit.core.Priority;
import dev.ticketkit.core.SupportTier;
import dev.ticketkit.sla.escalation.TicketTrigger;
import dev.ticketkit.sla.store.EventRuleDue;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.sla.clock.ClockKey;
import dev.ticketkit.sla.clock.ClockState;
import dev.ticketkit.sla.clock.ClockTarget;
import dev.ticketkit.sla.clock.PauseInterval;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.clock.SlaMetric;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import dev.ticketkit.sla.store.ClockUpdate;
import dev.ticketkit.sla.store.LadderLevelDue;

/**
 * Clocks and schedules for store tests: one of each clock shape, with instants near {@link #T0}.
 * Public so that database store tests (other modules) can use them too. Stateless and thread-safe.
 */
public final class SlaFixtures {

  /** 2026-03-02T02:00:00Z, a Monday, 10:00 in Shanghai. */
  public static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");
  /** A target of two hours on the China calendar. */
  public static final ClockTarget TARGET = new ClockTarget("standard", Priority.HIGH,
      "cn-mainland", Duration.ofHours(2), "policy standard, RESOLUTION for HIGH: 2h");

  private SlaFixtures() {}

  /**
   * Returns a fresh tenant, so tests can share one database schema.
   *
   * @param name a readable prefix
   * @return the tenant
   */
  public static TenantId tenant(String name) {
    Objects.requireNonNull(name, "name");
    return TenantId.of(name + "-" + UUID.randomUUID().toString().substring(0, 8));
  }

  /**
   * Returns a fresh ticket id.
   *
   * @return the id
   */
  public static TicketId ticket() {
    return TicketId.of(UUID.randomUUID());
  }

  /**
   * Returns a key.
   *
   * @param tenant the tenant
   * @param ticket the ticket
   * @param metric the metric
   * @param cycle the cycle
   * @return the key
   */
  public static ClockKey key(TenantId tenant, TicketId ticket, SlaMetric metric, int cycle) {
    return ClockKey.of(tenant, ticket, metric, cycle);
  }

  /**
   * Returns a clock running since T0, due two hours later.
   *
   * @param key the key
   * @return the clock
   */
  public static SlaClock running(ClockKey key) {
    return SlaClock.start(key, 1, TARGET, T0, T0.plus(Duration.ofHours(2)));
  }

  /**
   * Returns one clock of each shape: running, paused after a closed pause, met, breached while
   * paused, breached and stopped, cancelled.
   *
   * @param tenant the tenant
   * @param ticket the ticket
   * @return six clocks with distinct keys
   */
  public static List<SlaClock> everyShape(TenantId tenant, TicketId ticket) {
    Instant t1 = T0.plusSeconds(600);
    Instant t2 = T0.plusSeconds(1200);
    Instant t3 = T0.plusSeconds(1800);
    PauseInterval closed = new PauseInterval(t1, t2);
    List<SlaClock> out = new ArrayList<>();
    out.add(running(key(tenant, ticket, SlaMetric.ACCEPTANCE, 1)));
    out.add(new SlaClock(key(tenant, ticket, SlaMetric.FIRST_RESPONSE, 1), 1, TARGET, T0,
        ClockState.PAUSED, List.of(closed, PauseInterval.openAt(t3)), Duration.ofMinutes(20), t3,
        null, null));
    out.add(new SlaClock(key(tenant, ticket, SlaMetric.NEXT_RESPONSE, 3), 2, TARGET, T0,
        ClockState.MET, List.of(closed), Duration.ofMinutes(20), t3, T0.plusSeconds(7800), t3));
    out.add(new SlaClock(key(tenant, ticket, SlaMetric.PERIODIC_UPDATE, 2), 1, TARGET, T0,
        ClockState.BREACHED, List.of(PauseInterval.openAt(T0.plusSeconds(9000))),
        Duration.ofHours(2).plusMinutes(30), T0.plusSeconds(9000), T0.plusSeconds(7200), null));
    out.add(new SlaClock(key(tenant, ticket, SlaMetric.RESOLUTION, 1), 1, TARGET, T0,
        ClockState.BREACHED, List.of(), Duration.ofHours(3), T0.plusSeconds(10800),
        T0.plusSeconds(7200), T0.plusSeconds(10800)));
    out.add(new SlaClock(key(tenant, ticket, SlaMetric.RESOLUTION, 2), 2, TARGET, t3,
        ClockState.CANCELLED, List.of(), Duration.ZERO, t3, t3.plusSeconds(7200), t3));
    return out;
  }

  /**
   * Returns the standard ladder of a running clock: levels 1, 2 and 3 at 50%, 80% and 100% of a
   * two-hour target from T0 (the in-between instants are plain elapsed time).
   *
   * @param key the clock
   * @return three entries
   */
  public static List<LadderLevelDue> ladder(ClockKey key) {
    return List.of(new LadderLevelDue(key, 1, T0.plusSeconds(3600)),
        new LadderLevelDue(key, 2, T0.plusSeconds(5760)),
        new LadderLevelDue(key, 3, T0.plusSeconds(7200)));
  }

  /**
   * Returns an event rule of a ticket, triggered by its version 2 and due at an instant.
   *
   * @param tenant the tenant
   * @param ticket the ticket
   * @param index the rule's index
   * @param dueAt when it is due
   * @return the rule
   */
  public static EventRuleDue rule(TenantId tenant, TicketId ticket, int index, Instant dueAt) {
    return new EventRuleDue(tenant, ticket, 2, TicketTrigger.URGENT_FLAGGED, index, "standard",
        SupportTier.FIRST, dueAt);
  }

  /**
   * Returns an update of a running clock with its standard ladder.
   *
   * @param key the clock
   * @return the update
   */
  public static ClockUpdate runningWithLadder(ClockKey key) {
    return new ClockUpdate(running(key), ladder(key));
  }
}
