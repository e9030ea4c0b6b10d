package dev.ticketkit.sla;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.event.Subscription;
import dev.ticketkit.sla.calendar.BusinessCalendar;
import dev.ticketkit.sla.clock.ClockKey;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.internal.ActionRunner;
import dev.ticketkit.sla.internal.EngineCore;
import dev.ticketkit.sla.internal.Explainer;
import dev.ticketkit.sla.internal.RuleRecords;
import dev.ticketkit.sla.policy.SlaPolicies;
import dev.ticketkit.sla.store.SlaStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The SLA engine: keeps every ticket's SLA clocks in step with its changes and fires escalation
 * ladders when they come due.
 *
 * <p><b>Clocks.</b> The engine joins the ticket store's commits as a
 * {@link dev.ticketkit.core.TicketFollower}: each stored change's events start, pause,
 * resume, stop and retarget the ticket's clocks (one per ticket, {@link
 * dev.ticketkit.sla.clock.SlaMetric metric} and cycle), which the {@link SlaStore} writes in the
 * same transaction as the ticket, with each clock's escalation schedule. The rules are those of
 * {@code ClockMachine}: intake starts ACCEPTANCE, FIRST_RESPONSE, PERIODIC_UPDATE and RESOLUTION;
 * a PENDING status pauses every clock and leaving it resumes them; leaving NEW meets ACCEPTANCE;
 * RESOLVED meets RESOLUTION and cancels the rest; CLOSED cancels every open clock; a reopen starts
 * RESOLUTION for the new cycle (the old cycle's clock stays as it ended); an agent's public reply
 * meets FIRST_RESPONSE, NEXT_RESPONSE and PERIODIC_UPDATE and starts the next PERIODIC_UPDATE; a
 * requester's reply starts a NEXT_RESPONSE.
 *
 * <p><b>Recalculation rule.</b> A change of priority, category, tags or custom fields matches the
 * ticket against the policies again and retargets every open clock: the new target is measured
 * from the clock's original start, the business time already elapsed is kept (counted on the new
 * calendar if the calendar changes), pauses still do not count; a clock whose elapsed time
 * already exceeds the new target becomes BREACHED, due when it reached it; an already-breached
 * clock stays BREACHED (its due instant follows the new target); stopped clocks never change.
 *
 * <p><b>Escalation, exactly once.</b> {@link #tick(Instant)} asks the store for the escalation
 * entries due by then, in due order, from its time-ordered index (never by scanning tickets), and
 * runs each level's actions. The store records each (ticket, metric, cycle, level) as fired in the
 * same transaction as it claims it, so a level fires once however often, however late, and on
 * however many nodes {@code tick} runs, and a new engine over the same store does not fire it
 * again. If the process dies between an action and the store's commit, that level is handed over
 * again: external effects (notifications, callbacks) are at least once in that case (see {@link
 * SlaStore#processDue}), and the ticket-changing actions are idempotent: a tag, a priority, a
 * group or a tier is only set if the ticket lacks it, and a {@code nextTier} reassignment of a
 * level moves the ticket to one tier above the tier it had just before the level's due instant
 * (read from the ticket's history), so a second hand-over finds it there. A paused clock has no
 * pending entries, so it never escalates.
 *
 * <p><b>Event rules, durable and exactly once.</b> When a change triggers event rules (urgent
 * flagged, dissatisfied rating, reopened, escalated), the follower writes, in the
 * ticket's transaction, a durable <em>event-rule record</em>: a CANCELLED clock with the reserved
 * key {@code tenant/ticket/ACCEPTANCE#(version + 1)} (a real ACCEPTANCE clock has cycle 1) whose
 * schedule holds one entry per triggered rule, due at the change's instant. The change triggers
 * each rule of its policy at most once. Right after the commit, on the committing thread, the
 * engine that made the change runs {@link #tick(Instant)} at the change's instant, so urgent
 * tickets notify the tier lead at once; if the process dies before that, or that call fails, the
 * entries stay due and the next {@code tick} of any engine over the store fires them. They fire
 * through the same store claim as ladder levels, so each rule of each change fires exactly once
 * when nothing crashes and at least once (with the idempotent ticket changes above) when the
 * process dies inside a claim; a {@code nextTier} reassignment of a rule moves the ticket to one
 * tier above the tier it had before the triggering change, so a change that already escalated
 * (the standard reopen) is not escalated again. The records are visible through {@link #store()}
 * (with their fired records) but not through {@link #clocks} or {@link #clock}. A ticket past
 * version {@code Integer.MAX_VALUE - 1} no longer records event rules (logged as an error).
 *
 * <p>Instances are thread-safe. Build with {@link #builder()}; {@link #close()} detaches the engine.
 */
public final class SlaEngine implements AutoCloseable {

  private final SlaPolicies policies;
  private final SlaStore store;
  private final EngineCore core;
  private final Subscription subscription;

  SlaEngine(SlaEngineBuilder b) {
    TicketService service = Objects.requireNonNull(b.service);
    this.policies = Objects.requireNonNull(b.policies);
    this.store = Objects.requireNonNull(b.store);
    ActionRunner runner = new ActionRunner(service, b.actor, b.notifier, b.callbacks,
        b.maxAttempts);
    this.core = new EngineCore(policies, store, service, runner, b.batchSize);
    this.subscription = service.attach(core);
  }

  /**
   * Returns a new builder.
   *
   * @return the builder
   */
  public static SlaEngineBuilder builder() {
    return new SlaEngineBuilder();
  }

  /**
   * Fires every escalation level and recorded event rule due at or before {@code now} that has
   * not fired, in due order, in batches until none is left.
   *
   * @param now the current instant, from the host's clock
   * @return how many levels and event rules this call fired
   * @throws dev.ticketkit.sla.store.SlaStoreException if the store fails; entries of the failed
   *     batch are due again at the next call
   */
  public int tick(Instant now) {
    return core.processDue(Objects.requireNonNull(now, "now"));
  }

  /**
   * Starts calling {@link #tick(Instant)} periodically.
   *
   * @param executor the host's scheduler
   * @param clock the host's clock, read at each tick
   * @param period the delay between the end of one tick and the start of the next, positive
   * @return the runner; close it to stop
   * @throws InvalidInputException if the period is not positive
   */
  public SlaTickRunner startRunner(ScheduledExecutorService executor, Clock clock,
      Duration period) {
    Objects.requireNonNull(executor, "executor");
    if (Objects.requireNonNull(period, "period").isNegative() || period.isZero()) {
      throw new InvalidInputException("period", period, "must be positive");
    }
    return new SlaTickRunner(this, executor, clock, period);
  }

  /**
   * Returns a ticket's SLA clocks, without its event-rule records (see the class comment).
   *
   * @param tenant the tenant
   * @param ticket the ticket
   * @return the clocks in metric, then cycle order
   */
  public List<SlaClock> clocks(TenantId tenant, TicketId ticket) {
    List<SlaClock> all = store.clocks(Objects.requireNonNull(tenant, "tenant"),
        Objects.requireNonNull(ticket, "ticket"));
    return all.stream().filter(c -> !RuleRecords.isRecord(c.key())).toList();
  }

  /**
   * Returns one SLA clock.
   *
   * @param key the key
   * @return the clock, or empty (also for the key of an event-rule record)
   */
  public Optional<SlaClock> clock(ClockKey key) {
    return RuleRecords.isRecord(Objects.requireNonNull(key, "key")) ? Optional.empty()
        : store.clock(key);
  }

  /**
   * Returns the calendar a clock counts on.
   *
   * @param clock the clock
   * @return its calendar (24x7 if its calendar is no longer registered)
   */
  public BusinessCalendar calendar(SlaClock clock) {
    return core.calendars().of(Objects.requireNonNull(clock, "clock"));
  }

  /**
   * Returns a readable account of a clock's due instant: the start, the target and why it was
   * chosen, the calendar, the pauses, elapsed and remaining business time, and the holidays and
   * make-up working days passed.
   *
   * @param clock the clock
   * @param now the instant to report elapsed and remaining time at
   * @return several lines of text
   */
  public String explain(SlaClock clock, Instant now) {
    Objects.requireNonNull(now, "now");
    return Explainer.explain(clock, calendar(clock), now);
  }

  /**
   * Returns the account of a clock as of its last change; see {@link #explain(SlaClock, Instant)}.
   *
   * @param clock the clock
   * @return several lines of text
   */
  public String explain(SlaClock clock) {
    return explain(clock, clock.asOf());
  }

  /**
   * Returns the policies.
   *
   * @return the policies
   */
  public SlaPolicies policies() {
    return policies;
  }

  /**
   * Returns the SLA store.
   *
   * @return the store
   */
  public SlaStore store() {
    return store;
  }

  /** Returns the engine's follower, for tests that stand for a node dying after a commit. */
  dev.ticketkit.core.TicketFollower follower() {
    return core;
  }

  /** Detaches the engine from the ticket store and service; idempotent. */
  @Override
  public void close() {
    subscription.cancel();
  }
}
