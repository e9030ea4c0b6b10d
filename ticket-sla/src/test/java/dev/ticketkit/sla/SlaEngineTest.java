package dev.ticketkit.sla;

import static dev.ticketkit.sla.SlaFixture.AGENT;
import static dev.ticketkit.sla.SlaFixture.cn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.Tag;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.sla.escalation.EscalationContext;
import dev.ticketkit.sla.escalation.EscalationCause;
import dev.ticketkit.sla.policy.SlaCalendars;
import dev.ticketkit.sla.policy.SlaPolicies;
import dev.ticketkit.sla.store.DoneWork;
import dev.ticketkit.sla.store.LadderLevelDue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The engine's wiring: callbacks, ticket-changing actions, several nodes, the tick runner. */
class SlaEngineTest {

  private static final String LADDER = """
      { "policies": [ { "id": "p", "calendar": "24x7",
        "targets": { "RESOLUTION": { "*": "4h" } },
        "escalations": { "RESOLUTION": { "*": [
          { "at": "50%", "actions": [ { "callback": "page" } ] },
          { "at": "breach", "actions": [ { "raisePriority": "HIGH" },
              { "reassign": { "group": "queue-l2" } }, { "tag": "late" } ] } ] } } } ] }
      """;

  private static SlaPolicies ladder() {
    return SlaPolicies.fromJson(LADDER, SlaCalendars.standard());
  }

  @Test
  void aCallbackUsedByAPolicyMustBeRegistered() {
    SlaFixture f = new SlaFixture("2026-03-09T10:00");
    assertThatThrownBy(() -> SlaEngine.builder().tickets(f.service)
        .policies(ladder()).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("page");
  }

  @Test
  void levelsRunCallbacksAndChangeTheTicketThroughTheService() {
    SlaFixture f = new SlaFixture("2026-03-09T10:00", SlaPolicies.standard());
    f.engine.close();
    List<EscalationContext> pages = new CopyOnWriteArrayList<>();
    f.engine = SlaEngine.builder().tickets(f.service).policies(ladder())
        .store(f.slaStore).callback("page", pages::add).notifier(f.notes::add).build();
    Ticket t = f.open(Priority.LOW);

    f.at("2026-03-09T12:00");
    assertThat(f.tick()).isEqualTo(1);
    assertThat(pages).singleElement().extracting(p -> ((EscalationCause.LevelReached) p.cause())
        .level().number()).isEqualTo(1);
    f.at("2026-03-09T14:00");
    assertThat(f.tick()).as("at the due instant the clock is still within its target").isZero();
    f.at("2026-03-09T14:01");
    assertThat(f.tick()).isEqualTo(1);
    Ticket after = f.current(t);
    assertThat(after.priority()).isEqualTo(Priority.HIGH);
    assertThat(after.assignee()).isEqualTo(AgentId.of("queue-l2"));
    assertThat(after.tags()).contains(Tag.of("late"));
    assertThat(f.tick()).isZero();
  }

  @Test
  void twoNodesTickingTheSameStoreFireEachLevelOnce() throws Exception {
    SlaFixture f = new SlaFixture("2026-03-09T10:00");
    List<Ticket> opened = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      opened.add(f.open(Priority.values()[i % 4]));
    }
    SlaEngine second = f.newEngine();
    f.at("2026-03-31T10:00");
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> runs = List.of(
          pool.submit(() -> { go.await(); return f.engine.tick(f.clock.instant()); }),
          pool.submit(() -> { go.await(); return second.tick(f.clock.instant()); }));
      go.countDown();
      int total = runs.get(0).get(30, TimeUnit.SECONDS) + runs.get(1).get(30, TimeUnit.SECONDS);
      int recorded = 0;
      for (Ticket t : opened) {
        List<DoneWork> fired = f.slaStore.done(t.tenant(), t.id()).stream()
            .filter(e -> e.work() instanceof LadderLevelDue).toList();
        assertThat(fired).extracting(e -> e.work().key()).doesNotHaveDuplicates();
        recorded += fired.size();
      }
      assertThat(total).isEqualTo(recorded).isPositive();
    } finally {
      pool.shutdownNow();
      second.close();
    }
  }

  @Test
  void theRunnerTicksOnTheHostsSchedulerWithTheHostsClock() throws Exception {
    SlaFixture f = new SlaFixture("2026-03-09T10:00");
    f.open(Priority.HIGH);
    f.at("2026-03-09T17:30");
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try (SlaTickRunner runner = f.engine.startRunner(scheduler, f.clock, Duration.ofMillis(5))) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      // due by Monday 17:30 for a HIGH ticket opened at 10:00: ACCEPTANCE 80% and breach,
      // FIRST_RESPONSE 80% and breach, RESOLUTION 50% and 80%
      while (runner.fired() < 6 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      Thread.sleep(50);
      assertThat(runner.fired()).isEqualTo(6);
    } finally {
      scheduler.shutdownNow();
    }
    assertThat(f.notesFor("tier-lead")).anyMatch(s -> s.contains("RESOLUTION#1 level 2"));
    assertThatThrownBy(() -> f.engine.startRunner(scheduler, f.clock, Duration.ZERO))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aClosedEngineNoLongerFollowsTickets() {
    SlaFixture f = new SlaFixture("2026-03-09T10:00");
    f.engine.close();
    Ticket t = f.open(Priority.HIGH);
    assertThat(f.slaStore.clocks(t.tenant(), t.id())).isEmpty();
    assertThat(cn("2026-03-09T10:00")).isEqualTo(f.clock.instant());
  }
}
