package dev.ticketkit.testkit.contract;

import static dev.ticketkit.testkit.contract.SlaFixtures.key;
import static dev.ticketkit.testkit.contract.SlaFixtures.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.store.TransactionContext;
import dev.ticketkit.sla.clock.ClockKey;
import dev.ticketkit.sla.clock.SlaMetric;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.ticketkit.sla.store.ClockUpdate;
import dev.ticketkit.sla.store.DueEscalation;
import dev.ticketkit.sla.store.FiredEscalation;
import dev.ticketkit.sla.store.SlaChanges;
import dev.ticketkit.sla.store.SlaStore;
import dev.ticketkit.sla.store.SlaStoreException;

/**
 * The {@link SlaStore#processDue} half of the store contract; extend {@link SlaStoreContract},
 * which includes it. Each test schedules its entries around its own base instant, a random day
 * in 2090, so tests sharing a database do not take each other's entries as long as they process
 * only up to instants near their base.
 */
public abstract class SlaStoreProcessContract {

  /** The store under test, fresh for each test. */
  protected SlaStore store;
  /** A tenant of this test only. */
  protected TenantId tenant;
  /** A ticket of this test only. */
  protected TicketId ticket;
  /** This test's base instant. */
  protected Instant base;

  /**
   * Returns a new store to test; each call may return a fresh, empty store or one over a shared
   * schema.
   *
   * @return the store
   */
  protected abstract SlaStore createStore();

  /**
   * Runs work in a transaction of the kind a ticket store hands its commit participants, then
   * commits it or rolls it back. The default gives a context with nothing to unwrap whose
   * rollback runs the registered undo actions, as the in-memory ticket store does; a database
   * store overrides it to open a real transaction and expose it through
   * {@link TransactionContext#unwrap(Class)}.
   *
   * @param commit true to commit, false to roll back
   * @param work the work, given the context
   */
  protected void inTicketTransaction(boolean commit, Consumer<TransactionContext> work) {
    Deque<Runnable> undo = new ArrayDeque<>();
    work.accept(new TransactionContext() {
      @Override
      public <T> Optional<T> unwrap(Class<T> type) {
        return Optional.empty();
      }

      @Override
      public void onRollback(Runnable action) {
        undo.push(action);
      }
    });
    if (!commit) {
      undo.forEach(Runnable::run);
    }
  }

  @BeforeEach
  void freshStore() {
    store = createStore();
    tenant = SlaFixtures.tenant("sla");
    ticket = SlaFixtures.ticket();
    long day = 1 + (long) (Math.random() * 3000);
    base = Instant.parse("2090-01-01T00:00:00Z").plus(Duration.ofDays(day));
  }

  /** Releases what the test left; database stores may override to clean their tenant. */
  @AfterEach
  protected void cleanUp() {}

  private ClockKey clockKey(SlaMetric metric, int cycle) {
    return key(tenant, ticket, metric, cycle);
  }

  private List<DueEscalation> schedule(ClockKey k, int... minutes) {
    List<DueEscalation> out = new ArrayList<>();
    for (int i = 0; i < minutes.length; i++) {
      out.add(new DueEscalation(k, i + 1, base.plus(Duration.ofMinutes(minutes[i]))));
    }
    return out;
  }

  private void put(ClockKey k, List<DueEscalation> schedule) {
    store.write(SlaChanges.of(new ClockUpdate(running(k), schedule)));
  }

  private Instant at(int minutes) {
    return base.plus(Duration.ofMinutes(minutes));
  }

  private List<DueEscalation> drain(Instant now, int limit) {
    List<DueEscalation> seen = new ArrayList<>();
    store.processDue(now, limit, seen::add);
    return seen;
  }

  @Test
  void nothingIsDueBeforeItsInstantAndTheInstantIsInclusive() {
    ClockKey k = clockKey(SlaMetric.RESOLUTION, 1);
    put(k, schedule(k, 10));

    assertThat(drain(at(10).minusNanos(1), 100)).isEmpty();
    assertThat(drain(at(10), 100)).containsExactly(new DueEscalation(k, 1, at(10)));
  }

  @Test
  void dueEntriesComeInDueOrderUpToTheLimit() {
    ClockKey a = clockKey(SlaMetric.RESOLUTION, 1);
    ClockKey b = clockKey(SlaMetric.FIRST_RESPONSE, 1);
    put(a, schedule(a, 5, 20, 40));
    put(b, schedule(b, 10, 30));

    assertThat(store.processDue(at(35), 2, d -> { })).isEqualTo(2);
    List<DueEscalation> rest = drain(at(35), 10);
    assertThat(rest).extracting(DueEscalation::dueAt).containsExactly(at(20), at(30));
    assertThat(store.pending(a)).extracting(DueEscalation::level).containsExactly(3);
    assertThat(store.pending(b)).isEmpty();
  }

