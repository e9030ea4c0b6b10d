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
 * Keeps SLA clocks, the due work of the SLA engine (ladder levels and event rules, in one
 * time-ordered index) and the records of work done: the SPI a database store implements.
 *
 * <p>Contract, which {@code SlaStoreContract} (in ticket-testkit) checks for every store:
 *
 * <ul>
 *   <li><b>Inside a ticket commit.</b> {@link #currentClocks}, {@link #write(SlaChanges,
 *       TransactionContext)} and {@link #complete} run in the ticket commit's transaction (a
 *       database store on the connection it unwraps from the context, never on another one; the
 *       in-memory store at once, registering an undo with the context). What they write commits
 *       or rolls back with the ticket.
 *   <li><b>Clocks</b> are keyed by {@link ClockKey}; a write replaces a clock and its whole
 *       pending schedule (see {@link ClockUpdate}). Event rules are added once each.
 *   <li><b>One level at a time.</b> Of a clock's schedule only the first level that is not done
 *       is due work ({@link #due}, {@link #nextDueAt}, {@link #claim}); the levels after it wait
 *       in the store and each becomes due work when the level before it is done, in the same
 *       transaction that records that level done ({@link #claim} or {@link #complete}), so a
 *       clock's levels are carried out in ladder order, each exactly once, and a ticket change
 *       writes one due-work row per running clock instead of one per level. {@link #pending}
 *       lists the waiting levels too.
 *   <li><b>Done once.</b> A done record is unique per ticket and {@link DueWork#key()}; work that
 *       is done is never pending again, whatever later writes schedule.
 *   <li><b>Due work</b> is read in {@link DueWork#ORDER} from an index (never by scanning
 *       tickets) and carried out either by {@link #claim} (notifications: each piece handed to
 *       one handler at a time across threads and nodes) or by {@link #complete} inside the ticket
 *       commit that makes the work's ticket changes.
 *   <li><b>Tenant isolation.</b> Every read names its tenant and returns only that tenant's data.
 *   <li><b>Errors.</b> Failures of the store are thrown as {@link SlaStoreException}; no driver
 *       type leaks.
 * </ul>
 *
 * <p>Implementations must be thread-safe.
 */
public interface SlaStore {

  /**
   * Reads, inside a ticket commit, what the engine needs to apply the change: the ticket's open
   * clocks, its latest clock of each metric, and the highest ticket version already applied.
   *
   * @param tenant the tenant
   * @param ticket the ticket
   * @param transaction the ticket commit's transaction
   * @return the clocks, never null
   * @throws SlaStoreException if the store fails or cannot read in this transaction
   */
  TicketClocks currentClocks(TenantId tenant, TicketId ticket, TransactionContext transaction);

  /**
   * Writes a change's clocks, schedules and event rules as part of the ticket's commit.
   *
   * @param changes the changes
   * @param transaction the ticket commit's transaction, valid during the call only
   * @throws SlaStoreException if the store fails or cannot write in this transaction; the ticket
   *     commit is then abandoned
   */
  void write(SlaChanges changes, TransactionContext transaction);

  /**
   * Records due work as done inside the ticket commit that carries it out (the commit that makes
   * its ticket changes), if it is still pending: not done, and for a ladder level still in its
   * clock's current schedule. A ladder level's next level then becomes due work in the same
   * transaction.
   *
   * @param work the work
   * @param doneAt the instant to record
   * @param transaction the ticket commit's transaction
   * @return true if it was recorded; false if it is done already or no longer scheduled (the
   *     caller then abandons its commit)
   * @throws SlaStoreException if the store fails
   */
  boolean complete(DueWork work, Instant doneAt, TransactionContext transaction);

  /**
   * Writes changes in the store's own transaction, all or nothing (tools and tests).
   *
   * @param changes the changes
   * @throws SlaStoreException if the store fails; nothing is written
   */
  void write(SlaChanges changes);

  /**
   * Returns pending work due at or before an instant, in {@link DueWork#ORDER}, without locking
   * it: candidates for {@link #claim} or {@link #complete}.
   *
   * @param now the instant, inclusive
   * @param limit the most entries to return, 1 or more
   * @return the work
   * @throws dev.ticketkit.core.InvalidInputException if the limit is below 1
   * @throws SlaStoreException if the store fails
   */
  List<DueWork> due(Instant now, int limit);

  /**
   * Carries out due work that changes no ticket: in one transaction of its own, takes those of
   * the given pieces that are still pending and that no concurrent call holds (a database store:
   * {@code SELECT ... FOR UPDATE SKIP LOCKED}), records each as done at {@code now}, hands it to
   * the handler, makes the next level of each ladder level's clock due work, and commits.
   *
   * <p><b>Exactly once, at least once.</b> A committed call has handed each of its pieces over
   * exactly once: no other call, thread or node gets them. If the handler throws, the call is
   * rolled back (nothing of it is recorded) and the failure is thrown wrapped in
   * {@link SlaStoreException}. If the process dies after the handler acted and before the
   * commit, the work is handed over again later: the handler's effects are at least once.
   *
   * @param work the pieces to carry out, from {@link #due}
   * @param now the instant to record
   * @param handler what to do with each piece
   * @return how many pieces were handed to the handler
   * @throws SlaStoreException if the store or the handler fails; nothing of the call is recorded
   */
  int claim(List<? extends DueWork> work, Instant now, DueHandler handler);

  /**
   * Returns the instant of the earliest pending work of any tenant, so a scheduler can sleep
   * until then.
   *
   * @return the instant, or empty if nothing is pending
   * @throws SlaStoreException if the store fails
   */
  Optional<Instant> nextDueAt();

  /**
   * Returns one clock.
   *
   * @param key the clock's key
   * @return the clock as last written, or empty
   * @throws SlaStoreException if the store fails
   */
  Optional<SlaClock> clock(ClockKey key);

  /**
   * Returns every clock of a ticket.
   *
   * @param tenant the tenant
   * @param ticket the ticket
   * @return the clocks in key order (metric, then cycle); empty if the tenant has none
   * @throws SlaStoreException if the store fails
   */
  List<SlaClock> clocks(TenantId tenant, TicketId ticket);

  /**
   * Returns the clocks of a tenant that ran during a period: started before its end and not
   * stopped before its start. Served by an index; for reports.
   *
   * @param tenant the tenant
   * @param fromInclusive the period's start
   * @param toExclusive the period's end
   * @return the clocks in key order
   * @throws dev.ticketkit.core.InvalidInputException if the end is not after the start
   * @throws SlaStoreException if the store fails
   */
  List<SlaClock> clocks(TenantId tenant, Instant fromInclusive, Instant toExclusive);

  /**
   * Returns a ticket's pending work: its due work and the ladder levels waiting behind their
   * clock's next level.
   *
   * @param tenant the tenant
   * @param ticket the ticket
   * @return the work in {@link DueWork#ORDER}
   * @throws SlaStoreException if the store fails
   */
  List<DueWork> pending(TenantId tenant, TicketId ticket);

  /**
   * Returns a ticket's done records.
   *
   * @param tenant the tenant
   * @param ticket the ticket
   * @return the records in the order the work was due
   * @throws SlaStoreException if the store fails
   */
  List<DoneWork> done(TenantId tenant, TicketId ticket);

  /**
   * Returns a tenant's done records of a period (by the instant the work was done). Served by an
   * index; for reports.
   *
   * @param tenant the tenant
   * @param fromInclusive the period's start
   * @param toExclusive the period's end
   * @return the records in the order they were done
   * @throws dev.ticketkit.core.InvalidInputException if the end is not after the start
   * @throws SlaStoreException if the store fails
   */
  List<DoneWork> done(TenantId tenant, Instant fromInclusive, Instant toExclusive);
}
