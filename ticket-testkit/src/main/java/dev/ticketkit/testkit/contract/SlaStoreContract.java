package dev.ticketkit.testkit.contract;

import static dev.ticketkit.testkit.contract.SlaFixtures.T0;
import static dev.ticketkit.testkit.contract.SlaFixtures.key;
import static dev.ticketkit.testkit.contract.SlaFixtures.ladder;
import static dev.ticketkit.testkit.contract.SlaFixtures.running;
import static dev.ticketkit.testkit.contract.SlaFixtures.runningWithLadder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.sla.clock.ClockKey;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.clock.SlaMetric;
import dev.ticketkit.sla.store.ClockUpdate;
import dev.ticketkit.sla.store.DueWork;
import dev.ticketkit.sla.store.InMemorySlaStore;
import dev.ticketkit.sla.store.LadderLevelDue;
import dev.ticketkit.sla.store.SlaChanges;
import dev.ticketkit.sla.store.SlaStore;
import dev.ticketkit.sla.store.TicketClocks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link SlaStore} must meet, as tests. A store's test class extends this
 * class and implements {@link #createStore()}; ticket-testkit runs it against
 * {@link InMemorySlaStore}, and the database stores run the very same tests.
 *
 * <p>A database store also overrides {@link #inTicketTransaction} to hand the work a context that
 * unwraps its real transaction. Each test gets a fresh store and its own random tenants, so
 * database stores may share one schema across tests; due-work tests use instants of their own,
 * far from other tests' work. The due-work checks live in {@link SlaStoreProcessContract}, which
 * this class extends.
 */
public abstract class SlaStoreContract extends SlaStoreProcessContract {

  private List<DueWork> pendingOf(ClockKey k) {
    return store.pending(k.tenant(), k.ticket()).stream()
        .filter(w -> w instanceof LadderLevelDue l && l.clock().equals(k)).toList();
  }

  @Test
  void everyClockShapeReadsBackEqual() {
    List<SlaClock> shapes = SlaFixtures.everyShape(tenant, ticket);
    List<ClockUpdate> updates = new ArrayList<>();
    shapes.forEach(c -> updates.add(ClockUpdate.withoutSchedule(c)));
    store.write(new SlaChanges(0, updates, List.of()));

    for (SlaClock c : shapes) {
      assertThat(store.clock(c.key())).contains(c);
    }
    assertThat(store.clocks(tenant, ticket)).containsExactlyElementsOf(sorted(shapes));
  }

  @Test
  void unknownClockIsEmpty() {
    assertThat(store.clock(key(tenant, ticket, SlaMetric.RESOLUTION, 1))).isEmpty();
    assertThat(store.clocks(tenant, ticket)).isEmpty();
    assertThat(store.pending(tenant, ticket)).isEmpty();
    assertThat(store.done(tenant, ticket)).isEmpty();
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
    assertThat(pendingOf(k)).containsExactlyElementsOf(ladder(k));
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

    inTicketTransaction(false, tx -> store.write(new SlaChanges(3, List.of(
        ClockUpdate.withoutSchedule(keptCancelled), runningWithLadder(added)),
        List.of(SlaFixtures.rule(tenant, ticket, 0, T0))), tx));

    assertThat(store.clock(kept)).contains(running(kept));
    assertThat(pendingOf(kept)).containsExactlyElementsOf(ladder(kept));
    assertThat(store.clock(added)).isEmpty();
    assertThat(store.pending(tenant, ticket)).containsExactlyElementsOf(ladder(kept));
  }

  @Test
  void aWriteReplacesThePendingScheduleInDueOrder() {
    ClockKey k = key(tenant, ticket, SlaMetric.RESOLUTION, 1);
    store.write(SlaChanges.of(runningWithLadder(k)));
    List<LadderLevelDue> later = List.of(new LadderLevelDue(k, 4, T0.plusSeconds(9000)),
        new LadderLevelDue(k, 2, T0.plusSeconds(8000)));
    store.write(SlaChanges.of(new ClockUpdate(running(k), later)));

    assertThat(pendingOf(k)).containsExactly(later.get(1), later.get(0));
    store.write(SlaChanges.of(ClockUpdate.withoutSchedule(running(k))));
    assertThat(pendingOf(k)).isEmpty();
  }

  @Test
  void clockUpdatesRejectEntriesOfOtherClocksAndRepeatedLevels() {
    ClockKey k = key(tenant, ticket, SlaMetric.RESOLUTION, 1);
    ClockKey other = key(tenant, ticket, SlaMetric.RESOLUTION, 2);
    assertThatThrownBy(() -> new ClockUpdate(running(k), ladder(other)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new ClockUpdate(running(k),
        List.of(new LadderLevelDue(k, 1, T0), new LadderLevelDue(k, 1, T0.plusSeconds(1)))))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> SlaChanges.of(runningWithLadder(k), runningWithLadder(k)))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void nextDueAtIsTheEarliestPendingWork() {
    ClockKey k = key(tenant, ticket, SlaMetric.RESOLUTION, 1);
    store.write(SlaChanges.of(runningWithLadder(k)));

    Optional<Instant> next = store.nextDueAt();
    assertThat(next).isPresent();
    assertThat(next.get()).isBeforeOrEqualTo(T0.plusSeconds(3600));
  }

  @Test
  void currentClocksAreTheLatestOfEachMetricWithTheVersionAlreadyApplied() {
    List<SlaClock> shapes = SlaFixtures.everyShape(tenant, ticket);
    SlaClock nextResponseMet = shapes.get(2);
    SlaClock resolution1 = shapes.get(4);
    SlaClock resolution2 = shapes.get(5);
    store.write(new SlaChanges(6, List.of(ClockUpdate.withoutSchedule(resolution1)), List.of()));
    store.write(new SlaChanges(7, List.of(ClockUpdate.withoutSchedule(resolution1),
        ClockUpdate.withoutSchedule(resolution2), ClockUpdate.withoutSchedule(nextResponseMet)),
        List.of()));
    AtomicReference<TicketClocks> read = new AtomicReference<>();

    inTicketTransaction(true, tx -> read.set(store.currentClocks(tenant, ticket, tx)));

    assertThat(read.get().clocks()).containsExactly(nextResponseMet, resolution2);
    assertThat(read.get().appliedVersion()).isEqualTo(7);
    inTicketTransaction(true, tx -> read.set(
        store.currentClocks(tenant, SlaFixtures.ticket(), tx)));
    assertThat(read.get()).isEqualTo(TicketClocks.NONE);
  }

  @Test
  void theClocksOfHandoffsOpenSideBySideStayCurrentUntilTheyStop() {
    ClockKey response1 = key(tenant, ticket, SlaMetric.HANDOFF_RESPONSE, 1);
    ClockKey followUp1 = key(tenant, ticket, SlaMetric.HANDOFF_FOLLOW_UP,
        SlaMetric.handoffFollowUpCycle(1, 1));
    ClockKey followUp1Next = key(tenant, ticket, SlaMetric.HANDOFF_FOLLOW_UP,
        SlaMetric.handoffFollowUpCycle(1, 2));
    ClockKey response2 = key(tenant, ticket, SlaMetric.HANDOFF_RESPONSE, 2);
    ClockKey followUp2 = key(tenant, ticket, SlaMetric.HANDOFF_FOLLOW_UP,
        SlaMetric.handoffFollowUpCycle(2, 1));
    store.write(new SlaChanges(2, List.of(runningWithLadder(response1),
        runningWithLadder(followUp1)), List.of()));
    store.write(new SlaChanges(3, List.of(runningWithLadder(response2),
        runningWithLadder(followUp2)), List.of()));
    // A department check of handoff 1 ends its first period and starts the next; the same write
    // rewrites handoff 2's open period, whose cycle is higher than both.
    SlaClock met = SlaFixtures.everyShape(tenant, ticket).get(2);
    SlaClock followUp1Met = new SlaClock(followUp1, 1, met.target(), met.startedAt(),
        met.state(), met.pauses(), met.elapsed(), met.asOf(), met.dueAt(), met.stoppedAt());
    store.write(new SlaChanges(4, List.of(ClockUpdate.withoutSchedule(followUp1Met),
        runningWithLadder(followUp1Next), runningWithLadder(followUp2)), List.of()));
    AtomicReference<TicketClocks> read = new AtomicReference<>();

    inTicketTransaction(true, tx -> read.set(store.currentClocks(tenant, ticket, tx)));

    assertThat(read.get().clocks()).extracting(SlaClock::key)
        .containsExactly(response1, response2, followUp1Next, followUp2);
    assertThat(read.get().appliedVersion()).isEqualTo(4);
    assertThat(store.clock(followUp1)).contains(followUp1Met);
    assertThat(store.pending(tenant, ticket)).extracting(w -> ((LadderLevelDue) w).clock())
        .doesNotContain(followUp1).contains(response1, response2, followUp1Next, followUp2);
    assertThat(followUp1Next.handoff()).isEqualTo(1);
    assertThat(followUp2.handoff()).isEqualTo(2);
  }

  @Test
  void aPeriodReadReturnsTheClocksThatRanInItAndTheWorkDoneInIt() {
    List<SlaClock> shapes = SlaFixtures.everyShape(tenant, ticket);
    List<ClockUpdate> updates = new ArrayList<>();
    shapes.forEach(c -> updates.add(ClockUpdate.withoutSchedule(c)));
    store.write(new SlaChanges(0, updates, List.of()));
    Instant from = T0.plusSeconds(2000);
    Instant to = T0.plusSeconds(10_000);

    List<SlaClock> ran = store.clocks(tenant, from, to);

    assertThat(ran).extracting(SlaClock::key).containsExactlyElementsOf(shapes.stream()
        .filter(c -> c.startedAt().isBefore(to)
            && (c.stoppedAt() == null || !c.stoppedAt().isBefore(from)))
        .map(SlaClock::key).sorted(Comparator.naturalOrder()).toList());
    assertThat(ran).extracting(SlaClock::key).doesNotContain(shapes.get(2).key(),
        shapes.get(5).key());
    assertThat(store.clocks(SlaFixtures.tenant("other"), from, to)).isEmpty();
    assertThatThrownBy(() -> store.clocks(tenant, to, from))
        .isInstanceOf(InvalidInputException.class);

    ClockKey k = key(tenant, ticket, SlaMetric.PERIODIC_UPDATE, 7);
    store.write(SlaChanges.of(new ClockUpdate(running(k), ladder(k))));
    // A clock's levels become due work one at a time: claim until none is left.
    for (List<DueWork> due = dueOf(T0.plusSeconds(7200)); !due.isEmpty();
        due = dueOf(T0.plusSeconds(7200))) {
      store.claim(due, T0.plusSeconds(7300), w -> { });
    }
    assertThat(store.done(tenant, T0.plusSeconds(7300), T0.plusSeconds(7301))).hasSize(3);
    assertThat(store.done(tenant, T0, T0.plusSeconds(7300))).isEmpty();
  }

  private List<DueWork> dueOf(Instant now) {
    return store.due(now, 10).stream().filter(w -> w.tenant().equals(tenant)).toList();
  }

  private static List<SlaClock> sorted(List<SlaClock> clocks) {
    List<SlaClock> copy = new ArrayList<>(clocks);
    copy.sort(Comparator.comparing(SlaClock::key));
    return copy;
  }
}
