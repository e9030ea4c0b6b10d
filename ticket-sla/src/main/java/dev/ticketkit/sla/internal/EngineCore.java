package dev.ticketkit.sla.internal;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.event.TicketEvent;
import dev.ticketkit.core.store.ChangeSet;
import dev.ticketkit.core.TicketFollower;
import dev.ticketkit.core.store.TransactionContext;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.escalation.EscalationContext;
import dev.ticketkit.sla.escalation.EscalationLadder;
import dev.ticketkit.sla.escalation.EscalationLevel;
import dev.ticketkit.sla.escalation.EventRule;
import dev.ticketkit.sla.escalation.TicketTrigger;
import dev.ticketkit.sla.policy.SlaPolicies;
import dev.ticketkit.sla.policy.SlaPolicy;
import dev.ticketkit.sla.store.ClockUpdate;
import dev.ticketkit.sla.store.DueEscalation;
import dev.ticketkit.sla.store.SlaChanges;
import dev.ticketkit.sla.store.SlaStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SLA engine's moving parts: the commit participant that keeps clocks in step with ticket
 * changes and records triggered event rules ({@link RuleRecords}) in the ticket's transaction, the
 * listener that processes due work right after such a commit, and the handler of due ladder
 * levels and event rules. Thread-safe.
 */
public final class EngineCore implements TicketFollower {

  private static final Logger LOG = LoggerFactory.getLogger(EngineCore.class);
  private static final int MAX_AFTER_COMMIT = 10_000;

  private record ChangeRef(TenantId tenant, TicketId ticket, long version) {}

  private final SlaPolicies policies;
  private final Calendars calendars;
  private final SlaStore store;
  private final TicketService service;
  private final ActionRunner runner;
  private final int batchSize;
  /**
   * Changes that recorded event rules and await their post-commit step. A change committed
   * through a ticket service this engine does not listen to is never delivered here, so the map
   * is bounded: clearing it only defers those rules to the next tick.
   */
  private final Map<ChangeRef, Instant> afterCommit = new ConcurrentHashMap<>();

