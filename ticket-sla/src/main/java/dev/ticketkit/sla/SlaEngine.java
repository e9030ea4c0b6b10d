package dev.ticketkit.sla;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.SupportedTime;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.event.Subscription;
import dev.ticketkit.sla.calendar.BusinessCalendar;
import dev.ticketkit.sla.clock.ClockKey;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.clock.SlaMetric;
import dev.ticketkit.sla.escalation.EscalationLevel;
import dev.ticketkit.sla.internal.Calendars;
import dev.ticketkit.sla.internal.Explainer;
import dev.ticketkit.sla.internal.SlaFollower;
import dev.ticketkit.sla.internal.WorkRunner;
import dev.ticketkit.sla.policy.SlaPolicies;
import dev.ticketkit.sla.store.DueWork;
import dev.ticketkit.sla.store.LadderLevelDue;
import dev.ticketkit.sla.store.SlaStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The SLA engine: keeps every ticket's SLA clocks in step with its changes and carries out the
 * escalation ladders and event rules when they come due.
 *
 * <p><b>One way in.</b> The engine is a {@link dev.ticketkit.core.TicketFollower} of one
 * {@link TicketService}, attached by {@link SlaEngineBuilder#build()}. Inside each ticket commit,
 * on the commit's own transaction, it applies the change's events to the ticket's clocks (one per
 * ticket, {@link SlaMetric metric} and cycle) and writes them with their escalation schedules and
 * the event rules the change triggered; right after the commit it carries out those event rules,
 * so urgent tickets reach the tier lead at once. The clock rules are those of
 * {@code ClockMachine}: intake starts ACCEPTANCE, FIRST_RESPONSE, PERIODIC_UPDATE and RESOLUTION;
 * a PENDING status pauses every clock and leaving it resumes them; leaving NEW meets ACCEPTANCE;
 * RESOLVED meets RESOLUTION and cancels the rest; CLOSED cancels every open clock; a reopen starts
 * RESOLUTION for the new cycle; an agent's public reply meets FIRST_RESPONSE, NEXT_RESPONSE and
 * PERIODIC_UPDATE and starts the next PERIODIC_UPDATE; a requester's reply starts a NEXT_RESPONSE.
 * A change is applied once, however many engines share the service and store.
 *
 * <p><b>Met and breached.</b> Work done exactly at the due instant is within the target: a clock
 * stopped at its due instant is MET, and it breaches strictly after. A change of priority,
 * category, tags or custom fields matches the ticket against the policies again and retargets
 * every open clock: the new target is measured from the clock's original start, the business
 * time already elapsed is kept, pauses still do not count; a clock whose elapsed time already
 * exceeds the new target becomes BREACHED, due when it reached it; a clock that has breached
 * (by the change's instant, whether or not anything noticed before) stays BREACHED with its due
 * instant, so its breach escalation still fires; stopped clocks never change.
 *
 * <p><b>Due work, exactly once.</b> {@link #tick(Instant)} reads the work due by then from the
 * store's time-ordered index (never by scanning tickets) and carries it out: work that only
 * notifies (or whose ticket changes are already in place) is claimed and recorded done in the
 * store's transaction; work that changes the ticket (a tag, a priority, a queue, a tier) is made
 * as one ticket change whose transaction also records the work done, with a history entry naming
 * the escalation. Each piece is done once however often, however late, and on however many nodes
 * {@code tick} runs; a write that fails leaves it due for the next tick (ticket changes at least
 * once, never twice). Notifications and callbacks run inside those transactions: if the process
 * dies before the commit they are sent again (at least once). A {@code nextTier} action of a
 * ladder level moves the ticket one tier above its tier when the level fires; of an event rule,
 * one tier above the tier it had before the triggering change. A paused clock has no pending
 * levels, so it never escalates.
 *
 * <p><b>Reading.</b> {@link #clocks}, {@link #clock} and {@link #currentClock} return clocks as
 * they stand now (the service's clock): a running clock past its due instant reads BREACHED.
 * Instances are thread-safe. Build with {@link #builder()}; {@link #close()} detaches the engine.
 */
public final class SlaEngine implements AutoCloseable {

  private final SlaPolicies policies;
  private final SlaStore store;
  private final Calendars calendars;
  private final SlaFollower follower;
  private final WorkRunner runner;
  private final Clock clock;
  private final int batchSize;
  private final Subscription subscription;

  SlaEngine(SlaEngineBuilder b) {
    TicketService service = Objects.requireNonNull(b.service);
    this.policies = Objects.requireNonNull(b.policies);
    this.store = Objects.requireNonNull(b.store);
    this.calendars = new Calendars(policies.calendars());
    this.runner = new WorkRunner(policies, store, service, b.actor, b.notifier, b.callbacks,
        b.maxAttempts);
    this.follower = new SlaFollower(policies, calendars, store, runner);
    this.clock = service.clock();
    this.batchSize = b.batchSize;
    this.subscription = service.attach(follower);
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
   * Carries out every escalation level and event rule due at or before {@code now} that is not
   * done, in due order, in batches until none is left. Work another node holds or whose write
   * fails stays due for a later call.
   *
   * @param now the current instant, from the host's clock
   * @return how many pieces of work this call did
   * @throws InvalidInputException if {@code now} is null or outside the {@link SupportedTime} range
   * @throws dev.ticketkit.sla.store.SlaStoreException if the store fails to read the due work
   */
  public int tick(Instant now) {
    Objects.requireNonNull(now, "now");
    SupportedTime.require("now", now);
    Set<DueWork> left = new HashSet<>();
    int total = 0;
    while (true) {
      List<DueWork> due = store.due(now, batchSize + left.size()).stream()
          .filter(w -> !left.contains(w)).limit(batchSize).toList();
      if (due.isEmpty()) {
        return total;
      }
      int done = runner.process(due, now, left);
      total += done;
      if (done == 0) {
        left.addAll(due);
      }
    }
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
   * Returns a ticket's SLA clocks as they stand now.
   *
   * @param tenant the tenant
   * @param ticket the ticket
   * @return the clocks in metric, then cycle order
   */
  public List<SlaClock> clocks(TenantId tenant, TicketId ticket) {
    Instant now = clock.instant();
    return store.clocks(Objects.requireNonNull(tenant, "tenant"),
        Objects.requireNonNull(ticket, "ticket")).stream().map(c -> now(c, now)).toList();
  }

  /**
   * Returns one SLA clock as it stands now.
   *
   * @param key the key
   * @return the clock, or empty
   */
  public Optional<SlaClock> clock(ClockKey key) {
    Instant now = clock.instant();
    return store.clock(Objects.requireNonNull(key, "key")).map(c -> now(c, now));
  }

  /**
   * Returns the current clock of a metric of a ticket (its latest cycle) as it stands now,
   * without knowing its cycle number.
   *
   * @param tenant the tenant
   * @param ticket the ticket
   * @param metric the metric
   * @return the clock, or empty if the ticket has none of that metric
   */
  public Optional<SlaClock> currentClock(TenantId tenant, TicketId ticket, SlaMetric metric) {
    Objects.requireNonNull(metric, "metric");
    List<SlaClock> all = clocks(tenant, ticket);
    SlaClock latest = null;
    for (SlaClock c : all) {
      if (c.key().metric() == metric) {
        latest = c;
      }
    }
    return Optional.ofNullable(latest);
  }

  /**
   * Returns the clocks of one handoff to another department as they stand now: its department
   * response clock ({@link SlaMetric#HANDOFF_RESPONSE}) and its follow-up periods
   * ({@link SlaMetric#HANDOFF_FOLLOW_UP}, the running one last).
   *
   * @param tenant the tenant
   * @param ticket the ticket
   * @param handoff the handoff's number ({@link dev.ticketkit.core.Handoff#seq()})
   * @return the clocks in metric, then cycle order; empty if the handoff has none
   */
  public List<SlaClock> handoffClocks(TenantId tenant, TicketId ticket, int handoff) {
    return clocks(tenant, ticket).stream()
        .filter(c -> c.key().metric().isHandoff() && c.key().handoff() == handoff).toList();
  }

  private SlaClock now(SlaClock c, Instant now) {
    return c.asOf(calendar(c), now);
  }

  /**
   * Returns the ladder level a piece of due work stands for: its trigger (a share of the target,
   * or breach plus an offset) and its actions, readable with {@link EscalationLevel#describe()}.
   *
   * @param due the ladder level's due work
   * @return the level, or empty if its clock or policy is gone
   */
  public Optional<EscalationLevel> level(LadderLevelDue due) {
    return store.clock(Objects.requireNonNull(due, "due").clock())
        .flatMap(c -> follower.ladder(c).level(due.level()));
  }

  /**
   * Returns the calendar a clock counts on.
   *
   * @param clock the clock
   * @return its calendar (24x7 if its calendar is no longer registered)
   */
  public BusinessCalendar calendar(SlaClock clock) {
    return calendars.of(Objects.requireNonNull(clock, "clock"));
  }

  /**
   * Returns a readable account of a clock's due instant: the start, the target and why it was
   * chosen, the calendar, the pauses, elapsed and remaining business time, and the holidays and
   * make-up working days passed.
   *
   * @param clock the clock
   * @param now the instant to report elapsed and remaining time at
   * @return several lines of text
   * @throws InvalidInputException if {@code now} is null or outside the {@link SupportedTime} range
   */
  public String explain(SlaClock clock, Instant now) {
    Objects.requireNonNull(now, "now");
    SupportedTime.require("now", now);
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
    return follower;
  }

  /** Detaches the engine from the ticket service; idempotent. */
  @Override
  public void close() {
    subscription.cancel();
  }
}
