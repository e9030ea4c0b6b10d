package dev.ticketkit.sla.store;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.store.TransactionContext;
import dev.ticketkit.sla.clock.ClockKey;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.clock.SlaMetric;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * An {@link SlaStore} that keeps everything in memory: for tests, demos and single-node hosts
 * that keep their tickets in memory too.
 *
 * <p>Thread-safe: one read-write lock guards the maps; writes and claims take the write lock for
 * a short, bounded time. Data is kept per tenant and ticket; due work (event rules and each
 * clock's next ladder level; the later levels wait beside it until the one before is done) also
 * sits in one {@link TreeSet} ordered by {@link DueWork#ORDER}, so {@link #due} reads the head of
 * the index and never scans tickets. {@link #claim} holds no lock while its handler runs: it
 * marks the pieces it takes as claimed (concurrent calls skip them, as {@code SKIP LOCKED}
 * does), runs the handler, then records them as done and makes each level's next level due
 * work; if the handler throws, the claims are released and nothing is recorded. A write made inside a ticket commit is visible at once and undone if the commit is
 * abandoned. Nothing survives the process. Create with {@link #create()}.
 */
public final class InMemorySlaStore implements SlaStore {

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<TenantId, Map<TicketId, TicketData>> tenants = new HashMap<>();
  private final TreeSet<DueWork> index = new TreeSet<>(DueWork.ORDER);
  private final Set<WorkRef> claimed = new HashSet<>();
  private final List<BiConsumer<TenantId, TicketId>> doneListeners = new CopyOnWriteArrayList<>();

  private record WorkRef(TenantId tenant, TicketId ticket, String key) {
    static WorkRef of(DueWork w) {
      return new WorkRef(w.tenant(), w.ticket(), w.key());
    }
  }

  /** A clock with the ticket version of the change that wrote it last. */
  private record Stamped(SlaClock clock, long version) {}

  /**
   * One ticket's clocks, due work and done records. Guarded by the store's lock. {@code pending}
   * holds what is due work now (in the index): event rules and each clock's next ladder level;
   * {@code later} holds each clock's levels after its next one, which become due work one at a
   * time as the one before is done.
   */
  private static final class TicketData {
    final TreeMap<ClockKey, Stamped> clocks = new TreeMap<>();
    final Map<String, DueWork> pending = new HashMap<>();
    final Map<ClockKey, List<LadderLevelDue>> later = new HashMap<>();
    final Map<String, DoneWork> done = new HashMap<>();
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

  /**
   * Registers a listener told the tenant and ticket of every change to a ticket's done records
   * (recorded, or undone by a rollback). It runs under the store's write lock: it must be quick
   * and must not call the store. For followers that keep facts derived from done work (the
   * in-memory report source).
   *
   * @param listener the listener
   */
  public void onDoneChanged(BiConsumer<TenantId, TicketId> listener) {
    doneListeners.add(Objects.requireNonNull(listener, "listener"));
  }

  private void doneChanged(DueWork w) {
    doneListeners.forEach(l -> l.accept(w.tenant(), w.ticket()));
  }

  @Override
  public TicketClocks currentClocks(TenantId tenant, TicketId ticket,
      TransactionContext transaction) {
    Objects.requireNonNull(transaction, "transaction");
    return read(() -> {
      TicketData data = find(tenant, ticket);
      if (data == null) {
        return TicketClocks.NONE;
      }
      Map<SlaMetric, Stamped> latest = new EnumMap<>(SlaMetric.class);
      List<SlaClock> out = new ArrayList<>();
      long applied = 0;
      for (Stamped s : data.clocks.values()) {
        latest.put(s.clock().key().metric(), s);
        if (s.clock().isOpen()) {
          out.add(s.clock());
          applied = Math.max(applied, s.version());
        }
      }
      for (Stamped s : latest.values()) {
        if (!s.clock().isOpen()) {
          out.add(s.clock());
          applied = Math.max(applied, s.version());
        }
      }
      out.sort(Comparator.comparing(SlaClock::key));
      return new TicketClocks(out, applied);
    });
  }

  @Override
  public void write(SlaChanges changes, TransactionContext transaction) {
    Objects.requireNonNull(changes, "changes");
    Objects.requireNonNull(transaction, "transaction");
    Runnable undo = writeLocked(changes);
    transaction.onRollback(undo);
  }

  @Override
  public void write(SlaChanges changes) {
    Objects.requireNonNull(changes, "changes");
    writeLocked(changes);
  }

  /** Applies changes and returns the action that restores what they replaced. */
  private Runnable writeLocked(SlaChanges changes) {
    List<Runnable> undo = new ArrayList<>();
    lock.writeLock().lock();
    try {
      for (ClockUpdate u : changes.updates()) {
        ClockKey key = u.clock().key();
        TicketData data = dataFor(key.tenant(), key.ticket());
        Stamped before = data.clocks.get(key);
        List<LadderLevelDue> scheduled = levels(schedule(data, key));
        scheduled.addAll(data.later.getOrDefault(key, List.of()));
        replace(data, key, new Stamped(u.clock(), changes.ticketVersion()), u.schedule());
        undo.add(() -> replace(data, key, before, scheduled));
      }
      for (EventRuleDue r : changes.rules()) {
        TicketData data = dataFor(r.tenant(), r.ticket());
        if (!data.done.containsKey(r.key()) && data.pending.putIfAbsent(r.key(), r) == null) {
          index.add(r);
          undo.add(() -> removePending(data, r));
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
    return () -> {
      lock.writeLock().lock();
      try {
        for (int i = undo.size() - 1; i >= 0; i--) {
          undo.get(i).run();
        }
      } finally {
        lock.writeLock().unlock();
      }
    };
  }

  private static List<LadderLevelDue> levels(List<DueWork> work) {
    List<LadderLevelDue> levels = new ArrayList<>(work.size());
    work.forEach(w -> levels.add((LadderLevelDue) w));
    return levels;
  }

  private static List<DueWork> schedule(TicketData data, ClockKey key) {
    List<DueWork> out = new ArrayList<>();
    for (DueWork w : data.pending.values()) {
      if (w instanceof LadderLevelDue l && l.clock().equals(key)) {
        out.add(w);
      }
    }
    return out;
  }

  private void replace(TicketData data, ClockKey key, @Nullable Stamped clock,
      List<LadderLevelDue> levels) {
    for (DueWork old : schedule(data, key)) {
      removePending(data, old);
    }
    data.later.remove(key);
    if (clock == null) {
      data.clocks.remove(key);
    } else {
      data.clocks.put(key, clock);
    }
    schedule(data, key, levels);
  }

  /**
   * Makes the first of the levels that is not done the clock's due work and keeps the rest for
   * later (the clock has no due work yet).
   */
  private void schedule(TicketData data, ClockKey key, List<LadderLevelDue> levels) {
    List<LadderLevelDue> open = new ArrayList<>(levels.size());
    for (LadderLevelDue l : levels) {
      if (!data.done.containsKey(l.key())) {
        open.add(l);
      }
    }
    if (open.isEmpty()) {
      return;
    }
    open.sort(Comparator.comparingInt(LadderLevelDue::level));
    LadderLevelDue next = open.get(0);
    data.pending.put(next.key(), next);
    index.add(next);
    if (open.size() > 1) {
      data.later.put(key, List.copyOf(open.subList(1, open.size())));
    }
  }

  /**
   * After a ladder level is done: makes the clock's next level that is not done its due work.
   * Returns the action that undoes this.
   */
  private Runnable promote(TicketData data, DueWork done) {
    if (!(done instanceof LadderLevelDue l)) {
      return () -> { };
    }
    List<LadderLevelDue> rest = data.later.remove(l.clock());
    if (rest == null) {
      return () -> { };
    }
    schedule(data, l.clock(), rest);
    return () -> {
      for (DueWork w : schedule(data, l.clock())) {
        removePending(data, w);
      }
      data.later.put(l.clock(), rest);
    };
  }

  private boolean removePending(TicketData data, DueWork w) {
    if (data.pending.remove(w.key(), w)) {
      index.remove(w);
      return true;
    }
    return false;
  }

  @Override
  public boolean complete(DueWork work, Instant doneAt, TransactionContext transaction) {
    Objects.requireNonNull(work, "work");
    Objects.requireNonNull(doneAt, "doneAt");
    Objects.requireNonNull(transaction, "transaction");
    lock.writeLock().lock();
    try {
      TicketData data = find(work.tenant(), work.ticket());
      if (data == null || data.done.containsKey(work.key())
          || !work.equals(data.pending.get(work.key()))) {
        return false;
      }
      DoneWork done = new DoneWork(work, doneAt);
      data.done.put(work.key(), done);
      removePending(data, work);
      Runnable unpromote = promote(data, work);
      doneChanged(work);
      transaction.onRollback(() -> undoDone(data, done, unpromote));
      return true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void undoDone(TicketData data, DoneWork done, Runnable unpromote) {
    lock.writeLock().lock();
    try {
      unpromote.run();
      data.done.remove(done.work().key());
      data.pending.put(done.work().key(), done.work());
      index.add(done.work());
      doneChanged(done.work());
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public List<DueWork> due(Instant now, int limit) {
    Objects.requireNonNull(now, "now");
    checkLimit(limit);
    return read(() -> {
      List<DueWork> out = new ArrayList<>();
      Iterator<DueWork> it = index.iterator();
      while (out.size() < limit && it.hasNext()) {
        DueWork w = it.next();
        if (w.dueAt().isAfter(now)) {
          break;
        }
        if (!claimed.contains(WorkRef.of(w))) {
          out.add(w);
        }
      }
      return List.copyOf(out);
    });
  }

  @Override
  public int claim(List<? extends DueWork> work, Instant now, DueHandler handler) {
    Objects.requireNonNull(work, "work");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(handler, "handler");
    List<DueWork> batch = take(work);
    try {
      for (DueWork w : batch) {
        handler.handle(w);
      }
    } catch (RuntimeException | Error e) {
      release(batch);
      if (e instanceof Error error) {
        throw error;
      }
      throw new SlaStoreException("the due handler failed; none of the " + batch.size()
          + " pieces of due work claimed at " + now + " was recorded as done", e);
    }
    recordDone(batch, now);
    return batch.size();
  }

  private List<DueWork> take(List<? extends DueWork> work) {
    List<DueWork> batch = new ArrayList<>();
    lock.writeLock().lock();
    try {
      for (DueWork w : work) {
        TicketData data = find(w.tenant(), w.ticket());
        if (data != null && w.equals(data.pending.get(w.key())) && claimed.add(WorkRef.of(w))) {
          batch.add(w);
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
    return batch;
  }

  private void release(List<DueWork> batch) {
    lock.writeLock().lock();
    try {
      batch.forEach(w -> claimed.remove(WorkRef.of(w)));
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void recordDone(List<DueWork> batch, Instant now) {
    lock.writeLock().lock();
    try {
      for (DueWork w : batch) {
        TicketData data = dataFor(w.tenant(), w.ticket());
        data.done.putIfAbsent(w.key(), new DoneWork(w, now));
        claimed.remove(WorkRef.of(w));
        // Only a level that is still its clock's due work brings on the next one (a write while
        // the handler ran replaced the clock's schedule, and with it what follows).
        if (removePending(data, w)) {
          promote(data, w);
        }
        doneChanged(w);
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public Optional<Instant> nextDueAt() {
    return read(() -> index.isEmpty() ? Optional.empty() : Optional.of(index.first().dueAt()));
  }

  @Override
  public Optional<SlaClock> clock(ClockKey key) {
    Objects.requireNonNull(key, "key");
    return read(() -> {
      TicketData data = find(key.tenant(), key.ticket());
      Stamped s = data == null ? null : data.clocks.get(key);
      return Optional.ofNullable(s == null ? null : s.clock());
    });
  }

  @Override
  public List<SlaClock> clocks(TenantId tenant, TicketId ticket) {
    return read(() -> {
      TicketData data = find(tenant, ticket);
      return data == null ? List.of()
          : data.clocks.values().stream().map(Stamped::clock).toList();
    });
  }

  @Override
  public List<SlaClock> clocks(TenantId tenant, Instant fromInclusive, Instant toExclusive) {
    Objects.requireNonNull(tenant, "tenant");
    checkPeriod(fromInclusive, toExclusive);
    return read(() -> {
      List<SlaClock> out = new ArrayList<>();
      for (TicketData data : ticketsOf(tenant)) {
        for (Stamped s : data.clocks.values()) {
          SlaClock c = s.clock();
          if (c.startedAt().isBefore(toExclusive)
              && (c.stoppedAt() == null || !c.stoppedAt().isBefore(fromInclusive))) {
            out.add(c);
          }
        }
      }
      out.sort(Comparator.comparing(SlaClock::key));
      return List.copyOf(out);
    });
  }

  @Override
  public List<DueWork> pending(TenantId tenant, TicketId ticket) {
    return read(() -> {
      TicketData data = find(tenant, ticket);
      if (data == null) {
        return List.of();
      }
      List<DueWork> out = new ArrayList<>(data.pending.values());
      data.later.values().forEach(out::addAll);
      out.sort(DueWork.ORDER);
      return List.copyOf(out);
    });
  }

  @Override
  public List<DoneWork> done(TenantId tenant, TicketId ticket) {
    return read(() -> {
      TicketData data = find(tenant, ticket);
      return data == null ? List.of() : data.done.values().stream()
          .sorted(Comparator.comparing(DoneWork::work, DueWork.ORDER)).toList();
    });
  }

  @Override
  public List<DoneWork> done(TenantId tenant, Instant fromInclusive, Instant toExclusive) {
    Objects.requireNonNull(tenant, "tenant");
    checkPeriod(fromInclusive, toExclusive);
    return read(() -> {
      List<DoneWork> out = new ArrayList<>();
      for (TicketData data : ticketsOf(tenant)) {
        for (DoneWork d : data.done.values()) {
          if (!d.doneAt().isBefore(fromInclusive) && d.doneAt().isBefore(toExclusive)) {
            out.add(d);
          }
        }
      }
      out.sort(Comparator.comparing(DoneWork::doneAt)
          .thenComparing(DoneWork::work, DueWork.ORDER));
      return List.copyOf(out);
    });
  }

  private static void checkLimit(int limit) {
    if (limit < 1) {
      throw new InvalidInputException("limit", limit, "must be 1 or more");
    }
  }

  static void checkPeriod(Instant fromInclusive, Instant toExclusive) {
    Objects.requireNonNull(fromInclusive, "fromInclusive");
    Objects.requireNonNull(toExclusive, "toExclusive");
    if (!toExclusive.isAfter(fromInclusive)) {
      throw new InvalidInputException("toExclusive", toExclusive,
          "must be after fromInclusive " + fromInclusive);
    }
  }

  private Iterable<TicketData> ticketsOf(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    Map<TicketId, TicketData> tickets = tenants.get(tenant);
    return tickets == null ? List.of() : tickets.values();
  }

  private TicketData dataFor(TenantId tenant, TicketId ticket) {
    return tenants.computeIfAbsent(tenant, t -> new HashMap<>())
        .computeIfAbsent(ticket, t -> new TicketData());
  }

  private @Nullable TicketData find(TenantId tenant, TicketId ticket) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(ticket, "ticket");
    Map<TicketId, TicketData> tickets = tenants.get(tenant);
    return tickets == null ? null : tickets.get(ticket);
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
