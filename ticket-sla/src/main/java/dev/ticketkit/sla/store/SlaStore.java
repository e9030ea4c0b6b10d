package dev.ticketkit.sla.store;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.store.TransactionContext;
import dev.ticketkit.sla.clock.ClockKey;
import dev.ticketkit.sla.clock.SlaClock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps SLA clocks, their escalation schedules (a time-ordered index of {@link DueEscalation}s)
 * and the records of fired escalations: the SPI a database store implements.
 *
 * <p>Contract, which {@code SlaStoreContract} (in ticket-sla's test-jar) checks for every store:
 *
 * <ul>
 *   <li><b>Writes.</b> {@link #write(SlaChanges, TransactionContext)} writes inside a ticket
 *       store's commit: a database store writes in the transaction it unwraps from the context
 *       (the jOOQ store: {@code transaction.unwrap(DSLContext.class)}), the in-memory store writes
 *       at once and registers an undo with {@link TransactionContext#onRollback(Runnable)}.
 *       {@link #write(SlaChanges)} writes in the store's own transaction. Either way the changes
 *       are written all or nothing. Clocks are keyed by {@link ClockKey}; a write replaces the
 *       clock and its whole pending schedule (see {@link ClockUpdate}).
 *   <li><b>Fired once.</b> A fired record is unique per {@code (clock, level)}. A level that has
 *       fired is never pending again, whatever later writes schedule.
 *   <li><b>Claiming due work.</b> {@link #processDue} hands each pending entry to a handler at
 *       most once per committed call, across threads and nodes (see there).
 *   <li><b>Tenant isolation.</b> Every key names its tenant; reads return only the named tenant's
 *       clocks.
 *   <li><b>Errors.</b> Failures of the store are thrown as {@link SlaStoreException}; no driver
 *       type leaks.
 * </ul>
 *
 * <p>The SLA engine only writes a ticket's clocks inside that ticket's commits, which the ticket
 * store serializes per ticket (optimistic versions), so clock writes need no versions of their
 * own. Implementations must be thread-safe.
 */
public interface SlaStore {

  /**
   * Writes clock changes as part of a ticket store's atomic commit.
   *
   * @param changes the clock updates
   * @param transaction the ticket store's transaction, valid during the call only
   * @throws SlaStoreException if the store fails or cannot write in this transaction (a database
   *     store given a transaction it cannot unwrap); the ticket commit is then abandoned
   */
  void write(SlaChanges changes, TransactionContext transaction);

  /**
   * Writes clock changes in the store's own transaction, all or nothing.
   *
   * @param changes the clock updates
   * @throws SlaStoreException if the store fails; nothing is written
   */
  void write(SlaChanges changes);

  /**
   * Returns one clock.
   *
   * @param key the clock's key
   * @return the clock as last written, or empty
   * @throws SlaStoreException if the store fails
   */
  Optional<SlaClock> clock(ClockKey key);

  /**
   * Returns every clock of a ticket, in key order (metric, then cycle).
   *
   * @param tenant the tenant
   * @param ticket the ticket
   * @return the clocks; empty if the tenant has none for that ticket
   * @throws SlaStoreException if the store fails
   */
  List<SlaClock> clocks(TenantId tenant, TicketId ticket);

  /**
   * Returns a clock's pending escalation entries: scheduled, not yet fired.
   *
   * @param key the clock's key
   * @return the entries in level order
   * @throws SlaStoreException if the store fails
   */
  List<DueEscalation> pending(ClockKey key);

  /**
   * Returns the fired records of a ticket's clocks.
   *
   * @param tenant the tenant
   * @param ticket the ticket
   * @return the records in clock key order, then level order
   * @throws SlaStoreException if the store fails
   */
  List<FiredEscalation> fired(TenantId tenant, TicketId ticket);

  /**
   * Returns the due instant of the earliest pending entry of any tenant, so a scheduler can sleep
   * until then.
   *
   * @return the instant, or empty if nothing is pending
   * @throws SlaStoreException if the store fails
   */
  Optional<Instant> nextDueAt();

  /**
   * Claims due escalation entries, hands each to the handler, and records each as fired.
   *
   * <p>In one transaction of its own, the store selects at most {@code limit} pending entries with
   * {@code dueAt <= now} whose level has not fired and that no concurrent call holds, in
   * {@link DueEscalation#ORDER} (a database store: {@code SELECT ... ORDER BY due_at ... LIMIT n
   * FOR UPDATE SKIP LOCKED} on PostgreSQL and MariaDB). For each entry, in that order, it records
   * the fired record {@code (clock, level, dueAt, firedAt = now)}, then calls the handler; it
   * commits after the last one. An entry whose fired record already exists (another node fired it
   * meanwhile) is skipped, not handed over. Then the entries are no longer pending.
   *
   * <p><b>Exactly once, at least once.</b> The fired record is committed exactly once per
   * {@code (clock, level)}, and a committed call has handed its entries to its handler exactly
   * once: no other call, thread or node gets them. If the handler throws, the store rolls the call
   * back (no entry of this call is recorded as fired; all are due again for the next call) and
   * throws the failure wrapped in {@link SlaStoreException}. If the process dies, or the commit
   * fails, after the handler acted but before the commit, the entries are handed over again by a
   * later call: the handler's external effects are therefore at least once, and exactly once when
   * nothing crashes. Handlers make their effects idempotent where they can.
   *
   * <p><b>Locking.</b> The handler may read the store and write through {@link #write} (directly
   * or inside a ticket commit on another connection), including changes to the clock whose entry
   * it handles; the store must not block on its own claim. A database store therefore locks only
   * index rows here, and {@code write} never updates or deletes index rows that a claim may hold:
   * for example it marks the clock's schedule with a new generation number, inserts the new
   * entries under it, and the claim query ignores (and may later delete) entries of an older
   * generation.
   *
   * @param now the instant to process up to, inclusive; it becomes each record's firedAt
   * @param limit the most entries to handle in this call, 1 or more
   * @param handler what to do with each entry
   * @return the number of entries handed to the handler
   * @throws dev.ticketkit.core.InvalidInputException if the limit is below 1
   * @throws SlaStoreException if the store or the handler fails; nothing of this call is recorded
   */
  int processDue(Instant now, int limit, DueHandler handler);
}
