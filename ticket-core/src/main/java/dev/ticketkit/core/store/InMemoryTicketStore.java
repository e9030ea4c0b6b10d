package dev.ticketkit.core.store;

import dev.ticketkit.core.ConversationEntry;
import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.StatusCategory;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketConflictException;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.TicketNotFoundException;
import dev.ticketkit.core.outbox.Outbox;
import dev.ticketkit.core.privacy.Erasure;
import dev.ticketkit.core.privacy.ErasureRecord;
import dev.ticketkit.core.privacy.PersonalDataStore;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A {@link TicketStore} that keeps everything in memory: for tests, demos and single-node hosts
 * that do not need durability.
 *
 * <p>Thread-safe: commits take one write lock (so a commit, its number allocation, its unit of
 * work and its outbox append are atomic with respect to every reader), reads share a read lock.
 * Tickets are kept per tenant, keyed by id and indexed by number; queries scan a tenant's tickets
 * in number order. It is also a {@link PersonalDataStore}: an erasure rewrites a ticket, its
 * history, conversation and outbox rows under the write lock. Create with {@link #create()}.
 */
public final class InMemoryTicketStore implements TicketStore, PersonalDataStore {

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<TenantId, TenantData> tenants = new HashMap<>();
  private final InMemoryOutbox outbox = new InMemoryOutbox();
  private final List<ErasureRecord> erasures = new ArrayList<>();

  /** One tenant's tickets. Guarded by the store's lock. */
  private static final class TenantData {
    final Map<TicketId, Ticket> tickets = new HashMap<>();
    final NavigableMap<Long, TicketId> byNumber = new TreeMap<>();
    final Map<TicketId, List<HistoryEntry>> history = new HashMap<>();
    final Map<TicketId, List<ConversationEntry>> conversation = new HashMap<>();
    /** Purged tickets, anonymised, kept for reports of past periods. */
    final Map<TicketId, dev.ticketkit.core.privacy.PurgedTicket> purged = new HashMap<>();
    long lastNumber;
  }

  private InMemoryTicketStore() {}

  /**
   * Returns a new, empty store.
   *
   * @return the store
   */
  public static InMemoryTicketStore create() {
    return new InMemoryTicketStore();
  }

  @Override
  public ChangeSet commit(ChangeSet changes, UnitOfWork work) {
    Objects.requireNonNull(changes, "changes");
    Objects.requireNonNull(work, "work");
    lock.writeLock().lock();
    try {
      TenantData data = tenants.computeIfAbsent(changes.tenant(), t -> new TenantData());
      checkVersion(data, changes);
      ChangeSet committed = changes.isNewTicket() ? changes.numbered(data.lastNumber + 1) : changes;
      runWork(committed, work);
      apply(data, committed);
      outbox.append(committed);
      return committed;
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public Optional<ChangeSet> update(TenantId tenant, TicketId id, long expectedVersion,
      TicketChange change, UnitOfWork work) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(work, "work");
    lock.writeLock().lock();
    try {
      TenantData data = tenants.get(tenant);
      Ticket current = data == null ? null : data.tickets.get(id);
      if (current == null) {
        throw new TicketNotFoundException(tenant, id);
      }
      if (current.version() != expectedVersion) {
        throw new TicketConflictException(tenant, id, expectedVersion, current.version());
      }
      ChangeSet changes = change.apply(current);
      if (changes == null) {
        return Optional.empty();
      }
      checkVersion(data, changes);
      runWork(changes, work);
      apply(data, changes);
      outbox.append(changes);
      return Optional.of(changes);
    } finally {
      lock.writeLock().unlock();
    }
  }

  private static void checkVersion(TenantData data, ChangeSet changes) {
    Ticket stored = data.tickets.get(changes.ticketId());
    long actual = stored == null ? ChangeSet.NEW_TICKET : stored.version();
    if (actual != changes.expectedVersion()) {
      throw new TicketConflictException(
          changes.tenant(), changes.ticketId(), changes.expectedVersion(), actual);
    }
  }

  private static void runWork(ChangeSet committed, UnitOfWork work) {
    Deque<Runnable> undo = new ArrayDeque<>();
    TransactionContext context = new TransactionContext() {
      @Override
      public <T> Optional<T> unwrap(Class<T> type) {
        return Optional.empty();
      }

      @Override
      public void onRollback(Runnable action) {
        undo.push(Objects.requireNonNull(action, "action"));
      }
    };
    try {
      work.run(committed, context);
    } catch (RuntimeException e) {
      undo.forEach(Runnable::run);
      throw e;
    }
  }

  private static void apply(TenantData data, ChangeSet changes) {
    TicketId id = changes.ticketId();
    Ticket old = data.tickets.put(id, changes.ticket());
    if (old == null) {
      data.lastNumber = changes.ticket().number();
    }
    data.byNumber.put(changes.ticket().number(), id);
    data.history.computeIfAbsent(id, k -> new ArrayList<>()).addAll(changes.history());
    data.conversation.computeIfAbsent(id, k -> new ArrayList<>()).addAll(changes.conversation());
  }

  @Override
  public boolean erase(TenantId tenant, TicketId id, long expectedVersion, Erasure erasure) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(erasure, "erasure");
    lock.writeLock().lock();
    try {
      TenantData data = tenants.get(Objects.requireNonNull(tenant, "tenant"));
      Ticket current = data == null ? null : data.tickets.get(Objects.requireNonNull(id, "id"));
      if (current == null || current.version() != expectedVersion) {
        return false;
      }
      Ticket erased = erased(current, erasure);
      List<HistoryEntry> history = rewrite(data.history.get(id), erasure);
      List<ConversationEntry> conversation = rewrite(data.conversation.get(id), erasure);
      data.tickets.put(id, erased);
      data.history.put(id, history);
      data.conversation.put(id, conversation);
      outbox.erase(tenant, id, erasure);
      return true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public int retain(TenantId tenant, Instant closedBefore, int limit, boolean purge,
      Function<TicketId, Erasure> plan) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(closedBefore, "closedBefore");
    Objects.requireNonNull(plan, "plan");
    if (limit < 1) {
      throw new InvalidInputException("limit", limit, "must be 1 or more");
    }
    lock.writeLock().lock();
    try {
      TenantData data = tenants.get(Objects.requireNonNull(tenant, "tenant"));
      List<Ticket> due = data == null ? List.of() : data.tickets.values().stream()
          .filter(t -> t.status().category() == StatusCategory.CLOSED
              && t.statusChangedAt().isBefore(closedBefore)
              && !t.requester().id().startsWith(Erasure.PSEUDONYM_PREFIX))
          .sorted(Comparator.comparing(Ticket::statusChangedAt)).limit(limit).toList();
      for (Ticket t : due) {
        if (purge) {
          Erasure erasure = plan.apply(t.id());
          data.purged.put(t.id(), new dev.ticketkit.core.privacy.PurgedTicket(
              erased(t, erasure), rewrite(data.history.get(t.id()), erasure)));
          data.tickets.remove(t.id());
          data.byNumber.remove(t.number());
          data.history.remove(t.id());
          data.conversation.remove(t.id());
          outbox.purge(tenant, t.id());
        } else {
          erase(tenant, t.id(), t.version(), plan.apply(t.id()));
        }
      }
      return due.size();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Returns a ticket with every stored text rewritten through an erasure. */
  private static Ticket erased(Ticket ticket, Erasure erasure) {
    Map<String, @Nullable Object> row = new HashMap<>(StoredTicket.write(ticket));
    row.replaceAll((column, value) -> value instanceof String s ? erasure.apply(s) : value);
    return StoredTicket.read(row::get);
  }

  private static <T> List<T> rewrite(@Nullable List<T> entries, Erasure erasure) {
    List<T> out = new ArrayList<>();
    if (entries != null) {
      entries.forEach(e -> out.add(erasure.rewrite(e)));
    }
    return out;
  }

  @Override
  public List<dev.ticketkit.core.privacy.PurgedTicket> purged(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    lock.readLock().lock();
    try {
      TenantData data = tenants.get(tenant);
      return data == null ? List.of() : List.copyOf(data.purged.values());
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void record(ErasureRecord record) {
    Objects.requireNonNull(record, "record");
    lock.writeLock().lock();
    try {
      erasures.add(record);
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public List<ErasureRecord> erasures(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    lock.readLock().lock();
    try {
      return erasures.stream().filter(r -> r.tenant().equals(tenant)).toList();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Outbox outbox() {
    return outbox;
  }

  @Override
  public Optional<Ticket> get(TenantId tenant, TicketId id) {
    Objects.requireNonNull(id, "id");
    return read(tenant, data -> Optional.ofNullable(data.tickets.get(id)), Optional.empty());
  }

  @Override
  public Page<Ticket> query(TenantId tenant, TicketQuery query) {
    Objects.requireNonNull(query, "query");
    return read(tenant, data -> page(data, query), new Page<>(List.of(), null));
  }

  private static Page<Ticket> page(TenantData data, TicketQuery query) {
    boolean oldestFirst = query.order() == TicketQuery.Order.OLDEST_FIRST;
    NavigableMap<Long, TicketId> ordered = oldestFirst ? data.byNumber
        : data.byNumber.descendingMap();
    if (query.after() != null) {
      // Start past the cursor: reading page after page stays linear in the tickets read.
      ordered = ordered.tailMap(query.after().afterNumber(), false);
    }
    List<Ticket> items = new ArrayList<>();
    for (TicketId id : ordered.values()) {
      Ticket t = data.tickets.get(id);
      if (query.isAfterCursor(t) && query.matches(t)) {
        if (items.size() == query.limit()) {
          return new Page<>(items, PageCursor.after(items.get(items.size() - 1).number()));
        }
        items.add(t);
      }
    }
    return new Page<>(items, null);
  }

  @Override
  public long count(TenantId tenant, TicketQuery query) {
    Objects.requireNonNull(query, "query");
    return read(tenant,
        data -> data.tickets.values().stream().filter(query::matches).count(), 0L);
  }

  @Override
  public List<HistoryEntry> history(TenantId tenant, TicketId id) {
    Objects.requireNonNull(id, "id");
    return read(tenant, data -> List.copyOf(data.history.getOrDefault(id, List.of())), List.of());
  }

  @Override
  public List<ConversationEntry> conversation(TenantId tenant, TicketId id) {
    Objects.requireNonNull(id, "id");
    return read(tenant,
        data -> List.copyOf(data.conversation.getOrDefault(id, List.of())), List.of());
  }

  private <T> T read(TenantId tenant, java.util.function.Function<TenantData, T> reader, T none) {
    Objects.requireNonNull(tenant, "tenant");
    lock.readLock().lock();
    try {
      TenantData data = tenants.get(tenant);
      return data == null ? none : reader.apply(data);
    } finally {
      lock.readLock().unlock();
    }
  }
}
