package dev.ticketkit.sla;

import static dev.ticketkit.sla.SlaFixture.AGENT;
import static dev.ticketkit.sla.SlaFixture.cn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.HandoffDesk;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.workflow.StandardWorkflow;
import dev.ticketkit.sla.clock.ClockState;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.clock.SlaMetric;
import dev.ticketkit.sla.escalation.Notification;
import dev.ticketkit.sla.policy.PolicyFormatException;
import dev.ticketkit.sla.policy.SlaCalendars;
import dev.ticketkit.sla.policy.SlaPolicies;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The SLA of handoffs to other departments as durable clocks: a department response clock and
 * follow-up periods whose reminders are due work, fired once per occurrence.
 */
class HandoffSlaTest {

  private static final String POLICY = """
      { "policies": [ { "id": "p", "calendar": "cn-mainland",
          "targets": { "HANDOFF_RESPONSE": { "*": "8h" }, "HANDOFF_FOLLOW_UP": { "*": "PT18H45M" } },
          "handoffs": { "calendars": { "technical": "24x7" }, "reminders": 2,
                        "notify": [ "owner", "tier-lead" ] } } ] }
      """;

  /** Monday 2026-03-09 10:00 in Shanghai; cn-mainland works 09:00-12:00 and 13:30-18:00. */
  private static final String MONDAY = "2026-03-09T10:00";

  private static List<String> reminders(SlaFixture f) {
    return f.notesFor("assignee").stream().filter(s -> s.contains("follow-up reminder")).toList();
  }

  private static List<String> overdue(SlaFixture f) {
    return f.notesFor("assignee").stream().filter(s -> s.contains("is overdue")).toList();
  }

  @Test
  void aHandoffRunsAResponseClockAndFollowUpRemindersUntilItIsAnswered() {
    SlaFixture f = new SlaFixture(MONDAY);
    HandoffDesk desk = HandoffDesk.of(f.service);
    Ticket t = f.fire(f.open(Priority.MEDIUM), AGENT, StandardWorkflow.ACCEPT);
    t = desk.handOver(t.tenant(), AGENT, t.id(), t.version(), "finance", "Refund late?", null);

    List<SlaClock> clocks = f.engine.handoffClocks(t.tenant(), t.id(), 1);
    assertThat(clocks).extracting(c -> c.key().metric(), c -> c.key().cycle(), SlaClock::dueAt)
        .containsExactly(
            // 7.5 working hours: Monday 10-12, 13:30-18, Tuesday 09-10.
            org.assertj.core.groups.Tuple.tuple(SlaMetric.HANDOFF_RESPONSE, 1,
                cn("2026-03-10T10:00")),
            // 2.5 working days of 7.5 h: Monday 6.5 h, Tuesday 7.5 h, Wednesday 09-12, 13:30-15:15.
            org.assertj.core.groups.Tuple.tuple(SlaMetric.HANDOFF_FOLLOW_UP, 1001,
                cn("2026-03-11T15:15")));
    assertThat(f.engine.currentClock(t.tenant(), t.id(), SlaMetric.HANDOFF_FOLLOW_UP))
        .get().extracting(c -> c.key().handoff()).isEqualTo(1);

    f.at("2026-03-10T10:00");
    f.tick();
    assertThat(overdue(f)).as("due at 10:00, breached only after it").isEmpty();
    f.at("2026-03-11T15:16");
    f.tick();
    f.tick();
    assertThat(overdue(f)).singleElement().asString().contains("finance");
    assertThat(reminders(f)).singleElement().asString()
        .contains("follow-up reminder 1 for handoff 1 to finance", "tell the requester");

    // The next reminder one cadence later: Wednesday 2h45, Thursday 7h30, Friday 7h30, Monday 1h.
    f.at("2026-03-16T09:59");
    f.tick();
    assertThat(reminders(f)).hasSize(1);
    f.at("2026-03-16T10:01");
    f.tick();
    assertThat(reminders(f)).hasSize(2);

    // A department check ends the period and starts the next from the check.
    f.at("2026-03-16T11:00");
    t = desk.check(t.tenant(), AGENT, t.id(), f.current(t).version(), 1);
    assertThat(f.clock(t, SlaMetric.HANDOFF_FOLLOW_UP, 1001).state())
        .isEqualTo(ClockState.BREACHED);
    assertThat(f.clock(t, SlaMetric.HANDOFF_FOLLOW_UP, 1002)).satisfies(c -> {
      assertThat(c.state()).isEqualTo(ClockState.RUNNING);
      assertThat(c.startedAt()).isEqualTo(cn("2026-03-16T11:00"));
    });

    f.at("2026-03-16T12:00");
    t = desk.answer(t.tenant(), AGENT, t.id(), t.version(), 1, "Refunded today");
    assertThat(f.clock(t, SlaMetric.HANDOFF_RESPONSE, 1).state()).isEqualTo(ClockState.BREACHED);
    assertThat(f.clock(t, SlaMetric.HANDOFF_FOLLOW_UP, 1002).state()).isEqualTo(ClockState.MET);
    assertThat(f.engine.store().pending(t.tenant(), t.id()))
        .noneMatch(w -> w.key().contains("HANDOFF"));
    f.advance(Duration.ofDays(30));
    f.tick();
    assertThat(reminders(f)).hasSize(2);
  }

