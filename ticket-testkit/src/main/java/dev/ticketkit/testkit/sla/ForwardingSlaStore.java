package dev.ticketkit.testkit.sla;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.store.TransactionContext;
import dev.ticketkit.sla.clock.ClockKey;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.store.DoneWork;
import dev.ticketkit.sla.store.DueHandler;
import dev.ticketkit.sla.store.DueWork;
import dev.ticketkit.sla.store.SlaChanges;
import dev.ticketkit.sla.store.SlaStore;
import dev.ticketkit.sla.store.TicketClocks;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@link SlaStore} that forwards every call to another store: override the calls you want to
 * observe or break. It is the seam for fault injection: wrap the store under test (in-memory or a
 * database store) in a subclass that, say, hands due work over twice or forgets to remove a
 * paused clock's schedule, and check that {@link SlaPolicyProperties} catches it.
 *
 * <pre>{@code
 * class DoubleFiring extends ForwardingSlaStore {
 *   DoubleFiring(SlaStore store) { super(store); }
 *   public int claim(List<? extends DueWork> work, Instant now, DueHandler handler) {
 *     return super.claim(work, now, due -> { handler.handle(due); handler.handle(due); });
 *   }
 * }
 * }</pre>
 *
 * <p>Thread-safe if the delegate is and the subclass keeps no unguarded state.
 */
public abstract class ForwardingSlaStore implements SlaStore {

  private final SlaStore delegate;

  /**
   * Creates a store forwarding to another.
   *
   * @param delegate the store that does the work
   */
  protected ForwardingSlaStore(SlaStore delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /**
   * Returns the store calls are forwarded to.
   *
   * @return the delegate
   */
  protected final SlaStore delegate() {
    return delegate;
  }

  /** {@inheritDoc} */
  @Override
  public TicketClocks currentClocks(TenantId tenant, TicketId ticket,
      TransactionContext transaction) {
    return delegate.currentClocks(tenant, ticket, transaction);
  }

  /** {@inheritDoc} */
  @Override
  public void write(SlaChanges changes, TransactionContext transaction) {
    delegate.write(changes, transaction);
  }

  /** {@inheritDoc} */
  @Override
  public boolean complete(DueWork work, Instant doneAt, TransactionContext transaction) {
    return delegate.complete(work, doneAt, transaction);
  }

  /** {@inheritDoc} */
  @Override
  public void write(SlaChanges changes) {
    delegate.write(changes);
  }

  /** {@inheritDoc} */
  @Override
  public List<DueWork> due(Instant now, int limit) {
    return delegate.due(now, limit);
  }

  /** {@inheritDoc} */
  @Override
  public int claim(List<? extends DueWork> work, Instant now, DueHandler handler) {
    return delegate.claim(work, now, handler);
  }

  /** {@inheritDoc} */
  @Override
  public Optional<Instant> nextDueAt() {
    return delegate.nextDueAt();
  }

  /** {@inheritDoc} */
  @Override
  public Optional<SlaClock> clock(ClockKey key) {
    return delegate.clock(key);
  }

  /** {@inheritDoc} */
  @Override
  public List<SlaClock> clocks(TenantId tenant, TicketId ticket) {
    return delegate.clocks(tenant, ticket);
  }

  /** {@inheritDoc} */
  @Override
  public List<SlaClock> clocks(TenantId tenant, Instant fromInclusive, Instant toExclusive) {
    return delegate.clocks(tenant, fromInclusive, toExclusive);
  }

  /** {@inheritDoc} */
  @Override
  public List<DueWork> pending(TenantId tenant, TicketId ticket) {
    return delegate.pending(tenant, ticket);
  }

  /** {@inheritDoc} */
  @Override
  public List<DoneWork> done(TenantId tenant, TicketId ticket) {
    return delegate.done(tenant, ticket);
  }

  /** {@inheritDoc} */
  @Override
  public List<DoneWork> done(TenantId tenant, Instant fromInclusive, Instant toExclusive) {
    return delegate.done(tenant, fromInclusive, toExclusive);
  }
}
