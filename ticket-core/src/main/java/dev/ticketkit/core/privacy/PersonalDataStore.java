package dev.ticketkit.core.privacy;

import dev.ticketkit.core.ConversationEntry;
import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The store SPI that erasing a requester needs: rewrite everything a store keeps for one ticket
 * through an {@link Erasure} in one transaction, and keep the record of erasures. The in-memory
 * and JDBC ticket stores implement it; {@code PersonalDataStoreContract} (ticket-testkit) checks
 * an implementation, by scanning every stored text for the erased data.
 *
 * <p>Implementations must be thread-safe.
 */
public interface PersonalDataStore {

  /**
   * Rewrites every text and JSON value the store keeps for one ticket through the erasure, in
   * one transaction that holds the ticket's lock (so it blocks writes to this ticket only, and
   * only for this call): the ticket itself, its history entries' before and after values and
   * actors, its conversation entries, its outbox rows (delivered ones kept for redelivery too)
   * and whatever else the store keeps by ticket (SLA records, knowledge-base links, report
   * facts). The ticket's version does not change.
   *
   * @param tenant the tenant
   * @param ticket the ticket
   * @param expectedVersion the version the erasure was planned from
   * @param erasure what to replace
   * @return true if the ticket was rewritten; false if its version is no longer the expected one
   *     or the tenant has no such ticket (nothing is written: plan again)
   */
  boolean erase(TenantId tenant, TicketId ticket, long expectedVersion, Erasure erasure);

  /**
   * Reads the history of several tickets at once, so that erasure plans a page of tickets from
   * one read instead of one read per ticket. Each list holds at least the entries up to the
   * version the ticket had when this call began (later ones may be there too: a plan made from
   * more entries replaces more, never less). A store may leave tickets out, or return nothing
   * (the default): {@code Privacy} reads those one by one through the ticket store.
   *
   * @param tenant the tenant
   * @param tickets the tickets, at most a page (100)
   * @return each ticket's history, oldest first; tickets the store has not read are absent
   */
  default Map<TicketId, List<HistoryEntry>> histories(TenantId tenant, List<TicketId> tickets) {
    return Map.of();
  }

  /**
   * Reads the conversation of several tickets at once, as {@link #histories} reads history.
   *
   * @param tenant the tenant
   * @param tickets the tickets, at most a page (100)
   * @return each ticket's conversation, oldest first; tickets the store has not read are absent
   */
  default Map<TicketId, List<ConversationEntry>> conversations(TenantId tenant,
      List<TicketId> tickets) {
    return Map.of();
  }

  /**
   * Applies retention to one batch: claims up to {@code limit} of a tenant's tickets that have
   * been in a CLOSED state since before an instant and that retention has not handled yet (an
   * anonymised ticket's requester id is a pseudonym, {@code anon-...}), skipping tickets another
   * node holds ({@code SELECT ... FOR UPDATE SKIP LOCKED}), and in the same transaction either
   * purges each or rewrites it through the erasure the plan gives, as {@link #erase} does.
   * Purging deletes every row the store keeps for the ticket except what reports of past periods
   * read, which it rewrites through the plan's erasure instead (so that those reports stay the
   * same and hold no personal data): the JDBC store keeps the report's fact rows (cycle facts,
   * tags, SLA clocks and done levels), the in-memory store keeps the anonymised ticket and
   * history as a {@link PurgedTicket}.
   *
   * @param tenant the tenant
   * @param closedBefore tickets closed before this instant qualify
   * @param limit the most tickets to handle, 1 or more
   * @param purge true to purge the tickets, false to anonymise them
   * @param plan the erasure of a claimed ticket (called inside the transaction; it may read the
   *     ticket through the ticket store)
   * @return how many tickets this batch handled; 0 when none is left (or all are claimed)
   */
  int retain(TenantId tenant, Instant closedBefore, int limit, boolean purge,
      Function<TicketId, Erasure> plan);

  /**
   * Returns what the store keeps, for reports, of a tenant's tickets that retention purged, when
   * it has no separate report facts (the in-memory store; a report source derives the purged
   * tickets' facts from it). A store whose report facts live apart from its tickets (the JDBC
   * store keeps the report's fact rows and deletes the rest) returns nothing, the default.
   *
   * @param tenant the tenant
   * @return the anonymised tickets and histories, in no particular order
   */
  default List<PurgedTicket> purged(TenantId tenant) {
    return List.of();
  }

  /**
   * Keeps the record of one erasure.
   *
   * @param record the record: who, when, how many, the pseudonym; never the erased data
   */
  void record(ErasureRecord record);

  /**
   * Returns a tenant's erasure records, oldest first.
   *
   * @param tenant the tenant
   * @return the records
   */
  List<ErasureRecord> erasures(TenantId tenant);
}
