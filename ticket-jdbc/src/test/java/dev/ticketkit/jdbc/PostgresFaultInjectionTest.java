package dev.ticketkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ticketkit.core.Actor;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.ConversationEntry;
import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.Message;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.Tag;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketConflictException;
import dev.ticketkit.core.TicketField;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.TicketReplay;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.store.TicketCommitUnknownException;
import dev.ticketkit.core.store.TicketStoreException;
import dev.ticketkit.jdbc.testing.TestKit;
import dev.ticketkit.sla.SlaEngine;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.clock.SlaMetric;
import dev.ticketkit.sla.escalation.EscalationCause;
import dev.ticketkit.sla.escalation.Notification;
import dev.ticketkit.sla.policy.SlaCalendars;
import dev.ticketkit.sla.policy.SlaPolicies;
import dev.ticketkit.sla.store.DoneWork;
import dev.ticketkit.sla.store.LadderLevelDue;
import dev.ticketkit.sla.store.SlaStoreException;
import dev.ticketkit.testkit.MutableClock;
import dev.ticketkit.testkit.contract.TicketFixtures;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fault-injection suite (issue 11): writers and two SLA nodes, each node with its own small
 * pool (as two processes would have, as many connections as threads using it), work on one
 * PostgreSQL while another connection terminates their backends at random
 * ({@code pg_terminate_backend}), and a manual clock ({@link MutableClock}) moves the tickets
 * through their escalation levels. After the storm every store agrees: each ticket equals the
 * replay of its history, every version has its outbox rows, its clocks have applied its last
 * version, each escalation level is recorded done once, each level's ticket change (a tag) is in
 * the ticket once, its notification was sent at least once, and every note a writer got an
 * answer for, or resolved after an ambiguous commit, is in the conversation exactly once. Each
 * write call's {@code COMMIT} travels with its writes ({@code <writes>; commit}), so a backend
 * killed during that round trip leaves the outcome to the store's read-back; the targeted cases
 * (fault before the statement reaches the server, after the server committed, read-back
 * refused) are {@code AmbiguousCommitTest}'s. Bounded: about 30 seconds on the shared 2-core machine, well under CI's 3 minutes.
 */
class PostgresFaultInjectionTest {

  private static final TestKit DB = new TestKit(DatabaseKind.POSTGRESQL);
  private static final Instant START = Instant.parse("2031-03-03T00:00:00Z");
  private static final Actor AGENT = Actor.agent("storm");
  private static final String POLICY = """
      {"policies":[{"id":"storm","calendar":"24x7",
        "targets":{"RESOLUTION":{"*":"1h"}},
        "escalations":{"RESOLUTION":{"*":[
          {"at":"50%","actions":[{"tag":"half"},{"notify":"lead"}]},
          {"at":"breach","actions":[{"tag":"late"},{"notify":"lead"}]}]}}}]}
      """;
  private static final int WRITERS = 4;
  private static final int TICKETS_PER_WRITER = 25;
  private static final int NOTES_PER_TICKET = 3;

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  /** One application node: its own pool, ticket service and SLA engine. */
  private record Node(HikariDataSource pool, TicketService tickets, SlaEngine sla) {}

