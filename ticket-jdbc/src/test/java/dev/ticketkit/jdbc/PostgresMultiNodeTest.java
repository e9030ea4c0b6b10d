package dev.ticketkit.jdbc;

import static dev.ticketkit.testkit.contract.TicketFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.store.ChangeSet;
import dev.ticketkit.testkit.contract.TicketFixtures;
import dev.ticketkit.core.store.TicketStore;
import dev.ticketkit.core.store.UnitOfWork;
import dev.ticketkit.jdbc.testing.SecondPool;
import dev.ticketkit.jdbc.testing.TestKit;
import dev.ticketkit.sla.clock.ClockKey;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.clock.SlaMetric;
import dev.ticketkit.sla.store.ClockUpdate;
import dev.ticketkit.sla.store.DueWork;
import dev.ticketkit.sla.store.LadderLevelDue;
import dev.ticketkit.sla.store.SlaChanges;
import dev.ticketkit.testkit.contract.SlaFixtures;
import dev.ticketkit.sla.store.SlaStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Several nodes on one PostgreSQL: two SLA engines (each with its own pool, as two processes
 * would have) fire 10,000 escalations exactly once, and a backend killed in the middle of a
 * ticket commit leaves no partial ticket, history, outbox row or SLA clock.
 */
class PostgresMultiNodeTest {

  private static final TestKit DB = new TestKit(DatabaseKind.POSTGRESQL);

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Test
  void twoEnginesFireTenThousandEscalationsExactlyOnce() throws Exception {
    TenantId tenant = SlaFixtures.tenant("nodes");
    Instant base = Instant.parse("2031-05-01T00:00:00Z");
    scheduleEscalations(DB.kit().slaStore(), tenant, base, 2500, 4);
    Instant now = base.plus(Duration.ofDays(1));
    Map<DueWork, AtomicInteger> fired = new ConcurrentHashMap<>();
    AtomicInteger[] perNode = {new AtomicInteger(), new AtomicInteger()};

    try (HikariDataSource second = SecondPool.on(DB.database())) {
      SlaStore[] nodes = {DB.freshKit().slaStore(),
          JdbcTicketKit.builder().dataSource(second).migrate(false).build().slaStore()};
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Future<?>> runs = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
          SlaStore node = nodes[n];
          AtomicInteger mine = perNode[n];
          runs.add(pool.submit(() -> {
            for (List<DueWork> due = node.due(now, 50); !due.isEmpty();
                due = node.due(now, 50)) {
              node.claim(due, now, d -> {
                fired.computeIfAbsent(d, k -> new AtomicInteger()).incrementAndGet();
                mine.incrementAndGet();
              });
            }
            return null;
          }));
        }
        for (Future<?> f : runs) {
          f.get(300, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
    }
    assertThat(fired).hasSize(10_000);
    assertThat(fired.values()).allSatisfy(c -> assertThat(c.get()).isEqualTo(1));
    assertThat(perNode[0].get()).as("both nodes took part").isPositive();
    assertThat(perNode[1].get()).as("both nodes took part").isPositive();
    assertThat(JdbcTestSql.count(DB.dataSource(),
        "select count(*) from tk_sla_done where tenant_id = ?", tenant.value())).isEqualTo(10_000);
  }

  /** Writes {@code clocks} running clocks with {@code levels} levels each, one minute apart. */
  static void scheduleEscalations(
      SlaStore store, TenantId tenant, Instant base, int clocks, int levels) {
    List<ClockUpdate> batch = new ArrayList<>();
    for (int i = 0; i < clocks; i++) {
      ClockKey key = SlaFixtures.key(tenant, SlaFixtures.ticket(), SlaMetric.RESOLUTION, 1);
      List<LadderLevelDue> schedule = new ArrayList<>();
      for (int level = 1; level <= levels; level++) {
        schedule.add(new LadderLevelDue(key, level, base.plusSeconds(60L * (i % 600) + level)));
      }
      batch.add(new ClockUpdate(SlaFixtures.running(key), schedule));
      if (batch.size() == 500) {
        store.write(new SlaChanges(0, batch, List.of()));
        batch = new ArrayList<>();
      }
    }
    if (!batch.isEmpty()) {
      store.write(new SlaChanges(0, batch, List.of()));
    }
  }

  @Test
  void aBackendKilledMidCommitLeavesNothingAndTheStoreKeepsWorking() {
    JdbcTicketKit kit = DB.freshKit();
    TicketStore store = kit.ticketStore();
    SlaStore sla = kit.slaStore();
    TenantId tenant = TenantId.of("kill-" + UUID.randomUUID().toString().substring(0, 8));
    KillSwitch kill = new KillSwitch();
    UnitOfWork work = (changes, tx) -> {
      sla.write(SlaChanges.of(ClockUpdate.withoutSchedule(clockOf(changes))), tx);
      kill.run(changes, tx);
    };
    ChangeSet keptOpening = store.commit(TicketFixtures.opening(tenant, T0), work);
    Ticket kept = keptOpening.ticket();

    ChangeSet opening = TicketFixtures.opening(tenant, T0);
    Ticket doomed = opening.ticket();
    kill.armed = true;
    assertThatThrownBy(() -> store.commit(opening, work))
        .isInstanceOf(StorageException.class);
    ChangeSet update = TicketFixtures.update(store, kept, T0.plusSeconds(1), b -> b.subject("Lost"));
    kill.armed = true;
    assertThatThrownBy(() -> store.commit(update, work)).isInstanceOf(StorageException.class);

    assertThat(kill.kills).hasValue(2);
    assertThat(store.get(tenant, doomed.id())).isEmpty();
    assertThat(store.history(tenant, doomed.id())).isEmpty();
    assertThat(sla.clocks(tenant, doomed.id())).isEmpty();
    assertThat(store.get(tenant, kept.id()).orElseThrow().version()).isEqualTo(1);
    assertThat(store.history(tenant, kept.id())).isEqualTo(keptOpening.history());
    assertThat(sla.clocks(tenant, kept.id())).hasSize(1);
    assertThat(outboxRows(doomed.id())).isZero();
    assertThat(outboxRows(kept.id())).isEqualTo(1);

    store.commit(update, work);
    assertThat(store.get(tenant, kept.id()).orElseThrow().version()).isEqualTo(2);
    assertThat(outboxRows(kept.id())).isEqualTo(2);
  }

  private static long outboxRows(TicketId id) {
    return JdbcTestSql.count(DB.dataSource(), "select count(*) from tk_outbox where ticket_id = ?",
        id.value());
  }

  private static SlaClock clockOf(ChangeSet changes) {
    return SlaFixtures.running(SlaFixtures.key(changes.tenant(), changes.ticketId(),
        SlaMetric.FIRST_RESPONSE, 1));
  }

  /** Work that, when armed, has its own backend terminated from another connection. */
  private static final class KillSwitch implements UnitOfWork {
    volatile boolean armed;
    final AtomicInteger kills = new AtomicInteger();

    @Override
    public void run(ChangeSet changes, dev.ticketkit.core.store.TransactionContext tx) {
      if (!armed) {
        return;
      }
      armed = false;
      Integer pid = tx.unwrap(DSLContext.class).orElseThrow()
          .fetchValue(org.jooq.impl.DSL.field("pg_backend_pid()", Integer.class));
      long killed = JdbcTestSql.count(DB.dataSource(),
          "select count(*) from (select pg_terminate_backend(?)) k where true", pid);
      assertThat(killed).isEqualTo(1);
      kills.incrementAndGet();
    }
  }
}