  @Test
  void aFiredEntryIsNeverHandedOverAgain() {
    ClockKey k = clockKey(SlaMetric.RESOLUTION, 1);
    put(k, schedule(k, 10, 20));

    assertThat(drain(at(15), 10)).hasSize(1);
    assertThat(drain(at(15), 10)).isEmpty();
    assertThat(drain(at(25), 10)).extracting(DueEscalation::level).containsExactly(2);
    assertThat(drain(at(500), 10)).isEmpty();
  }

  @Test
  void theFiredRecordKeepsTheDueInstantAndTheProcessingInstant() {
    ClockKey k = clockKey(SlaMetric.NEXT_RESPONSE, 2);
    put(k, schedule(k, 10));
    drain(at(12), 10);

    assertThat(store.fired(tenant, ticket))
        .containsExactly(new FiredEscalation(k, 1, at(10), at(12)));
  }

  @Test
  void aFiredLevelIsNotScheduledAgainByALaterWrite() {
    ClockKey k = clockKey(SlaMetric.RESOLUTION, 1);
    put(k, schedule(k, 10, 20));
    drain(at(10), 10);
    put(k, schedule(k, 30, 40));

    assertThat(store.pending(k)).extracting(DueEscalation::level).containsExactly(2);
    assertThat(drain(at(100), 10)).containsExactly(new DueEscalation(k, 2, at(40)));
  }

  @Test
  void aFailingHandlerRecordsNothingAndTheEntriesAreDueAgain() {
    ClockKey k = clockKey(SlaMetric.RESOLUTION, 1);
    put(k, schedule(k, 10, 20));
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(() -> store.processDue(at(30), 10, d -> {
      if (calls.incrementAndGet() == 2) {
        throw new IllegalStateException("notifier down");
      }
    })).isInstanceOf(SlaStoreException.class).hasRootCauseMessage("notifier down");

    assertThat(store.fired(tenant, ticket)).isEmpty();
    assertThat(drain(at(30), 10)).hasSize(2);
  }

  @Test
  void theHandlerMayRewriteTheClockItHandlesWithoutBlocking() {
    ClockKey k = clockKey(SlaMetric.RESOLUTION, 1);
    put(k, schedule(k, 10, 20, 30));
    SlaStoreContract.withinSeconds(20, () -> store.processDue(at(10), 10,
        d -> put(k, schedule(k, 12, 40, 60))));

    assertThat(store.pending(k)).extracting(DueEscalation::level).containsExactly(2, 3);
    assertThat(drain(at(30), 10)).isEmpty();
    assertThat(drain(at(40), 10)).containsExactly(new DueEscalation(k, 2, at(40)));
  }

  @Test
  void theHandlerMayWriteInsideATicketTransactionWithoutBlocking() {
    ClockKey k = clockKey(SlaMetric.RESOLUTION, 1);
    put(k, schedule(k, 10, 20));
    SlaStoreContract.withinSeconds(20, () -> store.processDue(at(10), 10,
        d -> inTicketTransaction(true, tx -> store.write(
            SlaChanges.of(ClockUpdate.withoutSchedule(running(k))), tx))));

    assertThat(store.pending(k)).isEmpty();
    assertThat(store.fired(tenant, ticket)).extracting(FiredEscalation::level).containsExactly(1);
  }

  @Test
  void concurrentCallsHandEachEntryToExactlyOneHandler() throws Exception {
    List<ClockKey> keys = new ArrayList<>();
    for (int cycle = 1; cycle <= 40; cycle++) {
      ClockKey k = clockKey(SlaMetric.PERIODIC_UPDATE, cycle);
      keys.add(k);
      put(k, schedule(k, cycle % 7, 10 + cycle % 5, 20));
    }
    Map<DueEscalation, AtomicInteger> seen = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        runs.add(pool.submit(() -> {
          while (store.processDue(at(30), 7,
              d -> seen.computeIfAbsent(d, x -> new AtomicInteger()).incrementAndGet()) > 0) {
            Thread.onSpinWait();
          }
        }));
      }
      for (Future<?> f : runs) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(seen).hasSize(120);
    assertThat(seen.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
    assertThat(store.fired(tenant, ticket)).hasSize(120);
  }

  @Test
  void aLimitBelowOneIsRejected() {
    assertThatThrownBy(() -> store.processDue(base, 0, d -> { }))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void pendingAndFiredAreKeptPerTenant() {
    TenantId other = SlaFixtures.tenant("other");
    ClockKey mine = clockKey(SlaMetric.RESOLUTION, 1);
    ClockKey theirs = key(other, ticket, SlaMetric.RESOLUTION, 1);
    put(mine, schedule(mine, 10));
    put(theirs, schedule(theirs, 20));
    drain(at(10), 10);

    assertThat(store.fired(other, ticket)).isEmpty();
    assertThat(store.pending(theirs)).hasSize(1);
    assertThat(store.fired(tenant, ticket)).hasSize(1);
  }
}
