package dev.ticketkit.testkit.contract;

import static dev.ticketkit.testkit.contract.TicketFixtures.T0;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import dev.ticketkit.core.store.ChangeSet;
import dev.ticketkit.core.store.TicketStore;
import dev.ticketkit.core.store.UnitOfWork;

/**
 * What the store contract tests share: the store under test, two tenants unique to the test, and
 * helpers that commit genuine change sets (made by a {@link TicketService}, see
 * {@link TicketFixtures}) to it. Extend {@link TicketStoreContract}, not this class.
 */
public abstract class StoreContractSupport {


  /** The store under test, fresh for each test. */
  protected TicketStore store;
  /** A tenant unique to the test. */
  protected TenantId tenant;
  /** Another tenant unique to the test, which must never see the first one's data. */
  protected TenantId otherTenant;

  /**
   * Returns a new, empty store (or one whose data cannot clash with the test's random tenants).
   *
   * @return the store under test
   */
  protected abstract TicketStore createStore();

  @BeforeEach
  void setUpStore() {
    store = createStore();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    tenant = TenantId.of("t-" + suffix);
    otherTenant = TenantId.of("o-" + suffix);
  }

  /** Inserts a ticket (the store gives it the tenant's next number) and returns it as stored. */
  protected Ticket insert(TenantId owner, Duration afterT0) {
    return commit(TicketFixtures.opening(owner, T0.plus(afterT0))).ticket();
  }

  /** Returns the change set of a subject edit of a ticket, read from the store under test. */
  protected ChangeSet subject(Ticket current, Instant at, String subject) {
    return TicketFixtures.update(store, current, at, b -> b.subject(subject));
  }

  /** Returns the change set of one service call on the store under test, not yet committed. */
  protected ChangeSet change(Instant at, Function<TicketService, ?> call) {
    return TicketFixtures.change(store, at, call);
  }

  /** Commits the change set of one service call and returns the ticket as stored. */
  protected Ticket apply(Instant at, Function<TicketService, ?> call) {
    return commitUpdate(change(at, call));
  }

  /** Commits an update and returns the ticket as stored. */
  protected Ticket commitUpdate(ChangeSet changes) {
    store.commit(changes, UnitOfWork.NONE);
    return store.get(changes.tenant(), changes.ticketId()).orElseThrow();
  }

  /** Commits a change set without a unit of work. */
  protected ChangeSet commit(ChangeSet changes) {
    return store.commit(changes, UnitOfWork.NONE);
  }

  /** Runs a task on several threads started together, and waits for all of them. */
  protected static void runConcurrently(int threads, java.util.function.IntConsumer task)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int index = i;
        futures.add(pool.submit(() -> {
          start.await();
          task.accept(index);
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
