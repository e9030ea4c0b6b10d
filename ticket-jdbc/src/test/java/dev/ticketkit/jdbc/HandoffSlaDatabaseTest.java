package dev.ticketkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.ContactHandle;
import dev.ticketkit.core.HandoffDesk;
import dev.ticketkit.core.NewTicket;
import dev.ticketkit.core.Requester;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.workflow.StandardWorkflow;
import dev.ticketkit.jdbc.testing.TestKit;
import dev.ticketkit.sla.SlaEngine;
import dev.ticketkit.sla.clock.ClockState;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.clock.SlaMetric;
import dev.ticketkit.sla.escalation.Notification;
import dev.ticketkit.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The handoff SLA of the engine on each database: the department response clock and the
 * follow-up periods are written in the ticket's commits, the reminders are claimed once each by
 * two engines ticking the same database, and an answer stops both clocks.
 */
class HandoffSlaDatabaseTest {

  private static final Actor AGENT = Actor.agent("li");
  private static final Map<DatabaseKind, TestKit> DATABASES = new EnumMap<>(DatabaseKind.class);

  @AfterAll
  static void dropDatabases() {
    DATABASES.values().forEach(TestKit::close);
  }

  @ParameterizedTest
  @EnumSource(value = DatabaseKind.class, names = {"H2", "POSTGRESQL", "MARIADB"})
  void remindersFireOnceEachAndAnAnswerStopsTheClocks(DatabaseKind kind) {
    TestKit db = DATABASES.computeIfAbsent(kind, TestKit::new);
    JdbcTicketKit kit = db.kit();
    // Monday 2026-03-09 10:00 in Shanghai, far from other tests' due work.
    MutableClock clock = MutableClock.of(Instant.parse("2026-03-09T02:00:00Z"));
    TicketService service = TicketService.builder().store(kit.ticketStore()).clock(clock)
        .workflow(StandardWorkflow.create()).build();
    TicketService node2Service = TicketService.builder().store(kit.ticketStore()).clock(clock)
        .workflow(StandardWorkflow.create()).build();
    List<Notification> notes = new CopyOnWriteArrayList<>();
    SlaEngine node1 = SlaEngine.builder().tickets(service).store(kit.slaStore())
        .notifier(notes::add).build();
    SlaEngine node2 = SlaEngine.builder().tickets(node2Service).store(kit.slaStore())
        .notifier(notes::add).build();
    TenantId tenant = TenantId.of("handoff-" + UUID.randomUUID().toString().substring(0, 8));
    Ticket t = service.open(tenant, Actor.requester("wang"), NewTicket.builder()
        .requester(Requester.of("wang", "Wang Fang", ContactHandle.phone("+86 138 0000 0000")))
        .channel(Channel.EMAIL).subject("Refund late").description("Paid twice").build());
    t = service.fire(tenant, AGENT, t.id(), t.version(), StandardWorkflow.ACCEPT);
    HandoffDesk desk = HandoffDesk.of(service);
    t = desk.handOver(tenant, AGENT, t.id(), t.version(), "finance", "Refund?", null);
    String number = "#" + t.number() + " ";

    assertThat(node1.handoffClocks(tenant, t.id(), 1)).extracting(c -> c.key().metric(),
        SlaClock::dueAt).containsExactly(
            org.assertj.core.groups.Tuple.tuple(SlaMetric.HANDOFF_RESPONSE,
                Instant.parse("2026-03-10T02:00:00Z")),
            org.assertj.core.groups.Tuple.tuple(SlaMetric.HANDOFF_FOLLOW_UP,
                Instant.parse("2026-03-11T07:15:00Z")));

    // Next Monday 10:01: two reminders and the overdue answer are due.
    clock.set(Instant.parse("2026-03-16T02:01:00Z"));
    node1.tick(clock.instant());
    node2.tick(clock.instant());
    node1.tick(clock.instant());
    List<String> handoffNotes = notes.stream().map(n -> n.context().summary())
        .filter(s -> s.contains("finance") && s.contains(number)).toList();
    assertThat(handoffNotes).hasSize(3).doesNotHaveDuplicates();
    assertThat(handoffNotes).filteredOn(s -> s.contains("follow-up reminder")).hasSize(2);

    t = service.require(tenant, t.id());
    t = desk.check(tenant, AGENT, t.id(), t.version(), 1);
    t = desk.answer(tenant, AGENT, t.id(), t.version(), 1, "Refunded");

    assertThat(node1.handoffClocks(tenant, t.id(), 1)).extracting(SlaClock::state)
        .containsExactly(ClockState.BREACHED, ClockState.BREACHED, ClockState.MET);
    assertThat(kit.slaStore().pending(tenant, t.id())).noneMatch(w -> w.key().contains("HANDOFF"));
    clock.advance(Duration.ofDays(30));
    node1.tick(clock.instant());
    assertThat(notes.stream().map(n -> n.context().summary())
        .filter(s -> s.contains("finance") && s.contains(number))).hasSize(3);
    node1.close();
    node2.close();
  }
}