  @Test
  void anAnswerAtTheDueInstantIsMetAndAReturnStopsTheReminders() {
    SlaFixture f = new SlaFixture(MONDAY);
    HandoffDesk desk = HandoffDesk.of(f.service);
    Ticket a = f.open(Priority.MEDIUM);
    a = desk.handOver(a.tenant(), AGENT, a.id(), a.version(), "finance", "Refund?", null);
    Ticket b = f.open(Priority.MEDIUM);
    b = desk.handOver(b.tenant(), AGENT, b.id(), b.version(), "logistics", "Parcel?", null);

    f.at("2026-03-10T10:00");
    a = desk.answer(a.tenant(), AGENT, a.id(), a.version(), 1, "Refunded");
    b = desk.giveBack(b.tenant(), AGENT, b.id(), b.version(), 1, "Not ours");

    assertThat(f.clock(a, SlaMetric.HANDOFF_RESPONSE, 1).state()).isEqualTo(ClockState.MET);
    assertThat(f.engine.handoffClocks(b.tenant(), b.id(), 1)).allMatch(c -> !c.isOpen());
    f.advance(Duration.ofDays(20));
    f.tick();
    assertThat(reminders(f)).isEmpty();
    assertThat(overdue(f)).isEmpty();
  }

  @Test
  void waitingOnTheRequesterOrAnAgentReplyLeavesTheDepartmentClocksRunning() {
    SlaFixture f = new SlaFixture(MONDAY);
    HandoffDesk desk = HandoffDesk.of(f.service);
    Ticket t = f.fire(f.open(Priority.MEDIUM), AGENT, StandardWorkflow.ACCEPT);
    t = desk.handOver(t.tenant(), AGENT, t.id(), t.version(), "finance", "Refund?", null);
    f.advance(Duration.ofMinutes(5));
    f.reply(t, AGENT);
    f.fire(t, AGENT, StandardWorkflow.WAIT_ON_REQUESTER);

    assertThat(f.engine.handoffClocks(t.tenant(), t.id(), 1))
        .hasSize(2).allMatch(c -> c.state() == ClockState.RUNNING);

    f.fire(t, AGENT, StandardWorkflow.CANCEL);
    assertThat(f.engine.handoffClocks(t.tenant(), t.id(), 1)).allMatch(c -> !c.isOpen());
  }

