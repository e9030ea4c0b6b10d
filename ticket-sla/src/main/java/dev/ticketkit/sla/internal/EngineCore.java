package dev.ticketkit.sla.internal;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.event.TicketEvent;
import dev.ticketkit.core.event.TicketListener;
import dev.ticketkit.core.store.ChangeSet;
import dev.ticketkit.core.store.CommitParticipant;
import dev.ticketkit.core.store.TransactionContext;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.escalation.EscalationContext;
import dev.ticketkit.sla.escalation.EscalationLadder;
import dev.ticketkit.sla.escalation.EscalationLevel;
import dev.ticketkit.sla.policy.SlaPolicies;
import dev.ticketkit.sla.policy.SlaPolicy;
import dev.ticketkit.sla.store.ClockUpdate;
import dev.ticketkit.sla.store.DueEscalation;
import dev.ticketkit.sla.store.SlaChanges;
import dev.ticketkit.sla.store.SlaStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SLA engine's moving parts: the commit participant that keeps clocks in step with ticket
 * changes, the listener that runs event rules after the commit, and the handler of due
 * escalations. Thread-safe.
 */
public final class EngineCore implements CommitParticipant, TicketListener {

  private static final Logger LOG = LoggerFactory.getLogger(EngineCore.class);

  private record ChangeRef(TenantId tenant, TicketId ticket, long version) {}

  private final SlaPolicies policies;
  private final Calendars calendars;
  private final SlaStore store;
  private final TicketService service;
  private final ActionRunner runner;
  private final Map<ChangeRef, List<EventRules.Planned>> planned = new ConcurrentHashMap<>();

  /**
   * Creates the core.
   *
   * @param policies the policies
   * @param store the SLA store
   * @param service the ticket service
   * @param runner runs actions
   */
  public EngineCore(SlaPolicies policies, SlaStore store, TicketService service,
      ActionRunner runner) {
    this.policies = policies;
    this.calendars = new Calendars(policies.calendars());
    this.store = store;
    this.service = service;
    this.runner = runner;
  }

  /**
   * Returns the calendars.
   *
   * @return the calendar lookup
   */
  public Calendars calendars() {
    return calendars;
  }

  @Override
  public void participate(ChangeSet changes, TransactionContext transaction) {
    Ticket ticket = changes.ticket();
    List<SlaClock> existing = changes.isNewTicket() ? List.of()
        : store.clocks(ticket.tenant(), ticket.id());
    SlaPolicy policy = policies.match(ticket).orElse(null);
    List<SlaClock> changed = new ClockMachine(ticket, policy, calendars, existing)
        .apply(changes.events());
    if (!changed.isEmpty()) {
      store.write(updates(changed), transaction);
    }
    if (policy != null) {
      List<EventRules.Planned> rules = EventRules.plan(policy, changes.events());
      if (!rules.isEmpty()) {
        ChangeRef ref = new ChangeRef(ticket.tenant(), ticket.id(), ticket.version());
        planned.put(ref, rules);
        transaction.onRollback(() -> planned.remove(ref));
      }
    }
  }

  /**
   * Returns the store updates of changed clocks, each with its escalation schedule.
   *
   * @param changed the clocks
   * @return the changes
   */
  public SlaChanges updates(List<SlaClock> changed) {
    List<ClockUpdate> updates = new ArrayList<>(changed.size());
    for (SlaClock c : changed) {
      updates.add(new ClockUpdate(c, EscalationPlanner.schedule(c, calendars.of(c), ladder(c))));
    }
    return new SlaChanges(updates);
  }

  private EscalationLadder ladder(SlaClock c) {
    return policies.byId(c.target().policyId())
        .map(p -> p.ladder(c.key().metric(), c.target().priority()))
        .orElse(EscalationLadder.NONE);
  }

  @Override
  public void onEvent(TicketEvent event) {
    if (planned.isEmpty()) {
      return;
    }
    List<EventRules.Planned> rules =
        planned.remove(new ChangeRef(event.tenant(), event.ticketId(), event.ticketVersion()));
    if (rules == null) {
      return;
    }
    Optional<Ticket> ticket = service.get(event.tenant(), event.ticketId());
    for (EventRules.Planned p : rules) {
      ticket.ifPresent(t -> runner.run(p.actions(), new EscalationContext(t, null, null,
          p.trigger(), p.at(), "ticket #" + t.number() + " (" + t.tenant() + ", " + t.priority()
              + ", tier " + t.tier() + "): " + p.trigger()), p.tierAlreadyMoved()));
    }
  }

  /**
   * Handles one due escalation: runs the actions of its ladder level.
   *
   * @param due the entry
   * @param now the tick's instant
   */
  public void handle(DueEscalation due, Instant now) {
    Optional<SlaClock> clock = store.clock(due.clock());
    if (clock.isEmpty() || !clock.get().isOpen()) {
      return;
    }
    SlaClock c = clock.get();
    Optional<EscalationLevel> level = ladder(c).level(due.level());
    Optional<Ticket> ticket = service.get(c.key().tenant(), c.key().ticket());
    if (level.isEmpty() || ticket.isEmpty()) {
      LOG.warn("SLA escalation {} level {} has no level or ticket any more; skipped",
          due.clock(), due.level());
      return;
    }
    Ticket t = ticket.get();
    String summary = "ticket #" + t.number() + " (" + t.tenant() + ", " + t.priority() + ") "
        + c.key().metric() + "#" + c.key().cycle() + " level " + due.level() + " at "
        + level.get().trigger() + " of " + c.target().target() + " (due " + c.dueAt() + ")";
    runner.run(level.get().actions(),
        new EscalationContext(t, c, level.get(), null, now, summary), false);
  }
}
