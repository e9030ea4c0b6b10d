package dev.ticketkit.testkit.contract;

import static dev.ticketkit.testkit.contract.SlaFixtures.T0;
import static dev.ticketkit.testkit.contract.SlaFixtures.key;
import static dev.ticketkit.testkit.contract.SlaFixtures.ladder;
import static dev.ticketkit.testkit.contract.SlaFixtures.running;
import static dev.ticketkit.testkit.contract.SlaFixtures.runningWithLadder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.sla.clock.ClockKey;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.clock.SlaMetric;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import dev.ticketkit.sla.store.ClockUpdate;
import dev.ticketkit.sla.store.DueEscalation;
import dev.ticketkit.sla.store.InMemorySlaStore;
import dev.ticketkit.sla.store.SlaChanges;
import dev.ticketkit.sla.store.SlaStore;

/**
 * The contract every {@link SlaStore} must meet, as tests. A store's test class extends this
 * class and implements {@link #createStore()}; ticket-sla runs it against
 * {@link InMemorySlaStore}, and database stores run the very same tests from the test-jar.
 *
 * <p>A database store also overrides {@link #inTicketTransaction(boolean, Consumer)} to hand the
 * work a context that unwraps its real transaction. Each test gets a fresh store and its own
 * random tenants, so database stores may share one schema across tests; {@code processDue} tests
 * use instants of their own, far from other tests' entries, where they must see only their own.
 * Most checks live in {@link SlaStoreProcessContract} (claiming due work), which this class
 * extends.
 */
public abstract class SlaStoreContract extends SlaStoreProcessContract {

  @Test
  void everyClockShapeReadsBackEqual() {
    List<SlaClock> shapes = SlaFixtures.everyShape(tenant, ticket);
    List<ClockUpdate> updates = new ArrayList<>();
    shapes.forEach(c -> updates.add(ClockUpdate.withoutSchedule(c)));
    store.write(new SlaChanges(updates));

    for (SlaClock c : shapes) {
      assertThat(store.clock(c.key())).contains(c);
    }
    assertThat(store.clocks(tenant, ticket)).containsExactlyElementsOf(sorted(shapes));
  }

  @Test
  void unknownClockIsEmpty() {
    assertThat(store.clock(key(tenant, ticket, SlaMetric.RESOLUTION, 1))).isEmpty();
    assertThat(store.clocks(tenant, ticket)).isEmpty();
    assertThat(store.pending(key(tenant, ticket, SlaMetric.RESOLUTION, 1))).isEmpty();
    assertThat(store.fired(tenant, ticket)).isEmpty();
  }

  @Test
  void aWriteReplacesTheClockByKey() {
    ClockKey k = key(tenant, ticket, SlaMetric.FIRST_RESPONSE, 1);
    store.write(SlaChanges.of(ClockUpdate.withoutSchedule(running(k))));
    SlaClock met = SlaFixtures.everyShape(tenant, ticket).get(2);
    SlaClock moved = new SlaClock(k, 1, met.target(), met.startedAt(), met.state(), met.pauses(),
        met.elapsed(), met.asOf(), met.dueAt(), met.stoppedAt());
    store.write(SlaChanges.of(ClockUpdate.withoutSchedule(moved)));

    assertThat(store.clock(k)).contains(moved);
    assertThat(store.clocks(tenant, ticket)).containsExactly(moved);
  }

  @Test
  void clocksComeBackInKeyOrderAndOnlyForTheirTenantAndTicket() {
    TenantId other = SlaFixtures.tenant("other");
    TicketId second = SlaFixtures.ticket();
    ClockKey r2 = key(tenant, ticket, SlaMetric.RESOLUTION, 2);
    ClockKey r1 = key(tenant, ticket, SlaMetric.RESOLUTION, 1);
    ClockKey a1 = key(tenant, ticket, SlaMetric.ACCEPTANCE, 1);
    store.write(SlaChanges.of(ClockUpdate.withoutSchedule(running(r2)),
        ClockUpdate.withoutSchedule(running(r1)), ClockUpdate.withoutSchedule(running(a1)),
        ClockUpdate.withoutSchedule(running(key(other, ticket, SlaMetric.ACCEPTANCE, 1))),
        ClockUpdate.withoutSchedule(running(key(tenant, second, SlaMetric.ACCEPTANCE, 1)))));

    assertThat(store.clocks(tenant, ticket)).extracting(SlaClock::key).containsExactly(a1, r1, r2);
    assertThat(store.clocks(other, ticket)).hasSize(1);
    assertThat(store.clock(key(other, second, SlaMetric.ACCEPTANCE, 1))).isEmpty();
  }

