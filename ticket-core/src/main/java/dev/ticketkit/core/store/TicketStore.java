package dev.ticketkit.core.store;

import dev.ticketkit.core.ConversationEntry;
import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketConflictException;
import dev.ticketkit.core.TicketId;
import java.util.List;
import java.util.Optional;

/**
 * Stores tickets with their history and conversation: the SPI a database store implements.
 *
 * <p>Contract, which {@code TicketStoreContract} (in the test-jar) checks for every store:
 *
 * <ul>
 *   <li>{@link #commit(ChangeSet)} is atomic: the ticket's new version, the history entries, the
 *       conversation entries, the events (a database store writes them to its outbox) and the
 *       work of every {@link CommitParticipant} become visible together, or none of them does.
 *   <li>Optimistic concurrency: a commit succeeds only if the stored version equals the change
 *       set's expected version (or, for a new ticket, the id is unused); otherwise it throws
 *       {@link TicketConflictException} and writes nothing.
 *   <li>Tickets are keyed by {@code (tenant, id)} and numbers are unique within a tenant: a new
 *       ticket whose number another ticket of the tenant has is refused with
 *       {@link dev.ticketkit.core.InvalidInputException} (field {@code ticket.number}).
 *   <li>Tenant isolation: every read names the tenant, and a ticket of another tenant is treated
 *       as absent: no ticket, history, conversation or count of another tenant is ever returned.
 *   <li>History and conversation come back in {@code (ticketVersion, position)} order, exactly as
 *       committed.
 *   <li>Queries return tickets in ticket-number order with keyset paging ({@link PageCursor}); a
 *       page holds at most {@link TicketQuery#limit()} tickets and a next cursor if more match.
 *   <li>Failures of the store itself are thrown as {@link TicketStoreException}; no driver type
 *       leaks.
 * </ul>
 *
 * <p>Implementations must be thread-safe.
 */
public interface TicketStore {

  /**
   * Commits one change set atomically, with every registered commit participant.
   *
   * @param changes the change set
   * @throws TicketConflictException if the stored version is not the expected one, or a new
   *     ticket's id is taken; nothing is written
   * @throws TicketStoreException if the store or a participant fails; nothing is written
   */
  void commit(ChangeSet changes);

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
   * Allocates the next human-friendly ticket number of a tenant.
   *
   * <p>Numbers are unique within a tenant and increase; a number allocated for an intake that then
   * fails is not reused, so there may be gaps. Allocation is independent of commits.
   *
   * @param tenant the tenant
   * @return the number, 1 for a tenant's first ticket
   */
  long allocateNumber(TenantId tenant);

  /**
   * Registers a participant that takes part in every later commit, after those registered before.
   *
   * @param participant the participant
   */
  void addCommitParticipant(CommitParticipant participant);

  /**
   * Unregisters a participant; later commits no longer call it.
   *
   * @param participant the participant
   * @return true if it was registered
   */
  boolean removeCommitParticipant(CommitParticipant participant);
}
