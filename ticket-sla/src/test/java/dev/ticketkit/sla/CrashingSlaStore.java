package dev.ticketkit.sla;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.store.TransactionContext;
import dev.ticketkit.sla.clock.ClockKey;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.store.DueEscalation;
import dev.ticketkit.sla.store.DueHandler;
import dev.ticketkit.sla.store.FiredEscalation;
import dev.ticketkit.sla.store.SlaChanges;
import dev.ticketkit.sla.store.SlaStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SLA store that passes everything to another, except that its next {@code processDue} call
 * can be made to fail before handing anything over (a post-commit step that never ran) or after
 * its handler acted but before the claim commits (a process that died inside a claim: the
 * delegate rolls the claim back, so the entries are handed over again).
 */
final class CrashingSlaStore implements SlaStore {

  private enum Crash { NONE, BEFORE_HANDLING, AFTER_HANDLING }

  private final SlaStore delegate;
  private volatile Crash next = Crash.NONE;
  private volatile int crashAfter;

  CrashingSlaStore(SlaStore delegate) {
    this.delegate = delegate;
  }

  void failNextCallBeforeHandling() {
    next = Crash.BEFORE_HANDLING;
  }

  /** Makes the next call fail right after its handler handled {@code entries} entries. */
  void failNextCallAfterHandling(int entries) {
    next = Crash.AFTER_HANDLING;
    crashAfter = entries;
  }

  @Override
  public int processDue(Instant now, int limit, DueHandler handler) {
    Crash crash = next;
    next = Crash.NONE;
    if (crash == Crash.BEFORE_HANDLING) {
      throw new IllegalStateException("simulated crash before the claim");
    }
    if (crash == Crash.NONE) {
      return delegate.processDue(now, limit, handler);
    }
    AtomicInteger handled = new AtomicInteger();
    return delegate.processDue(now, limit, due -> {
      handler.handle(due);
      if (handled.incrementAndGet() == crashAfter) {
        throw new IllegalStateException("simulated crash before the claim commits");
      }
    });
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
  public Optional<SlaClock> clock(ClockKey key) {
    return delegate.clock(key);
  }

  @Override
  public List<SlaClock> clocks(TenantId tenant, TicketId ticket) {
    return delegate.clocks(tenant, ticket);
  }

  @Override
  public List<DueEscalation> pending(ClockKey key) {
    return delegate.pending(key);
  }

  @Override
  public List<FiredEscalation> fired(TenantId tenant, TicketId ticket) {
    return delegate.fired(tenant, ticket);
  }

  @Override
  public Optional<Instant> nextDueAt() {
    return delegate.nextDueAt();
  }
}
