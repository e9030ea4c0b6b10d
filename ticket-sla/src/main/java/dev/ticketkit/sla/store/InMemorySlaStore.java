package dev.ticketkit.sla.store;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.store.TransactionContext;
import dev.ticketkit.sla.clock.ClockKey;
import dev.ticketkit.sla.clock.SlaClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * An {@link SlaStore} that keeps everything in memory: for tests, demos and single-node hosts
 * that keep their tickets in memory too.
 *
 * <p>Thread-safe: one read-write lock guards the maps; writes and claims take the write lock for
 * a short, bounded time. Clocks are kept per ticket; pending entries also sit in one
 * {@link TreeSet} ordered by {@link DueEscalation#ORDER}, so {@link #processDue} reads the due
 * head of the index and never scans tickets. {@code processDue} holds no lock while its handler
 * runs: it marks the selected entries as claimed (concurrent calls skip them, as {@code SKIP
 * LOCKED} does), runs the handler, then records them as fired; if the handler throws, the claims
 * are released and nothing is recorded. A write made inside a ticket commit is visible at once
 * and undone if the commit is abandoned. Nothing survives the process. Create with
 * {@link #create()}.
 */
public final class InMemorySlaStore implements SlaStore {

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<TicketRef, TreeMap<ClockKey, ClockEntry>> tickets = new HashMap<>();
  private final TreeSet<DueEscalation> index = new TreeSet<>(DueEscalation.ORDER);
  private final Set<LevelKey> claimed = new HashSet<>();

  private record TicketRef(TenantId tenant, TicketId ticket) {}

  private record LevelKey(ClockKey clock, int level) {}

  private record Undo(ClockKey key, @Nullable SlaClock clock, List<DueEscalation> pending) {}

  /** A clock, its pending entries and its fired records. Guarded by the store's lock. */
  private static final class ClockEntry {
    @Nullable SlaClock clock;
    final TreeMap<Integer, DueEscalation> pending = new TreeMap<>();
    final TreeMap<Integer, FiredEscalation> fired = new TreeMap<>();
  }

  private InMemorySlaStore() {}

  /**
   * Returns a new, empty store.
   *
   * @return the store
   */
  public static InMemorySlaStore create() {
    return new InMemorySlaStore();
  }

  @Override
  public void write(SlaChanges changes, TransactionContext transaction) {
    Objects.requireNonNull(changes, "changes");
    Objects.requireNonNull(transaction, "transaction");
    List<Undo> undo = writeLocked(changes);
    transaction.onRollback(() -> restore(undo));
  }

  @Override
  public void write(SlaChanges changes) {
    Objects.requireNonNull(changes, "changes");
    writeLocked(changes);
  }

  private List<Undo> writeLocked(SlaChanges changes) {
    List<Undo> undo = new ArrayList<>(changes.updates().size());
    lock.writeLock().lock();
    try {
      for (ClockUpdate u : changes.updates()) {
        ClockEntry e = entryFor(u.clock().key());
        undo.add(new Undo(u.clock().key(), e.clock, List.copyOf(e.pending.values())));
        replace(e, u.clock(), u.schedule());
      }
    } finally {
      lock.writeLock().unlock();
    }
    return undo;
  }

  private void restore(List<Undo> undo) {
    lock.writeLock().lock();
    try {
      for (int i = undo.size() - 1; i >= 0; i--) {
        Undo u = undo.get(i);
        replace(entryFor(u.key()), u.clock(), u.pending());
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void replace(ClockEntry e, @Nullable SlaClock clock, List<DueEscalation> schedule) {
    for (DueEscalation old : e.pending.values()) {
      index.remove(old);
    }
    e.pending.clear();
    e.clock = clock;
    for (DueEscalation d : schedule) {
      if (!e.fired.containsKey(d.level())) {
        e.pending.put(d.level(), d);
        index.add(d);
      }
    }
  }

  private ClockEntry entryFor(ClockKey key) {
    return tickets.computeIfAbsent(new TicketRef(key.tenant(), key.ticket()), r -> new TreeMap<>())
        .computeIfAbsent(key, k -> new ClockEntry());
  }

  private @Nullable ClockEntry find(ClockKey key) {
    TreeMap<ClockKey, ClockEntry> clocks = tickets.get(new TicketRef(key.tenant(), key.ticket()));
    return clocks == null ? null : clocks.get(key);
  }

  @Override
  public Optional<SlaClock> clock(ClockKey key) {
    Objects.requireNonNull(key, "key");
    return read(() -> {
      ClockEntry e = find(key);
      return Optional.ofNullable(e == null ? null : e.clock);
    });
  }

  @Override
  public List<SlaClock> clocks(TenantId tenant, TicketId ticket) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(ticket, "ticket");
    return read(() -> {
      TreeMap<ClockKey, ClockEntry> all = tickets.get(new TicketRef(tenant, ticket));
      if (all == null) {
        return List.<SlaClock>of();
      }
      SlaClock[] out = new SlaClock[all.size()];
      int n = 0;
      for (ClockEntry e : all.values()) {
        if (e.clock != null) {
          out[n++] = e.clock;
        }
      }
      return List.of(n == out.length ? out : Arrays.copyOf(out, n));
    });
  }

  @Override
  public List<DueEscalation> pending(ClockKey key) {
    Objects.requireNonNull(key, "key");
    return read(() -> {
      ClockEntry e = find(key);
      return e == null ? List.of() : List.copyOf(e.pending.values());
    });
  }

  @Override
  public List<FiredEscalation> fired(TenantId tenant, TicketId ticket) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(ticket, "ticket");
    return read(() -> {
      List<FiredEscalation> out = new ArrayList<>();
      TreeMap<ClockKey, ClockEntry> all = tickets.get(new TicketRef(tenant, ticket));
      if (all != null) {
        all.values().forEach(e -> out.addAll(e.fired.values()));
      }
      return List.copyOf(out);
    });
  }

  @Override
  public Optional<Instant> nextDueAt() {
    return read(() -> index.isEmpty() ? Optional.empty() : Optional.of(index.first().dueAt()));
  }

  @Override
  public int processDue(Instant now, int limit, DueHandler handler) {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(handler, "handler");
    if (limit < 1) {
      throw new InvalidInputException("limit", limit, "must be 1 or more");
    }
    List<DueEscalation> batch = claim(now, limit);
    try {
      for (DueEscalation d : batch) {
        handler.handle(d);
      }
    } catch (RuntimeException | Error e) {
      release(batch);
      if (e instanceof Error error) {
        throw error;
      }
      throw new SlaStoreException("the due handler failed; none of the " + batch.size()
          + " entries claimed at " + now + " was recorded as fired", e);
    }
    recordFired(batch, now);
    return batch.size();
  }

  private List<DueEscalation> claim(Instant now, int limit) {
    List<DueEscalation> batch = new ArrayList<>();
    lock.writeLock().lock();
    try {
      Iterator<DueEscalation> it = index.iterator();
      while (batch.size() < limit && it.hasNext()) {
        DueEscalation d = it.next();
        if (d.dueAt().isAfter(now)) {
          break;
        }
        if (claimed.add(new LevelKey(d.clock(), d.level()))) {
          batch.add(d);
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
    return batch;
  }

  private void release(List<DueEscalation> batch) {
    lock.writeLock().lock();
    try {
      batch.forEach(d -> claimed.remove(new LevelKey(d.clock(), d.level())));
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void recordFired(List<DueEscalation> batch, Instant now) {
    lock.writeLock().lock();
    try {
      for (DueEscalation d : batch) {
        ClockEntry e = entryFor(d.clock());
        e.fired.put(d.level(), new FiredEscalation(d.clock(), d.level(), d.dueAt(), now));
        DueEscalation pending = e.pending.remove(d.level());
        if (pending != null) {
          index.remove(pending);
        }
        claimed.remove(new LevelKey(d.clock(), d.level()));
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  private <T> T read(Supplier<T> reader) {
    lock.readLock().lock();
    try {
      return reader.get();
    } finally {
      lock.readLock().unlock();
    }
  }
}
