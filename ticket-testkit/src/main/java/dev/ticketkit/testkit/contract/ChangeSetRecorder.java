package dev.ticketkit.testkit.contract;

import dev.ticketkit.core.ConversationEntry;
import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.outbox.Outbox;
import dev.ticketkit.core.store.ChangeSet;
import dev.ticketkit.core.store.Page;
import dev.ticketkit.core.store.TicketQuery;
import dev.ticketkit.core.store.TicketStore;
import dev.ticketkit.core.store.TicketChange;
import dev.ticketkit.core.store.UnitOfWork;
import dev.ticketkit.core.TicketConflictException;
import dev.ticketkit.core.TicketNotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Produces genuine change sets without writing them: a {@link TicketService} over a store that
 * reads through to a source store and records what the service commits instead of writing it.
 * The test then commits the recorded change set to the store under test itself, so the store is
 * tested on its own with change sets only the service can make. Each call builds its own service,
 * so a recorder may be used from several threads.
 */
final class ChangeSetRecorder implements TicketStore {

  private final TicketStore source;
  private final List<ChangeSet> recorded = new ArrayList<>();

  private ChangeSetRecorder(TicketStore source) {
    this.source = source;
  }

  /**
   * Runs one service call at an instant and returns the one change set it committed.
   *
   * @param source where the service reads tickets (the store under test, or a scratch store)
   * @param at the service clock's instant
   * @param ids the ids the service gives new tickets
   * @param call the call
   * @return the change set
   * @throws IllegalStateException if the call committed no change set or several
   */
  static ChangeSet record(TicketStore source, Instant at, Supplier<TicketId> ids,
      Function<TicketService, ?> call) {
    ChangeSetRecorder recorder = new ChangeSetRecorder(source);
    TicketService service = TicketService.builder().store(recorder)
        .clock(Clock.fixed(at, ZoneOffset.UTC)).workflow(TicketFixtures.WORKFLOW).ids(ids)
        .build();
    call.apply(service);
    if (recorder.recorded.size() != 1) {
      throw new IllegalStateException(
          "the call committed " + recorder.recorded.size() + " change sets, not one");
    }
    return recorder.recorded.get(0);
  }

  /**
   * Returns a change for {@link TicketStore#update}: the change set one service call makes from
   * the ticket the store reads under its lock. The call's service sees that ticket only, so the
   * change never calls into a store.
   *
   * @param at the service clock's instant
   * @param call the call, given the service and the locked ticket
   * @return the change
   */
  static TicketChange asChange(Instant at, BiFunction<TicketService, Ticket, ?> call) {
    return current -> record(new OneTicket(current), at, () -> TicketId.of(UUID.randomUUID()),
        s -> call.apply(s, current));
  }

  /** A read-only source that holds one ticket. */
  private record OneTicket(Ticket ticket) implements TicketStore {

    @Override
    public ChangeSet commit(ChangeSet changes, UnitOfWork work) {
      throw new UnsupportedOperationException("read-only");
    }

    @Override
    public Optional<ChangeSet> update(TenantId tenant, TicketId id, long expectedVersion,
        TicketChange change, UnitOfWork work) {
      throw new UnsupportedOperationException("read-only");
    }

    @Override
    public Optional<Ticket> get(TenantId tenant, TicketId id) {
      return ticket.tenant().equals(tenant) && ticket.id().equals(id)
          ? Optional.of(ticket) : Optional.empty();
    }

    @Override
    public Page<Ticket> query(TenantId tenant, TicketQuery query) {
      throw new UnsupportedOperationException("one ticket only");
    }

    @Override
    public long count(TenantId tenant, TicketQuery query) {
      throw new UnsupportedOperationException("one ticket only");
    }

    @Override
    public List<HistoryEntry> history(TenantId tenant, TicketId id) {
      throw new UnsupportedOperationException("one ticket only");
    }

    @Override
    public List<ConversationEntry> conversation(TenantId tenant, TicketId id) {
      throw new UnsupportedOperationException("one ticket only");
    }

    @Override
    public Outbox outbox() {
      throw new UnsupportedOperationException("one ticket only");
    }
  }

  @Override
  public ChangeSet commit(ChangeSet changes, UnitOfWork work) {
    recorded.add(changes);
    return changes;
  }

  @Override
  public Optional<ChangeSet> update(TenantId tenant, TicketId id, long expectedVersion,
      TicketChange change, UnitOfWork work) {
    Ticket current = source.get(tenant, id)
        .orElseThrow(() -> new TicketNotFoundException(tenant, id));
    if (current.version() != expectedVersion) {
      throw new TicketConflictException(tenant, id, expectedVersion, current.version());
    }
    ChangeSet changes = change.apply(current);
    if (changes != null) {
      recorded.add(changes);
    }
    return Optional.ofNullable(changes);
  }

  @Override
  public Optional<Ticket> get(TenantId tenant, TicketId id) {
    return source.get(tenant, id);
  }

  @Override
  public Page<Ticket> query(TenantId tenant, TicketQuery query) {
    return source.query(tenant, query);
  }

  @Override
  public long count(TenantId tenant, TicketQuery query) {
    return source.count(tenant, query);
  }

  @Override
  public List<HistoryEntry> history(TenantId tenant, TicketId id) {
    return source.history(tenant, id);
  }

  @Override
  public List<ConversationEntry> conversation(TenantId tenant, TicketId id) {
    return source.conversation(tenant, id);
  }

  @Override
  public Outbox outbox() {
    return source.outbox();
  }
}