  @Test
  void theDepartmentCalendarTheAgreedDateAndTheReminderCountComeFromThePolicy() {
    SlaFixture f = new SlaFixture(MONDAY,
        SlaPolicies.fromJson(POLICY, SlaCalendars.standard()));
    HandoffDesk desk = HandoffDesk.of(f.service);
    Ticket tech = f.open(Priority.MEDIUM);
    tech = desk.handOver(tech.tenant(), AGENT, tech.id(), tech.version(), "technical", "Logs?",
        null);
    tech = desk.handOver(tech.tenant(), AGENT, tech.id(), tech.version(), "finance", "Refund?",
        cn("2026-03-20T20:00"));

    assertThat(f.clock(tech, SlaMetric.HANDOFF_RESPONSE, 1).dueAt())
        .isEqualTo(cn("2026-03-09T18:00"));
    assertThat(f.clock(tech, SlaMetric.HANDOFF_RESPONSE, 1).target().calendarId())
        .isEqualTo("24x7");
    assertThat(f.clock(tech, SlaMetric.HANDOFF_RESPONSE, 2).dueAt())
        .isEqualTo(cn("2026-03-20T20:00"));

    f.advance(Duration.ofDays(60));
    f.tick();
    List<String> toOwner = new ArrayList<>(f.notesFor("owner"));
    assertThat(toOwner).hasSize(4).allMatch(s -> s.contains("follow-up reminder"));
    assertThat(f.notesFor("tier-lead")).hasSize(4);
    f.tick();
    assertThat(f.notesFor("owner")).hasSize(4);
  }

  @Test
  void badHandoffSectionsNameTheirPath() {
    assertThatThrownBy(() -> SlaPolicies.fromJson(POLICY.replace("\"reminders\": 2",
        "\"reminders\": 0"), SlaCalendars.standard()))
        .isInstanceOf(PolicyFormatException.class).hasMessageContaining("reminders");
    assertThatThrownBy(() -> SlaPolicies.fromJson(POLICY.replace("\"24x7\" }", "\"nope\" }"),
        SlaCalendars.standard()))
        .isInstanceOf(PolicyFormatException.class).hasMessageContaining("technical");
    assertThatThrownBy(() -> SlaPolicies.fromJson(POLICY.replace("\"notify\": [ \"owner\", "
        + "\"tier-lead\" ]", "\"notify\": []"), SlaCalendars.standard()))
        .isInstanceOf(PolicyFormatException.class).hasMessageContaining("notify");
  }

  @Test
  void twoNodesTickingAtOnceFireEachReminderOnce() throws Exception {
    SlaFixture f = new SlaFixture(MONDAY);
    HandoffDesk desk = HandoffDesk.of(f.service);
    List<Ticket> tickets = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Ticket t = f.open(Priority.MEDIUM);
      tickets.add(desk.handOver(t.tenant(), AGENT, t.id(), t.version(), "finance", "Refund?",
          null));
    }
    List<Notification> second = new CopyOnWriteArrayList<>();
    TicketService other = TicketService.builder().store(f.tickets).clock(f.clock).build();
    SlaEngine node2 = SlaEngine.builder().tickets(other).policies(f.policies).store(f.slaStore)
        .notifier(second::add).build();
    f.advance(Duration.ofDays(40));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Integer>> runs = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        SlaEngine e = i % 2 == 0 ? f.engine : node2;
        runs.add(pool.submit(() -> {
          go.await();
          return e.tick(f.clock.instant());
        }));
      }
      go.countDown();
      for (Future<Integer> r : runs) {
        r.get();
      }
    } finally {
      pool.shutdownNow();
      node2.close();
    }
    List<String> all = new ArrayList<>();
    f.notes.forEach(n -> all.add(n.recipient() + n.context().summary()));
    second.forEach(n -> all.add(n.recipient() + n.context().summary()));
    all.removeIf(s -> !s.contains("handoff"));
    // 8 reminders and 1 overdue answer per handoff, each exactly once.
    assertThat(all).hasSize(5 * 9).doesNotHaveDuplicates();
  }
}
