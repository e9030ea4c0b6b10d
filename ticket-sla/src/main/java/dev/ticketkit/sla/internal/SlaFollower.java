package dev.ticketkit.sla.internal;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketFollower;
import dev.ticketkit.core.store.ChangeSet;
import dev.ticketkit.core.store.TransactionContext;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.escalation.EscalationLadder;
import dev.ticketkit.sla.policy.SlaPolicies;
import dev.ticketkit.sla.policy.SlaPolicy;
import dev.ticketkit.sla.store.ClockUpdate;
import dev.ticketkit.sla.store.DueWork;
import dev.ticketkit.sla.store.EventRuleDue;
import dev.ticketkit.sla.store.SlaChanges;
import dev.ticketkit.sla.store.SlaStore;
import dev.ticketkit.sla.store.TicketClocks;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SLA engine as a {@link TicketFollower}: inside each ticket commit it records the due work
 * the change carries out (a change the engine made for an escalation), applies the change to the
 * ticket's clocks and writes them with their schedules and the event rules the change triggered;
 * after the commit it carries out those event rules at once. Thread-safe.
 *
 * <p>Implementation notes. Everything inside the commit runs on the commit's own transaction
 * ({@link SlaStore#currentClocks} and {@link SlaStore#write(SlaChanges, TransactionContext)}
 * take the context), so a commit never needs a second connection. A change is applied once: the
 * store returns the highest ticket version already applied to the ticket's clocks, and a change
 * no newer than that (a second engine attached to the same service and store) is skipped. The
 * triggered event rules are a pure function of the committed change set ({@link EventRules#due}),
 * so the after-commit step computes them again instead of remembering them.
 */
public final class SlaFollower implements TicketFollower {

  private static final Logger LOG = LoggerFactory.getLogger(SlaFollower.class);

  private final SlaPolicies policies;
  private final Calendars calendars;
  private final SlaStore store;
  private final WorkRunner runner;

  /**
   * Creates the follower and binds the runner to it.
   *
   * @param policies the policies
   * @param calendars the calendars of the policies
   * @param store the SLA store
   * @param runner carries out due work
   */
  public SlaFollower(SlaPolicies policies, Calendars calendars, SlaStore store,
      WorkRunner runner) {
    this.policies = policies;
    this.calendars = calendars;
    this.store = store;
    this.runner = runner;
    runner.bind(this);
  }

  @Override
  public void inTransaction(ChangeSet committed, TransactionContext transaction) {
    if (committed.cause() instanceof SlaWorkCause work && work.owner() == this) {
      if (!store.complete(work.work(), work.doneAt(), transaction)) {
        throw new DueWorkTakenException(work.work());
      }
      work.effects().run();
    }
    Ticket ticket = committed.ticket();
    TicketClocks current = committed.isNewTicket() ? TicketClocks.NONE
        : store.currentClocks(ticket.tenant(), ticket.id(), transaction);
    if (current.appliedVersion() >= ticket.version()) {
      return;
    }
    SlaPolicy policy = policies.match(ticket).orElse(null);
    try {
      List<SlaClock> changed = new ClockMachine(ticket, policy, calendars, current.clocks())
          .apply(committed.events());
      List<EventRuleDue> rules = policy == null ? List.of() : EventRules.due(policy, committed);
      if (!changed.isEmpty() || !rules.isEmpty()) {
        store.write(new SlaChanges(ticket.version(), updates(changed), rules), transaction);
      }
    } catch (DateTimeException e) {
      InvalidInputException out = new InvalidInputException("sla.dueAt", ticket.updatedAt(),
          "cannot be placed within the supported range of the policy's calendars ("
              + e.getMessage() + ")");
      out.initCause(e);
      throw out;
    }
  }

  /**
   * Returns the store updates of changed clocks, each with its escalation schedule.
   *
   * @param changed the clocks
   * @return the updates
   */
  public List<ClockUpdate> updates(List<SlaClock> changed) {
    List<ClockUpdate> out = new ArrayList<>(changed.size());
    for (SlaClock c : changed) {
      out.add(new ClockUpdate(c, EscalationPlanner.schedule(c, calendars.of(c), ladder(c))));
    }
    return out;
  }

  /**
   * Returns the ladder of a clock's metric and priority in its policy.
   *
   * @param c the clock
   * @return the ladder, or {@link EscalationLadder#NONE} if its policy is gone
   */
  public EscalationLadder ladder(SlaClock c) {
    SlaPolicy p = policies.byId(c.target().policyId()).orElse(null);
    return p == null ? EscalationLadder.NONE : p.ladder(c);
  }

  /**
   * Carries out the event rules a committed change triggered, at the change's instant, on the
   * committing thread. A failure is logged; the rules stay due and the next tick runs them.
   *
   * @param committed the committed change
   */
  @Override
  public void afterCommit(ChangeSet committed) {
    SlaPolicy policy = policies.match(committed.ticket()).orElse(null);
    List<EventRuleDue> rules = policy == null ? List.of() : EventRules.due(policy, committed);
    if (rules.isEmpty()) {
      return;
    }
    Instant at = rules.get(0).dueAt();
    try {
      runner.process(rules, at, new HashSet<DueWork>());
    } catch (RuntimeException e) {
      LOG.warn("SLA event rules of ticket {} version {} not run after the commit; the next tick"
          + " runs them", committed.ticketId(), committed.ticket().version(), e);
    }
  }
}