  @Test
  void aCommittedTicketTransactionMakesTheWriteVisible() {
    ClockKey k = key(tenant, ticket, SlaMetric.RESOLUTION, 1);
    inTicketTransaction(true, tx -> store.write(SlaChanges.of(runningWithLadder(k)), tx));

    assertThat(store.clock(k)).contains(running(k));
    assertThat(store.pending(k)).containsExactlyElementsOf(ladder(k));
  }

  @Test
  void aRolledBackTicketTransactionLeavesTheStoreAsItWas() {
    ClockKey kept = key(tenant, ticket, SlaMetric.RESOLUTION, 1);
    ClockKey added = key(tenant, ticket, SlaMetric.ACCEPTANCE, 1);
    store.write(SlaChanges.of(runningWithLadder(kept)));
    SlaClock cancelled = SlaFixtures.everyShape(tenant, ticket).get(5);
    SlaClock keptCancelled = new SlaClock(kept, 1, cancelled.target(), cancelled.startedAt(),
        cancelled.state(), cancelled.pauses(), cancelled.elapsed(), cancelled.asOf(),
        cancelled.dueAt(), cancelled.stoppedAt());

    inTicketTransaction(false, tx -> store.write(SlaChanges.of(
        ClockUpdate.withoutSchedule(keptCancelled), runningWithLadder(added)), tx));

    assertThat(store.clock(kept)).contains(running(kept));
    assertThat(store.pending(kept)).containsExactlyElementsOf(ladder(kept));
    assertThat(store.clock(added)).isEmpty();
    assertThat(store.pending(added)).isEmpty();
  }

  @Test
  void aWriteReplacesThePendingScheduleInLevelOrder() {
    ClockKey k = key(tenant, ticket, SlaMetric.RESOLUTION, 1);
    store.write(SlaChanges.of(runningWithLadder(k)));
    List<DueEscalation> later = List.of(new DueEscalation(k, 4, T0.plusSeconds(9000)),
        new DueEscalation(k, 2, T0.plusSeconds(8000)));
    store.write(SlaChanges.of(new ClockUpdate(running(k), later)));

    assertThat(store.pending(k)).containsExactly(later.get(1), later.get(0));
    store.write(SlaChanges.of(ClockUpdate.withoutSchedule(running(k))));
    assertThat(store.pending(k)).isEmpty();
  }

  @Test
  void clockUpdatesRejectEntriesOfOtherClocksAndRepeatedLevels() {
    ClockKey k = key(tenant, ticket, SlaMetric.RESOLUTION, 1);
    ClockKey other = key(tenant, ticket, SlaMetric.RESOLUTION, 2);
    assertThatThrownBy(() -> new ClockUpdate(running(k), ladder(other)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new ClockUpdate(running(k),
        List.of(new DueEscalation(k, 1, T0), new DueEscalation(k, 1, T0.plusSeconds(1)))))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> SlaChanges.of(runningWithLadder(k), runningWithLadder(k)))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void nextDueAtIsTheEarliestPendingEntry() {
    ClockKey k = key(tenant, ticket, SlaMetric.RESOLUTION, 1);
    store.write(SlaChanges.of(runningWithLadder(k)));

    Optional<Instant> next = store.nextDueAt();
    assertThat(next).isPresent();
    assertThat(next.get()).isBeforeOrEqualTo(T0.plusSeconds(3600));
  }

  private static List<SlaClock> sorted(List<SlaClock> clocks) {
    List<SlaClock> copy = new ArrayList<>(clocks);
    Collections.sort(copy, (a, b) -> a.key().compareTo(b.key()));
    return copy;
  }

  /** Guards against a store that blocks a handler writing the clock it handles. */
  static void withinSeconds(int seconds, Runnable work) {
    assertTimeoutPreemptively(Duration.ofSeconds(seconds), work::run);
  }
}
