package dev.ticketkit.core.store;

import dev.ticketkit.core.HandleKey;
import dev.ticketkit.core.TenantId;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory {@link RequesterIndex}, for {@link InMemoryTicketStore}. A record made in a commit
 * that rolls back is undone. Thread-safe.
 */
public final class InMemoryRequesterIndex implements RequesterIndex {

  private final Map<String, Set<String>> ids = new ConcurrentHashMap<>();

  private InMemoryRequesterIndex() {}

  /**
   * Returns an empty index.
   *
   * @return the index
   */
  public static InMemoryRequesterIndex create() {
    return new InMemoryRequesterIndex();
  }

  @Override
  public void record(TenantId tenant, String requesterId, Set<HandleKey> handles,
      TransactionContext transaction) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(requesterId, "requesterId");
    Objects.requireNonNull(transaction, "transaction");
    for (HandleKey h : handles) {
      Set<String> set = ids.computeIfAbsent(key(tenant, h), k -> ConcurrentHashMap.newKeySet());
      if (set.add(requesterId)) {
        transaction.onRollback(() -> set.remove(requesterId));
      }
    }
  }

  @Override
  public Set<String> requesterIds(TenantId tenant, HandleKey handle) {
    Objects.requireNonNull(handle, "handle");
    Set<String> set = ids.get(key(tenant, handle));
    return set == null ? Set.of() : Set.copyOf(new TreeSet<>(set));
  }

  private static String key(TenantId tenant, HandleKey h) {
    return tenant.value() + "\u0000" + h;
  }
}
