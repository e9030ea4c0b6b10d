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
import dev.ticketkit.sla.store.ClockUpdate;
import dev.ticketkit.sla.store.DoneWork;
import dev.ticketkit.sla.store.DueWork;
import dev.ticketkit.sla.store.EventRuleDue;
import dev.ticketkit.sla.store.LadderLevelDue;
import dev.ticketkit.sla.store.SlaChanges;
import dev.ticketkit.sla.store.SlaStore;
import dev.ticketkit.sla.store.SlaStoreException;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The due-work half of the SLA store contract ({@link SlaStore#due}, {@link SlaStore#claim},
 * {@link SlaStore#complete}); extend {@link SlaStoreContract}, which includes it. Each test
 * schedules its work around its own base instant, a random day in 2090, so tests sharing a
 * database do not take each other's work as long as they read only up to instants near their
 * base.
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
   * Runs work in a transaction of the kind a ticket store hands its unit of work, then commits
   * it or rolls it back. The default gives a context with nothing to unwrap whose rollback runs
   * the registered undo actions, as the in-memory ticket store does; a database store overrides
   * it to open a real transaction and expose it through {@link TransactionContext#unwrap(Class)}.
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

  private List<LadderLevelDue> schedule(ClockKey k, int... minutes) {
    List<LadderLevelDue> out = new ArrayList<>();
    for (int i = 0; i < minutes.length; i++) {
      out.add(new LadderLevelDue(k, i + 1, base.plus(Duration.ofMinutes(minutes[i]))));
    }
    return out;
  }

  private void put(ClockKey k, List<LadderLevelDue> schedule) {
    store.write(SlaChanges.of(new ClockUpdate(running(k), schedule)));
  }

  private Instant at(int minutes) {
    return base.plus(Duration.ofMinutes(minutes));
  }

  /** Reads what is due and claims it, as a tick does; returns what was handed over. */
  private List<DueWork> drain(Instant now, int limit) {
    List<DueWork> seen = new ArrayList<>();
    store.claim(store.due(now, limit), now, seen::add);
    return seen;
  }

  private List<DueWork> pendingOf(ClockKey k) {
    return store.pending(k.tenant(), k.ticket()).stream()
        .filter(w -> w instanceof LadderLevelDue l && l.clock().equals(k)).toList();
  }

  @Test
  void nothingIsDueBeforeItsInstantAndTheInstantIsInclusive() {
    ClockKey k = clockKey(SlaMetric.RESOLUTION, 1);
    put(k, schedule(k, 10));

    assertThat(drain(at(10).minusNanos(1000), 100)).isEmpty();
    assertThat(drain(at(10), 100)).containsExactly(new LadderLevelDue(k, 1, at(10)));
  }

  @Test
  void dueWorkComesInDueOrderUpToTheLimitLevelsAndRulesAlike() {
    ClockKey a = clockKey(SlaMetric.RESOLUTION, 1);
    ClockKey b = clockKey(SlaMetric.FIRST_RESPONSE, 1);
    put(a, schedule(a, 5, 20, 40));
    put(b, schedule(b, 10, 30));
    EventRuleDue rule = SlaFixtures.rule(tenant, ticket, 0, at(25));
    store.write(new SlaChanges(2, List.of(), List.of(rule)));

    assertThat(store.due(at(35), 2)).extracting(DueWork::dueAt).containsExactly(at(5), at(10));
    assertThat(drain(at(35), 2)).hasSize(2);
    List<DueWork> rest = drain(at(35), 10);
    assertThat(rest).extracting(DueWork::dueAt).containsExactly(at(20), at(25), at(30));
    assertThat(rest).contains(rule);
    assertThat(pendingOf(a)).extracting(w -> ((LadderLevelDue) w).level()).containsExactly(3);
    assertThat(pendingOf(b)).isEmpty();
  }

  @Test
  void doneWorkIsNeverHandedOverAgain() {
    ClockKey k = clockKey(SlaMetric.RESOLUTION, 1);
    put(k, schedule(k, 10, 20));

    assertThat(drain(at(15), 10)).hasSize(1);
    assertThat(drain(at(15), 10)).isEmpty();
    assertThat(drain(at(25), 10)).extracting(w -> ((LadderLevelDue) w).level()).containsExactly(2);
    assertThat(drain(at(500), 10)).isEmpty();
  }

  @Test
  void theDoneRecordKeepsTheWorkWithItsDueInstantAndTheDoneInstant() {
    ClockKey k = clockKey(SlaMetric.NEXT_RESPONSE, 2);
    put(k, schedule(k, 10));
    drain(at(12), 10);

    assertThat(store.done(tenant, ticket))
        .containsExactly(new DoneWork(new LadderLevelDue(k, 1, at(10)), at(12)));
  }

  @Test
  void aDoneLevelIsNotScheduledAgainByALaterWrite() {
    ClockKey k = clockKey(SlaMetric.RESOLUTION, 1);
    put(k, schedule(k, 10, 20));
    drain(at(10), 10);
    put(k, schedule(k, 30, 40));

    assertThat(pendingOf(k)).extracting(w -> ((LadderLevelDue) w).level()).containsExactly(2);
    assertThat(drain(at(100), 10)).containsExactly(new LadderLevelDue(k, 2, at(40)));
  }

  @Test
  void aFailingHandlerRecordsNothingAndTheWorkIsDueAgain() {
    ClockKey k = clockKey(SlaMetric.RESOLUTION, 1);
    ClockKey other = clockKey(SlaMetric.FIRST_RESPONSE, 1);
    put(k, schedule(k, 10));
    put(other, schedule(other, 20));
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(() -> store.claim(store.due(at(30), 10), at(30), d -> {
      if (calls.incrementAndGet() == 2) {
        throw new IllegalStateException("notifier down");
      }
    })).isInstanceOf(SlaStoreException.class).hasRootCauseMessage("notifier down");

    assertThat(store.done(tenant, ticket)).isEmpty();
    assertThat(drain(at(30), 10)).hasSize(2);
  }

  @Test
  void aClaimSkipsWorkRescheduledSinceItWasRead() {
    ClockKey k = clockKey(SlaMetric.RESOLUTION, 1);
    put(k, schedule(k, 10));
    List<DueWork> read = store.due(at(10), 10);
    put(k, schedule(k, 60));

    assertThat(store.claim(read, at(10), d -> { })).isZero();
    assertThat(pendingOf(k)).containsExactly(new LadderLevelDue(k, 1, at(60)));
  }

  @Test
  void concurrentClaimsHandEachPieceToExactlyOneHandler() throws Exception {
    for (int cycle = 1; cycle <= 40; cycle++) {
      ClockKey k = clockKey(SlaMetric.PERIODIC_UPDATE, cycle);
      put(k, schedule(k, cycle % 7, 10 + cycle % 5, 20));
    }
    Map<DueWork, AtomicInteger> seen = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        runs.add(pool.submit(() -> {
          for (List<DueWork> due = store.due(at(30), 7); !due.isEmpty();
              due = store.due(at(30), 7)) {
            store.claim(due, at(30),
                d -> seen.computeIfAbsent(d, x -> new AtomicInteger()).incrementAndGet());
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
    assertThat(store.done(tenant, ticket)).hasSize(120);
  }

  @Test
  void onlyAClocksNextLevelIsDueWorkAndEachFollowsTheOneBefore() {
    ClockKey k = clockKey(SlaMetric.RESOLUTION, 1);
    put(k, schedule(k, 10, 20, 30));

    assertThat(store.due(at(100), 10)).containsExactly(new LadderLevelDue(k, 1, at(10)));
    assertThat(store.nextDueAt()).contains(at(10));
    assertThat(pendingOf(k)).containsExactlyElementsOf(schedule(k, 10, 20, 30));

    assertThat(drain(at(100), 10)).containsExactly(new LadderLevelDue(k, 1, at(10)));
    assertThat(store.due(at(100), 10)).containsExactly(new LadderLevelDue(k, 2, at(20)));
    assertThat(store.nextDueAt()).contains(at(20));
    assertThat(pendingOf(k)).containsExactlyElementsOf(schedule(k, 10, 20, 30).subList(1, 3));

    assertThat(drain(at(25), 10)).containsExactly(new LadderLevelDue(k, 2, at(20)));
    assertThat(drain(at(25), 10)).as("level 3 is due at 30").isEmpty();
    assertThat(drain(at(30), 10)).containsExactly(new LadderLevelDue(k, 3, at(30)));
    assertThat(pendingOf(k)).isEmpty();
    assertThat(store.nextDueAt()).isEmpty();
  }

  @Test
  void aFailedClaimDoesNotScheduleTheNextLevel() {
    ClockKey k = clockKey(SlaMetric.RESOLUTION, 1);
    put(k, schedule(k, 10, 20));

    assertThatThrownBy(() -> store.claim(store.due(at(30), 10), at(30), d -> {
      throw new IllegalStateException("notifier down");
    })).isInstanceOf(SlaStoreException.class);

    assertThat(store.due(at(30), 10)).containsExactly(new LadderLevelDue(k, 1, at(10)));
    assertThat(drain(at(30), 10)).containsExactly(new LadderLevelDue(k, 1, at(10)));
    assertThat(drain(at(30), 10)).containsExactly(new LadderLevelDue(k, 2, at(20)));
  }

  @Test
  void aRewriteAfterALevelFiredSchedulesTheFirstLevelNotDoneWithTheRestBehindIt() {
    ClockKey k = clockKey(SlaMetric.RESOLUTION, 1);
    put(k, schedule(k, 10, 20, 30));
    drain(at(10), 10);
    // A retarget moves every level; level 1 is done, so level 2 is next, level 3 behind it.
    store.write(new SlaChanges(5, List.of(new ClockUpdate(running(k), schedule(k, 40, 50, 60))),
        List.of()));

    assertThat(store.due(at(100), 10)).containsExactly(new LadderLevelDue(k, 2, at(50)));
    assertThat(drain(at(100), 10)).containsExactly(new LadderLevelDue(k, 2, at(50)));
    assertThat(drain(at(100), 10)).containsExactly(new LadderLevelDue(k, 3, at(60)));
    assertThat(store.done(tenant, ticket)).extracting(d -> ((LadderLevelDue) d.work()).level())
        .containsExactly(1, 2, 3);
  }

  @Test
  void aLimitBelowOneIsRejected() {
    assertThatThrownBy(() -> store.due(base, 0)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void pendingAndDoneAreKeptPerTenant() {
    TenantId other = SlaFixtures.tenant("other");
    ClockKey mine = clockKey(SlaMetric.RESOLUTION, 1);
    ClockKey theirs = key(other, ticket, SlaMetric.RESOLUTION, 1);
    put(mine, schedule(mine, 10));
    put(theirs, schedule(theirs, 20));
    drain(at(10), 10);

    assertThat(store.done(other, ticket)).isEmpty();
    assertThat(pendingOf(theirs)).hasSize(1);
    assertThat(store.done(tenant, ticket)).hasSize(1);
  }

  @Test
  void anEventRuleIsAddedOnceAndDoneOnce() {
    EventRuleDue rule = SlaFixtures.rule(tenant, ticket, 1, at(5));
    store.write(new SlaChanges(2, List.of(), List.of(rule)));
    store.write(new SlaChanges(2, List.of(), List.of(rule)));
    assertThat(store.pending(tenant, ticket)).containsExactly(rule);

    assertThat(drain(at(5), 10)).containsExactly(rule);
    store.write(new SlaChanges(2, List.of(), List.of(rule)));
    assertThat(store.pending(tenant, ticket)).isEmpty();
    assertThat(store.done(tenant, ticket)).extracting(DoneWork::work).containsExactly(rule);
  }

  @Test
  void completeRecordsPendingWorkInTheTicketTransactionOnlyOnce() {
    ClockKey k = clockKey(SlaMetric.RESOLUTION, 1);
    put(k, schedule(k, 10, 20));
    LadderLevelDue first = new LadderLevelDue(k, 1, at(10));
    AtomicBoolean recorded = new AtomicBoolean();

    inTicketTransaction(false, tx -> recorded.set(store.complete(first, at(11), tx)));
    assertThat(recorded).isTrue();
    assertThat(store.done(tenant, ticket)).as("rolled back with the ticket").isEmpty();
    assertThat(pendingOf(k)).contains(first);

    inTicketTransaction(true, tx -> recorded.set(store.complete(first, at(11), tx)));
    assertThat(recorded).isTrue();
    inTicketTransaction(true, tx -> recorded.set(store.complete(first, at(12), tx)));
    assertThat(recorded).as("done already").isFalse();
    inTicketTransaction(true, tx -> recorded.set(
        store.complete(new LadderLevelDue(k, 2, at(15)), at(15), tx)));
    assertThat(recorded).as("scheduled at another instant").isFalse();

    assertThat(store.done(tenant, ticket)).containsExactly(new DoneWork(first, at(11)));
    assertThat(drain(at(30), 10)).containsExactly(new LadderLevelDue(k, 2, at(20)));
  }

  @Test
  void completingALevelMakesTheNextOneDueWithTheTicketTransactionOnly() {
    ClockKey k = clockKey(SlaMetric.RESOLUTION, 1);
    put(k, schedule(k, 10, 20, 30));
    LadderLevelDue first = new LadderLevelDue(k, 1, at(10));

    inTicketTransaction(false, tx -> store.complete(first, at(11), tx));
    assertThat(store.due(at(100), 10)).as("rolled back").containsExactly(first);

    inTicketTransaction(true, tx -> store.complete(first, at(11), tx));
    assertThat(store.due(at(100), 10)).containsExactly(new LadderLevelDue(k, 2, at(20)));
    assertThat(pendingOf(k)).containsExactlyElementsOf(schedule(k, 10, 20, 30).subList(1, 3));
  }
}
