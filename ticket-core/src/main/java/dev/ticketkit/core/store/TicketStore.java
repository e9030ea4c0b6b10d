package dev.ticketkit.core.store;

import dev.ticketkit.core.ConversationEntry;
import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.StatusCategory;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketConflictException;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.outbox.Outbox;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Stores tickets with their history, conversation and outbox: the SPI a database store implements.
 * A store is storage only; the modules that follow tickets join a commit through the
 * {@link UnitOfWork} that {@code TicketService} hands to {@link #commit}.
 *
 * <p>Contract, which {@code TicketStoreContract} (in ticket-testkit) checks for every store:
 *
 * <ul>
 *   <li>{@link #commit} is atomic: the ticket's new version, the history entries, the
 *       conversation entries, the events (appended to the store's {@link #outbox()}) and the
 *       unit of work's writes become visible together, or none of them does.
 *   <li>Optimistic concurrency: a commit succeeds only if the stored version equals the change
 *       set's expected version (or, for a new ticket, the tenant has no ticket with that id);
 *       otherwise it throws {@link TicketConflictException} and writes nothing.
 *   <li>Numbers: a new ticket gets the tenant's next number, allocated inside the commit (see
 *       {@link ChangeSet#numbered(long)}): unique within the tenant and increasing, 1 for the
 *       tenant's first ticket; an allocation whose commit fails may leave a gap.
 *   <li>Tenant isolation: every read names the tenant, and a ticket of another tenant is treated
 *       as absent: no ticket, history, conversation or count of another tenant is ever returned,
 *       and a tenant may use a ticket id that another tenant uses.
 *   <li>History and conversation come back in {@code (ticketVersion, position)} order, exactly as
 *       committed.
 *   <li>Queries return tickets in ticket-number order with keyset paging ({@link PageCursor}); a
 *       page holds at most {@link TicketQuery#limit()} tickets and a next cursor if more match.
 *   <li>Failures of the store itself are thrown as {@link TicketStoreException}; no driver type
 *       leaks. Whatever the unit of work throws is rethrown unchanged, after the rollback.
 * </ul>
 *
 * <p>Implementations must be thread-safe.
 */
public interface TicketStore {

  /**
   * Commits one change set atomically, running a unit of work inside the same transaction after
   * the version check and the ticket's own writes.
   *
   * @param changes the change set
   * @param work what the followers write in the same transaction
   * @return the committed change set: {@code changes} itself, or for a new ticket
   *     {@code changes.numbered(n)} with the number the store allocated
   * @throws TicketConflictException if the stored version is not the expected one, or a new
   *     ticket's id is taken in its tenant; nothing is written
   * @throws TicketStoreException if the store fails; nothing is written (see
   *     {@link TicketCommitUnknownException} for the one case where that cannot be known)
   * @throws RuntimeException whatever the unit of work throws; nothing is written
   */
  ChangeSet commit(ChangeSet changes, UnitOfWork work);

  /**
   * Changes a stored ticket in one transaction: reads it under a lock (a database store:
   * {@code SELECT ... FOR UPDATE} on the primary key), checks its version, asks the change for
   * the change set, and writes and commits it with the unit of work, exactly as
   * {@link #commit} does. This is how {@code TicketService} writes, so that one write call is one
   * database transaction with the version check in the locked read.
   *
   * @param tenant the tenant
   * @param id the ticket
   * @param expectedVersion the version the caller read
   * @param change computes the change set from the stored ticket
   * @param work what the followers write in the same transaction
   * @return the committed change set, or empty if the change changed nothing (nothing written)
   * @throws dev.ticketkit.core.TicketNotFoundException if the tenant has no such ticket
   * @throws TicketConflictException if the stored version is not the expected one
   * @throws TicketStoreException if the store fails; nothing is written (see
   *     {@link TicketCommitUnknownException})
   * @throws RuntimeException whatever the change or the unit of work throws; nothing is written
   */
  Optional<ChangeSet> update(TenantId tenant, TicketId id, long expectedVersion,
      TicketChange change, UnitOfWork work);

  /**
   * Returns a tenant's ticket.
   *
   * @param tenant the tenant
   * @param id the ticket's id
   * @return the ticket at its latest version, or empty if the tenant has no such ticket
   */
  Optional<Ticket> get(TenantId tenant, TicketId id);

  /**
   * Returns one page of a tenant's tickets that match a query.
   *
   * @param tenant the tenant
   * @param query the filter, order, page size and cursor
   * @return the page
   */
  Page<Ticket> query(TenantId tenant, TicketQuery query);

  /**
   * Counts a tenant's tickets that match a query (order, limit and cursor are ignored).
   *
   * @param tenant the tenant
   * @param query the filter
   * @return the number of matching tickets
   */
  long count(TenantId tenant, TicketQuery query);

  /**
   * Returns the open tickets of an agent or a tier in follow-up order (see {@link FollowUpQuery}).
   * The default reads them through {@link #query} and sorts them; a database store answers from
   * an index on {@code (tenant, assignee or tier, requesterUpdatedAt, number)}.
   *
   * @param tenant the tenant
   * @param query who, how many, from where
   * @return at most {@code query.limit()} tickets after the query's position, in follow-up order
   */
  default List<Ticket> followUps(TenantId tenant, FollowUpQuery query) {
    TicketQueryBuilder b = TicketQuery.builder().statusCategories(StatusCategory.NEW,
        StatusCategory.OPEN, StatusCategory.PENDING).limit(TicketQuery.MAX_LIMIT);
    TicketQuery q = (query.assignee() != null ? b.assignee(query.assignee())
        : b.tier(query.tier())).build();
    List<Ticket> all = new ArrayList<>();
    PageCursor cursor = null;
    do {
      Page<Ticket> page = query(tenant, q.withAfter(cursor));
      page.items().stream().filter(t -> query.isAfter(t.requesterUpdatedAt(), t.number()))
          .forEach(all::add);
      cursor = page.next();
    } while (cursor != null);
    all.sort(Comparator.comparing(Ticket::requesterUpdatedAt).thenComparingLong(Ticket::number));
    return all.size() <= query.limit() ? all : List.copyOf(all.subList(0, query.limit()));
  }

  /**
   * Returns a ticket's history.
   *
   * @param tenant the tenant
   * @param id the ticket's id
   * @return the entries in {@code (ticketVersion, position)} order; empty if the tenant has no
   *     such ticket
   */
  List<HistoryEntry> history(TenantId tenant, TicketId id);

  /**
   * Returns a ticket's conversation, internal notes included.
   *
   * @param tenant the tenant
   * @param id the ticket's id
   * @return the entries in version order; empty if the tenant has no such ticket
   */
  List<ConversationEntry> conversation(TenantId tenant, TicketId id);

  /**
   * Returns the store's transactional outbox, where every commit appends its events.
   *
   * @return the outbox
   */
  Outbox outbox();
}
