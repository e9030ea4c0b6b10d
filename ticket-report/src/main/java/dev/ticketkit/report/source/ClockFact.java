package dev.ticketkit.report.source;

import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.sla.clock.ClockState;
import dev.ticketkit.sla.clock.SlaMetric;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One SLA clock, as the report reads it: a row of the clock fact table, keyed by
 * {@code (tenant, ticketId, metric, clockCycle)}.
 *
 * <p>The columns are the clock's as last stored by the SLA engine, plus the agent credited with
 * the clock's ticket cycle (see {@link CycleFact#agent()}). The derived instants read:
 * {@link #metAt()} when it stopped MET, {@link #breachedAt()} when it breached (its due instant,
 * for a BREACHED clock and for a RUNNING clock whose due instant passes), {@link #cancelledAt()}
 * when it stopped CANCELLED. At an instant T a clock is breached if {@code breachedAt < T}, met if
 * {@code metAt < T}, cancelled if {@code cancelledAt < T}, and still running otherwise. The
 * SLA engine's event-rule records (ACCEPTANCE clocks with a cycle above 1) are not clocks and
 * never become rows. Instances are immutable and thread-safe.
 *
 * @param tenant the ticket's tenant
 * @param ticketId the ticket
 * @param metric what the clock measures
 * @param clockCycle the clock's cycle within its metric
 * @param ticketCycle the ticket's resolution cycle when the clock started
 * @param priority the priority its target was chosen for
 * @param agent the agent credited with the clock's ticket cycle, or null
 * @param calendarId the business calendar it counts on
 * @param target the business time allowed
 * @param startedAt when it started
 * @param state its stored state
 * @param dueAt its due instant, or null while paused and not breached
 * @param stoppedAt when it stopped, or null while open
 * @param elapsed the business time it counted to its last change, pauses excluded
 */
public record ClockFact(
    TenantId tenant,
    TicketId ticketId,
    SlaMetric metric,
    int clockCycle,
    int ticketCycle,
    Priority priority,
    @Nullable AgentId agent,
    String calendarId,
    Duration target,
    Instant startedAt,
    ClockState state,
    @Nullable Instant dueAt,
    @Nullable Instant stoppedAt,
    Duration elapsed) {

  /**
   * Validates the row.
   *
   * @throws NullPointerException if a required column is null
   */
  public ClockFact {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(calendarId, "calendarId");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(elapsed, "elapsed");
  }

  /**
   * Returns when the clock stopped having met its target.
   *
   * @return the stop instant of a MET clock, or null
   */
  public @Nullable Instant metAt() {
    return state == ClockState.MET ? stoppedAt : null;
  }

  /**
   * Returns when the clock breached, or will breach if it keeps running.
   *
   * @return the due instant of a BREACHED or RUNNING clock, or null
   */
  public @Nullable Instant breachedAt() {
    return state == ClockState.BREACHED || state == ClockState.RUNNING ? dueAt : null;
  }

  /**
   * Returns when the clock was cancelled.
   *
   * @return the stop instant of a CANCELLED clock, or null
   */
  public @Nullable Instant cancelledAt() {
    return state == ClockState.CANCELLED ? stoppedAt : null;
  }

  /**
   * Returns the business time the clock measured, for a clock that stopped met or breached.
   *
   * @return the elapsed business time of a stopped, not cancelled clock, or null
   */
  public @Nullable Duration businessTime() {
    return stoppedAt != null && state != ClockState.CANCELLED ? elapsed : null;
  }
}
