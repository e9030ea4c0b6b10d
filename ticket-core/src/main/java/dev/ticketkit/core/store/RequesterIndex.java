package dev.ticketkit.core.store;

import dev.ticketkit.core.HandleKey;
import dev.ticketkit.core.TenantId;
import java.util.Set;

/**
 * The index from normalised contact handles to requester ids, per tenant: the SPI behind
 * {@code RequesterDirectory}. A database store keeps it in a table keyed by
 * {@code (tenant, handle, requester)}; the in-memory one is {@link InMemoryRequesterIndex}.
 * Implementations must be thread-safe.
 */
public interface RequesterIndex {

  /**
   * Records that a requester has the given handles, inside a ticket commit (a handle already
   * recorded for the requester is kept; rows are never removed, so history stays findable).
   *
   * @param tenant the tenant
   * @param requesterId the requester's id
   * @param handles the normalised handles
   * @param transaction the commit's transaction
   */
  void record(TenantId tenant, String requesterId, Set<HandleKey> handles,
      TransactionContext transaction);

  /**
   * Returns the requesters that have a handle.
   *
   * @param tenant the tenant
   * @param handle the normalised handle
   * @return the requester ids, empty if none; never another tenant's
   */
  Set<String> requesterIds(TenantId tenant, HandleKey handle);
}