  @Test
  @Timeout(value = 170, unit = TimeUnit.SECONDS)
  void writersAndTwoSlaNodesUnderKilledBackendsLeaveEveryStoreInAgreement() throws Exception {
    DB.kit();
    TenantId tenant = TenantId.of("storm");
    MutableClock clock = MutableClock.of(START);
    Map<String, AtomicInteger> notified = new ConcurrentHashMap<>();
    SlaPolicies policies = SlaPolicies.fromJson(POLICY, SlaCalendars.standard());
    List<Node> nodes = List.of(node(clock, policies, notified), node(clock, policies, notified));
    List<TicketId> opened = new CopyOnWriteArrayList<>();
    Set<String> notesWritten = ConcurrentHashMap.newKeySet();
    AtomicInteger failures = new AtomicInteger();
    AtomicInteger kills = new AtomicInteger();
    AtomicBoolean storm = new AtomicBoolean(true);

    ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 4);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        Node node = nodes.get(w % 2);
        int writer = w;
        writers.add(pool.submit(() -> write(node.tickets(), tenant, writer, opened, notesWritten,
            failures)));
      }
      List<Future<?>> background = new ArrayList<>();
      for (Node node : nodes) {
        background.add(pool.submit(() -> tickWhile(storm, node.sla(), clock, failures)));
      }
      background.add(pool.submit(() -> killWhile(storm, kills)));
      background.add(pool.submit(() -> {
        while (storm.get()) {
          clock.advance(Duration.ofMinutes(1));
          pause(20);
        }
        return null;
      }));
      for (Future<?> f : writers) {
        f.get(120, TimeUnit.SECONDS);
      }
      pause(1_000);
      storm.set(false);
      for (Future<?> f : background) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    clock.advance(Duration.ofDays(1));
    for (Node node : nodes) {
      retrying(() -> {
        while (node.sla().tick(clock.instant()) > 0) {
          // until nothing is due
        }
        return null;
      });
    }

    System.out.printf("fault suite: %d backends terminated, %d failed calls retried, %d tickets,"
        + " %d notifications%n", kills.get(), failures.get(), opened.size(),
        notified.values().stream().mapToInt(AtomicInteger::get).sum());
    assertThat(kills.get()).as("backends terminated").isGreaterThanOrEqualTo(10);
    assertThat(failures.get()).as("writes and ticks that failed and were retried").isPositive();
    assertThat(opened).hasSize(WRITERS * TICKETS_PER_WRITER);
    TicketService reader = nodes.get(0).tickets();
    SlaEngine sla = nodes.get(0).sla();
    for (TicketId id : opened) {
      Ticket t = reader.require(tenant, id);
      List<HistoryEntry> history = reader.history(tenant, id);
      assertThat(TicketReplay.replay(history)).as("replay of %s", id).isEqualTo(t);
      assertThat(t.tags()).contains(Tag.of("half"), Tag.of("late"));
      assertThat(history).filteredOn(h -> h.field().equals(TicketField.CAUSE))
          .as("each level's ticket change made once on %s", id).hasSize(2);
      assertThat(outboxVersions(id)).as("outbox of %s", id)
          .isEqualTo(t.version() * (t.version() + 1) / 2);
      SlaClock resolution = sla.currentClock(tenant, id, SlaMetric.RESOLUTION).orElseThrow();
      assertThat(resolution.dueAt()).isEqualTo(t.createdAt().plus(Duration.ofHours(1)));
      List<DoneWork> done = sla.store().done(tenant, id);
      assertThat(done).extracting(d -> ((LadderLevelDue) d.work()).level())
          .as("levels recorded once on %s", id).containsExactlyInAnyOrder(1, 2);
      assertThat(sla.store().pending(tenant, id)).isEmpty();
      for (int level = 1; level <= 2; level++) {
        assertThat(notified.get(id + "/" + level)).as("level %s of %s notified", level, id)
            .isNotNull().satisfies(n -> assertThat(n.get()).isPositive());
      }
      List<String> bodies = reader.conversation(tenant, id).stream()
          .map(ConversationEntry::body).filter(b -> b.startsWith("note ")).toList();
      assertThat(bodies).doesNotHaveDuplicates();
      assertThat(bodies).hasSize(NOTES_PER_TICKET);
    }
    assertThat(notesWritten).hasSize(WRITERS * TICKETS_PER_WRITER * NOTES_PER_TICKET);
    assertThat(JdbcTestSql.count(DB.dataSource(),
        "select count(*) from tk_sla_done where tenant_id = ?", tenant.value()))
        .isEqualTo(2L * opened.size());
    assertThat(JdbcTestSql.count(DB.dataSource(),
        "select count(*) from tk_ticket where tenant_id = ?", tenant.value()))
        .isEqualTo(opened.size());
    for (Node node : nodes) {
      node.sla().close();
      node.pool().close();
    }
  }

  private static Node node(MutableClock clock, SlaPolicies policies,
      Map<String, AtomicInteger> notified) {
    HikariConfig config = new HikariConfig();
    config.setDataSource(DB.database().dataSource());
    config.setMaximumPoolSize(WRITERS / 2 + 1);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(10_000);
    HikariDataSource pool = new HikariDataSource(config);
    JdbcTicketKit kit = JdbcTicketKit.builder().dataSource(pool).migrate(false).build();
    TicketService tickets = TicketService.builder().store(kit.ticketStore()).clock(clock).build();
    SlaEngine sla = SlaEngine.builder().tickets(tickets).store(kit.slaStore()).policies(policies)
        .notifier(n -> count(n, notified)).build();
    return new Node(pool, tickets, sla);
  }

  private static void count(Notification n, Map<String, AtomicInteger> notified) {
    if (n.context().cause() instanceof EscalationCause.LevelReached l) {
      notified.computeIfAbsent(n.context().ticket().id() + "/" + l.level().number(),
          k -> new AtomicInteger()).incrementAndGet();
    }
  }

  /**
   * Opens tickets and writes notes, retrying every failure as the README tells a host to: a
   * storage failure (of the ticket store, or of the SLA store inside the ticket's transaction)
   * wrote nothing; an unknown outcome is resolved by reading.
   */
  private static Void write(TicketService s, TenantId tenant, int writer, List<TicketId> opened,
      Set<String> notesWritten, AtomicInteger failures) {
    for (int i = 0; i < TICKETS_PER_WRITER; i++) {
      TicketId id = open(s, tenant, failures);
      opened.add(id);
      for (int n = 0; n < NOTES_PER_TICKET; n++) {
        String body = "note " + writer + "-" + i + "-" + n;
        note(s, tenant, id, body, failures);
        notesWritten.add(body);
      }
    }
    return null;
  }

  private static TicketId open(TicketService s, TenantId tenant, AtomicInteger failures) {
    while (true) {
      try {
        return s.open(tenant, AGENT, TicketFixtures.intake().priority(Priority.HIGH).build())
            .id();
      } catch (TicketCommitUnknownException e) {
        failures.incrementAndGet();
        Optional<Ticket> t = retrying(() -> s.get(tenant, e.ticketId()));
        if (t.isPresent()) {
          return t.get().id();
        }
      } catch (TicketStoreException | SlaStoreException e) {
        failures.incrementAndGet();
      }
    }
  }

  private static void note(TicketService s, TenantId tenant, TicketId id, String body,
      AtomicInteger failures) {
    while (true) {
      try {
        Ticket t = s.require(tenant, id);
        s.note(tenant, AGENT, id, t.version(), Message.of(Channel.EMAIL, body));
        return;
      } catch (TicketConflictException e) {
        // an escalation or the other node changed it: read again
      } catch (TicketCommitUnknownException e) {
        failures.incrementAndGet();
        boolean written = retrying(() -> s.conversation(tenant, id)).stream()
            .anyMatch(c -> c.body().equals(body));
        if (written) {
          return;
        }
      } catch (TicketStoreException | SlaStoreException e) {
        failures.incrementAndGet();
      }
    }
  }

  private static Void tickWhile(AtomicBoolean storm, SlaEngine sla, MutableClock clock,
      AtomicInteger failures) {
    while (storm.get()) {
      try {
        sla.tick(clock.instant());
      } catch (RuntimeException e) {
        failures.incrementAndGet();
      }
      pause(10);
    }
    return null;
  }

  /** Terminates one client backend of this test's schema every 50 to 250 ms. */
  private static Void killWhile(AtomicBoolean storm, AtomicInteger kills) throws SQLException {
    try (Connection c = DB.database().dataSource().getConnection();
        Statement st = c.createStatement()) {
      while (storm.get()) {
        pause(ThreadLocalRandom.current().nextInt(50, 250));
        // only this test's backends (its schema is their application name): other tests and
        // programs may share the server and its database
        try (ResultSet rs = st.executeQuery("select pg_terminate_backend(pid) from"
            + " pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()"
            + " and backend_type = 'client backend' and application_name = '"
            + DB.database().name() + "' order by random() limit 1")) {
          while (rs.next()) {
            if (rs.getBoolean(1)) {
              kills.incrementAndGet();
            }
          }
        }
      }
    }
    return null;
  }

  private static long outboxVersions(TicketId id) {
    return JdbcTestSql.count(DB.dataSource(), "select coalesce(sum(distinct ticket_version), 0)"
        + " from tk_outbox where ticket_id = ?", id.value());
  }

  private static <T> T retrying(Supplier<T> read) {
    for (int attempt = 1; ; attempt++) {
      try {
        return read.get();
      } catch (RuntimeException e) {
        if (attempt == 20) {
          throw e;
        }
        pause(100);
      }
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
