package dev.ticketkit.sla;

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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SLA store that passes everything to another, except that its next {@code claim} can be
 * made to fail before handing anything over (a post-commit step that never ran) or after its
 * handler acted but before the claim commits (a process that died inside a claim: the delegate
 * rolls the claim back, so the work is handed over again), and its next {@code complete} can be
 * made to fail (a connection lost inside the ticket commit that carries out the work: the whole
 * ticket change rolls back).
 */
final class CrashingSlaStore implements SlaStore {

  private enum Crash { NONE, BEFORE_HANDLING, AFTER_HANDLING }

  private final SlaStore delegate;
  private volatile Crash next = Crash.NONE;
  private volatile int crashAfter;
  private volatile boolean failComplete;

  CrashingSlaStore(SlaStore delegate) {
    this.delegate = delegate;
  }

  void failNextClaimBeforeHandling() {
    next = Crash.BEFORE_HANDLING;
  }

  /** Makes the next claim fail right after its handler handled {@code pieces} pieces. */
  void failNextClaimAfterHandling(int pieces) {
    next = Crash.AFTER_HANDLING;
    crashAfter = pieces;
  }

  /** Makes the next {@code complete} fail, as a lost connection would. */
  void failNextComplete() {
    failComplete = true;
  }

  @Override
  public int claim(List<? extends DueWork> work, Instant now, DueHandler handler) {
    Crash crash = next;
    next = Crash.NONE;
    if (crash == Crash.BEFORE_HANDLING) {
      throw new IllegalStateException("simulated crash before the claim");
    }
    if (crash == Crash.NONE) {
      return delegate.claim(work, now, handler);
    }
    AtomicInteger handled = new AtomicInteger();
    return delegate.claim(work, now, due -> {
      handler.handle(due);
      if (handled.incrementAndGet() == crashAfter) {
        throw new IllegalStateException("simulated crash before the claim commits");
      }
    });
  }

  @Override
  public boolean complete(DueWork work, Instant doneAt, TransactionContext transaction) {
    if (failComplete) {
      failComplete = false;
      throw new IllegalStateException("simulated connection loss inside the ticket commit");
    }
    return delegate.complete(work, doneAt, transaction);
  }

  @Override
  public TicketClocks currentClocks(TenantId tenant, TicketId ticket,
      TransactionContext transaction) {
    return delegate.currentClocks(tenant, ticket, transaction);
  }

  @Override
  public void write(SlaChanges changes, TransactionContext transaction) {
    delegate.write(changes, transaction);
  }

  @Override
  public void write(SlaChanges changes) {
    delegate.write(changes);
  }

  @Override
  public List<DueWork> due(Instant now, int limit) {
    return delegate.due(now, limit);
  }

  @Override
  public Optional<Instant> nextDueAt() {
    return delegate.nextDueAt();
  }

  @Override
  public Optional<SlaClock> clock(ClockKey key) {
    return delegate.clock(key);
  }

  @Override
  public List<SlaClock> clocks(TenantId tenant, TicketId ticket) {
    return delegate.clocks(tenant, ticket);
  }

  @Override
  public List<SlaClock> clocks(TenantId tenant, Instant fromInclusive, Instant toExclusive) {
    return delegate.clocks(tenant, fromInclusive, toExclusive);
  }

  @Override
  public List<DueWork> pending(TenantId tenant, TicketId ticket) {
    return delegate.pending(tenant, ticket);
  }

  @Override
  public List<DoneWork> done(TenantId tenant, TicketId ticket) {
    return delegate.done(tenant, ticket);
  }

  @Override
  public List<DoneWork> done(TenantId tenant, Instant fromInclusive, Instant toExclusive) {
    return delegate.done(tenant, fromInclusive, toExclusive);
  }
}
