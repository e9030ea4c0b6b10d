package dev.ticketkit.core.routing;

import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.store.TransactionContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@link RosterStore} in memory, for tests and single-process hosts with the in-memory ticket
 * store. Every change registers its undo on the commit's transaction. Thread-safe: one lock
 * guards the maps (the in-memory ticket store runs commits one at a time anyway). Create with
 * {@link #create()}.
 */
public final class InMemoryRosterStore implements RosterStore {

  private record Key(TenantId tenant, String name) {}

  private final Map<Key, Integer> loads = new HashMap<>();
  private final Map<Key, Turn> turns = new HashMap<>();

  private InMemoryRosterStore() {}

  /**
   * Returns an empty store.
   *
   * @return the store
   */
  public static InMemoryRosterStore create() {
    return new InMemoryRosterStore();
  }

  @Override
  public synchronized Map<AgentId, Integer> loads(TenantId tenant, Collection<AgentId> agents) {
    Map<AgentId, Integer> out = new HashMap<>();
    for (AgentId a : agents) {
      out.put(a, loads.getOrDefault(new Key(tenant, a.value()), 0));
    }
    return out;
  }

  @Override
  public synchronized Turn turn(TenantId tenant, String group) {
    return turns.getOrDefault(new Key(tenant, group), Turn.FIRST);
  }

  @Override
  public synchronized boolean reserve(TransactionContext transaction, TenantId tenant,
      AgentId agent, int weight, int capacity) {
    Key key = new Key(tenant, agent.value());
    if (loads.getOrDefault(key, 0) + weight > capacity) {
      return false;
    }
    change(transaction, key, weight);
    return true;
  }

  @Override
  public synchronized void adjust(TransactionContext transaction, TenantId tenant, AgentId agent,
      int delta) {
    change(transaction, new Key(tenant, agent.value()), delta);
  }

  @Override
  public synchronized boolean advance(TransactionContext transaction, TenantId tenant,
      String group, Turn seen, Turn next) {
    Key key = new Key(tenant, group);
    Turn stored = turns.getOrDefault(key, Turn.FIRST);
    if (!stored.equals(seen)) {
      return false;
    }
    turns.put(key, Objects.requireNonNull(next, "next"));
    transaction.onRollback(() -> {
      synchronized (this) {
        turns.put(key, stored);
      }
    });
    return true;
  }

  private void change(TransactionContext transaction, Key key, int delta) {
    loads.merge(key, delta, Integer::sum);
    transaction.onRollback(() -> {
      synchronized (this) {
        loads.merge(key, -delta, Integer::sum);
      }
    });
  }
}
