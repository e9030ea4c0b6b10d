package dev.ticketkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.ticketkit.core.Actor;
import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.NewTicket;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.Requester;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.routing.AgentProfile;
import dev.ticketkit.core.routing.LoadWeights;
import dev.ticketkit.core.routing.Roster;
import dev.ticketkit.core.routing.RosterStore;
import dev.ticketkit.core.routing.Router;
import dev.ticketkit.core.routing.Routing;
import dev.ticketkit.core.store.Page;
import dev.ticketkit.core.store.PageCursor;
import dev.ticketkit.core.store.TicketQuery;
import dev.ticketkit.jdbc.testing.SecondPool;
import dev.ticketkit.jdbc.testing.TestKit;
import dev.ticketkit.testkit.MutableClock;
import dev.ticketkit.testkit.contract.TicketFixtures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Routing under contention on PostgreSQL, with two nodes (each its own kit and pool, as two
 * processes): 8 threads route queued tickets while 2 more take new ones in. Unlike intakes, which
 * queue on the tenant's number counter, routing queued tickets races on the agents' load rows
 * themselves, so this is where the conditional update has to hold the capacity.
 */
class PostgresRoutingConcurrencyTest {

  private static final TestKit DB = new TestKit(DatabaseKind.POSTGRESQL);
  private static final Actor WANG = Actor.requester("wang");
  private static final List<AgentId> AGENTS =
      List.of(AgentId.of("a-li"), AgentId.of("b-zhao"), AgentId.of("c-chen"));

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  private final MutableClock clock = MutableClock.of(TicketFixtures.T0);
  private final TenantId tenant = TenantId.of("route-" + UUID.randomUUID().toString().substring(0, 8));

  @Test
  void twoNodesRoutingAtOnceFillEveryAgentToCapacityAndNeverPastIt() throws Exception {
    Roster roster = roster(7);
    try (HikariDataSource second = SecondPool.on(DB.database())) {
      JdbcTicketKit[] kits = {DB.freshKit(), JdbcTicketKit.builder().dataSource(second)
          .migrate(false).build()};
      TicketService plain = TicketService.builder().store(kits[0].ticketStore()).clock(clock)
          .build();
      Queue<TicketId> queued = new ConcurrentLinkedQueue<>();
      for (int i = 0; i < 60; i++) {
        queued.add(open(plain, Priority.values()[i % 4]).id());
      }
      TicketService[] nodes = {routed(kits[0], roster, Router.leastLoaded()),
          routed(kits[1], roster, Router.leastLoaded())};
      runConcurrently(10, n -> {
        TicketService node = nodes[n % 2];
        if (n >= 8) {
          for (int k = 0; k < 10; k++) {
            open(node, Priority.values()[k % 4]);
          }
          return;
        }
        for (TicketId id = queued.poll(); id != null; id = queued.poll()) {
          node.route(tenant, id);
        }
      });
      Map<AgentId, Integer> oracle = openLoads(plain, roster);
      // 30 queued tickets weigh 1 and each was routed once: an agent left with room would have
      // taken the last of them, so every agent ends exactly at capacity.
      assertThat(oracle).isEqualTo(Map.of(AGENTS.get(0), 7, AGENTS.get(1), 7, AGENTS.get(2), 7));
      assertThat(kits[1].rosterStore().loads(tenant, AGENTS)).isEqualTo(oracle);
    }
  }

  @Test
  void roundRobinStaysFairWhenTwoNodesRouteAtOnce() throws Exception {
    Roster roster = roster(100);
    try (HikariDataSource second = SecondPool.on(DB.database())) {
      JdbcTicketKit[] kits = {DB.freshKit(), JdbcTicketKit.builder().dataSource(second)
          .migrate(false).build()};
      TicketService plain = TicketService.builder().store(kits[0].ticketStore()).clock(clock)
          .build();
      Queue<TicketId> queued = new ConcurrentLinkedQueue<>();
      for (int i = 0; i < 30; i++) {
        queued.add(open(plain, Priority.LOW).id());
      }
      TicketService[] nodes = {routed(kits[0], roster, Router.roundRobin()),
          routed(kits[1], roster, Router.roundRobin())};
      runConcurrently(8, n -> {
        for (TicketId id = queued.poll(); id != null; id = queued.poll()) {
          nodes[n % 2].route(tenant, id);
        }
      });
      assertThat(openLoads(plain, roster))
          .isEqualTo(Map.of(AGENTS.get(0), 10, AGENTS.get(1), 10, AGENTS.get(2), 10));
      assertThat(kits[0].rosterStore().turn(tenant, "L1").number()).isEqualTo(30);
    }
  }

  private static Roster roster(int capacity) {
    return Roster.of(LoadWeights.standard(),
        AGENTS.stream().map(a -> AgentProfile.of(a, "L1", capacity)).toList());
  }

  private TicketService routed(JdbcTicketKit kit, Roster roster, Router router) {
    RosterStore loads = kit.rosterStore();
    return TicketService.builder().store(kit.ticketStore()).clock(clock).routing(
        Routing.builder().roster(roster).router(router).store(loads).build()).build();
  }

  private Ticket open(TicketService service, Priority priority) {
    return service.open(tenant, WANG, NewTicket.builder().requester(Requester.of("wang", "Wang"))
        .channel(Channel.EMAIL).subject("Cannot pay").description("The page fails.")
        .priority(priority).build());
  }

  /** The oracle: each agent's open load summed from the tickets, checked against capacity. */
  private Map<AgentId, Integer> openLoads(TicketService service, Roster roster) {
    Map<AgentId, Integer> loads = new HashMap<>();
    AGENTS.forEach(a -> loads.put(a, 0));
    PageCursor cursor = null;
    do {
      Page<Ticket> page = service.query(tenant,
          TicketQuery.builder().limit(TicketQuery.MAX_LIMIT).after(cursor).build());
      for (Ticket t : page.items()) {
        if (t.assignee() != null && t.status().category().isActive()) {
          loads.merge(t.assignee(), roster.weights().of(t.priority()), Integer::sum);
        }
      }
      cursor = page.next();
    } while (cursor != null);
    roster.profiles().forEach(p -> assertThat(loads.get(p.agent())).as("load of " + p.agent())
        .isLessThanOrEqualTo(p.capacity()));
    return loads;
  }

  private static void runConcurrently(int threads, java.util.function.IntConsumer work)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int n = i;
        done.add(pool.submit(() -> {
          start.await();
          work.accept(n);
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(300, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