  /**
   * Creates the core.
   *
   * @param policies the policies
   * @param store the SLA store
   * @param service the ticket service
   * @param runner runs actions
   * @param batchSize how many due entries one store call claims at most, 1 or more
   */
  public EngineCore(SlaPolicies policies, SlaStore store, TicketService service,
      ActionRunner runner, int batchSize) {
    this.policies = policies;
    this.calendars = new Calendars(policies.calendars());
    this.store = store;
    this.service = service;
    this.runner = runner;
    this.batchSize = batchSize;
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
  public void inTransaction(ChangeSet changes, TransactionContext transaction) {
    Ticket ticket = changes.ticket();
    List<SlaClock> existing = changes.isNewTicket() ? List.of()
        : store.clocks(ticket.tenant(), ticket.id());
    SlaPolicy policy = policies.match(ticket).orElse(null);
    List<TicketEvent> events = changes.events();
    List<SlaClock> changed = new ClockMachine(ticket, policy, calendars, existing).apply(events);
    ClockUpdate rules = policy == null ? null : ruleRecord(ticket, policy, events);
    if (changed.isEmpty() && rules == null) {
      return;
    }
    store.write(updates(changed, rules), transaction);
    if (rules != null) {
      ChangeRef ref = new ChangeRef(ticket.tenant(), ticket.id(), ticket.version());
      if (afterCommit.size() >= MAX_AFTER_COMMIT) {
        afterCommit.clear(); // changes committed through a service this engine does not follow
      }
      afterCommit.put(ref, rules.clock().asOf());
      transaction.onRollback(() -> afterCommit.remove(ref));
    }
  }

  private @Nullable ClockUpdate ruleRecord(Ticket ticket, SlaPolicy policy,
      List<TicketEvent> events) {
    List<EventRules.Planned> planned = EventRules.plan(policy, events);
    if (planned.isEmpty()) {
      return null;
    }
    ClockUpdate record = RuleRecords.record(ticket, policy, planned,
        events.get(events.size() - 1).at());
    if (record == null) {
      LOG.error("event rules {} of ticket {} version {} not recorded: the version is too high",
          planned, ticket.id(), ticket.version());
    }
    return record;
  }

  /**
   * Returns the store updates of changed clocks, each with its escalation schedule.
   *
   * @param changed the clocks
   * @return the changes
   */
  public SlaChanges updates(List<SlaClock> changed) {
    return updates(changed, null);
  }

  private SlaChanges updates(List<SlaClock> changed, @Nullable ClockUpdate extra) {
    int n = changed.size();
    ClockUpdate[] updates = new ClockUpdate[extra == null ? n : n + 1];
    for (int i = 0; i < n; i++) {
      SlaClock c = changed.get(i);
      updates[i] = new ClockUpdate(c, EscalationPlanner.schedule(c, calendars.of(c), ladder(c)));
    }
    if (extra != null) {
      updates[n] = extra;
    }
    return SlaChanges.of(updates);
  }

  private EscalationLadder ladder(SlaClock c) {
    SlaPolicy p = policies.byId(c.target().policyId()).orElse(null);
    return p == null ? EscalationLadder.NONE : p.ladder(c.key().metric(), c.target().priority());
  }

  /**
   * Processes due work right after a committed change that recorded event rules, on the
   * committing thread: runs {@link #processDue(Instant)} at the change's instant. A failure is
   * logged; the recorded rules stay due and the next tick fires them.
   *
   * @param committed the committed change
   */
  @Override
  public void afterCommit(ChangeSet committed) {
    if (afterCommit.isEmpty()) {
      return;
    }
    Ticket event = committed.ticket();
    Instant at = afterCommit.remove(new ChangeRef(event.tenant(), event.id(), event.version()));
    if (at == null) {
      return;
    }
    try {
      processDue(at);
    } catch (RuntimeException e) {
      LOG.warn("SLA event rules of ticket {} version {} not run after the commit; the next tick"
          + " runs them", event.id(), event.version(), e);
    }
  }

  /**
   * Fires every entry due at or before {@code now} that has not fired, in due order, in batches
   * until none is left.
   *
   * @param now the instant
   * @return how many entries this call fired
   */
  public int processDue(Instant now) {
    int total = 0;
    int n;
    do {
      n = store.processDue(now, batchSize, due -> handle(due, now));
      total += n;
    } while (n == batchSize);
    return total;
  }

  /**
   * Handles one due entry: runs the actions of its ladder level, or of its event rule.
   *
   * @param due the entry
   * @param now the tick's instant
   */
  public void handle(DueEscalation due, Instant now) {
    SlaClock c = store.clock(due.clock()).orElse(null);
    if (c == null) {
      LOG.warn("SLA escalation {} level {} has no clock any more; skipped", due.clock(),
          due.level());
    } else if (RuleRecords.isRecord(c.key())) {
      handleRule(due, c);
    } else if (c.isOpen()) {
      handleLevel(due, c, now);
    }
  }

  private void handleLevel(DueEscalation due, SlaClock c, Instant now) {
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
    runner.run(level.get().actions(), new EscalationContext(t, c, level.get(), null, now, summary),
        () -> TierHistory.before(service.history(t.tenant(), t.id()), t, due.dueAt()));
  }

  private void handleRule(DueEscalation due, SlaClock record) {
    TicketTrigger trigger = RuleRecords.trigger(due.level());
    List<EventRule> rules = trigger == null ? List.of()
        : policies.byId(record.target().policyId()).map(p -> p.rules(trigger)).orElse(List.of());
    int index = RuleRecords.index(due.level());
    Optional<Ticket> ticket = service.get(record.key().tenant(), record.key().ticket());
    if (trigger == null || index >= rules.size() || ticket.isEmpty()) {
      LOG.warn("SLA event rule {} level {} has no rule or ticket any more; skipped",
          due.clock(), due.level());
      return;
    }
    Ticket t = ticket.get();
    long version = RuleRecords.version(record.key());
    String summary = "ticket #" + t.number() + " (" + t.tenant() + ", " + t.priority()
        + ", tier " + t.tier() + "): " + trigger;
    runner.run(rules.get(index).actions(),
        new EscalationContext(t, null, null, trigger, due.dueAt(), summary),
        () -> TierHistory.beforeVersion(service.history(t.tenant(), t.id()), t, version));
  }
}
