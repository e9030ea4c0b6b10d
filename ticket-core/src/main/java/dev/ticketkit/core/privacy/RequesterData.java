package dev.ticketkit.core.privacy;

import dev.ticketkit.core.TenantId;

/**
 * Personal data a module keeps about a requester apart from their tickets, keyed by the
 * requester rather than by a ticket: the knowledge base's votes ("helpful" marks) and the links
 * a requester made between an article and a ticket. {@link Privacy#erase} has each one given to
 * {@link Privacy.Builder#requesterData} replace the requester's id with the pseudonym after the
 * tickets, so counts stay the same (one vote stays one vote) and no row names the requester.
 * Implementations must be thread-safe and idempotent (a second call finds nothing).
 */
public interface RequesterData {

  /**
   * Replaces a requester's id with the pseudonym in everything this store keeps by requester.
   *
   * @param tenant the tenant
   * @param requesterId the requester's id in the host system
   * @param pseudonym what replaces it, as {@link Privacy#pseudonym} returns it
   * @return how many stored items were rewritten
   */
  int eraseRequester(TenantId tenant, String requesterId, String pseudonym);
}
