package dev.ticketkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.Category;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.HistoryAction;
import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.NewTicket;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.Rating;
import dev.ticketkit.core.Requester;
import dev.ticketkit.core.Satisfaction;
import dev.ticketkit.core.StatusCategory;
import dev.ticketkit.core.SupportTier;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketEdit;
import dev.ticketkit.core.TicketField;
import dev.ticketkit.core.TicketFollower;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.event.TicketAssigned;
import dev.ticketkit.core.routing.AgentProfile;
import dev.ticketkit.core.routing.Availability;
import dev.ticketkit.core.routing.LoadWeights;
import dev.ticketkit.core.routing.Roster;
import dev.ticketkit.core.routing.RosterStore;
import dev.ticketkit.core.routing.Router;
import dev.ticketkit.core.routing.Routing;
import dev.ticketkit.core.store.ChangeSet;
import dev.ticketkit.core.store.PageCursor;
import dev.ticketkit.core.store.Page;
import dev.ticketkit.core.store.TicketQuery;
import dev.ticketkit.core.store.TransactionContext;
import dev.ticketkit.core.workflow.StandardWorkflow;
import dev.ticketkit.testkit.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Routing on a store, through {@link TicketService}: round robin, least loaded, skills with a
 * fallback, availability, capacity, escalation to the next tier's group, loads kept exact through
 * every change (checked against the tickets themselves), and concurrent intakes that never pass an
 * agent's capacity and keep round robin fair. Extend it and implement {@link #createStore()} and
 * {@link #createRosterStore()}.
 */
public abstract class RoutingContract extends StoreContractSupport {

  /** A team lead who assigns and resolves by hand. */
  protected static final Actor LEAD = Actor.agent("lead");
  /** The requester of every ticket. */
  protected static final Actor WANG = Actor.requester("wang");

  private static final AgentId A = AgentId.of("a-li");
  private static final AgentId B = AgentId.of("b-zhao");
  private static final AgentId C = AgentId.of("c-chen");
  private static final AgentId L2 = AgentId.of("x-expert");

  /** The clock of the services, at {@link TicketFixtures#T0} when a test starts. */
  protected MutableClock clock;
  /** The roster store under test. */
  protected RosterStore rosters;

  /**
   * Returns the roster store that shares the transactions of the store under test (called after
   * {@link #createStore()}).
   *
   * @return the roster store
   */
  protected abstract RosterStore createRosterStore();

  @BeforeEach
  void setUpRouting() {
    clock = MutableClock.of(TicketFixtures.T0);
    rosters = createRosterStore();
  }

  /** Returns a service over the store under test that routes with a router over a roster. */
  protected TicketService service(Router router, Roster roster, Availability availability,
      TicketFollower... followers) {
    Routing routing = Routing.builder().roster(roster).router(router).store(rosters)
        .availability(availability).build();
    var b = TicketService.builder().store(store).clock(clock).workflow(StandardWorkflow.create())
        .routing(routing);
    for (TicketFollower f : followers) {
      b.follower(f);
    }
    return b.build();
  }

  private TicketService service(Router router, Roster roster) {
    return service(router, roster, Availability.always());
  }

  private static Roster l1(int capacity, AgentId... agents) {
    List<AgentProfile> profiles = new ArrayList<>();
    for (AgentId a : agents) {
      profiles.add(AgentProfile.of(a, "L1", capacity));
    }
    profiles.add(AgentProfile.of(L2, "L2", 100));
    return Roster.of(LoadWeights.standard(), profiles);
  }

  /** Opens a ticket of a tenant with a priority. */
  protected static Ticket open(TicketService service, TenantId owner, Priority priority,
      Consumer<NewTicket.Builder> more) {
    return open(service, owner, priority, Channel.EMAIL, more);
  }

  /** Opens a ticket of a tenant with a priority, on a channel. */
  protected static Ticket open(TicketService service, TenantId owner, Priority priority,
      Channel channel, Consumer<NewTicket.Builder> more) {
    NewTicket.Builder b = NewTicket.builder()
        .requester(Requester.of("wang", "Wang Fang"))
        .channel(channel).subject("Cannot pay").description("The payment page fails.")
        .priority(priority);
    more.accept(b);
    return service.open(owner, WANG, b.build());
  }

  private Ticket open(TicketService service, Priority priority) {
    return open(service, tenant, priority, b -> { });
  }

  @Test
  void roundRobinTakesTheGroupsAgentsInTurnAndSaysSoInTheHistory() {
    TicketService service = service(Router.roundRobin(), l1(10, C, A, B));
    List<AgentId> assignees = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      assignees.add(open(service, Priority.MEDIUM).assignee());
    }
    assertThat(assignees).containsExactly(A, B, C, A, B, C, A);

    Ticket first = service.query(tenant, TicketQuery.builder().limit(1).build()).items().get(0);
    List<HistoryEntry> history = service.history(tenant, first.id());
    assertThat(history).extracting(HistoryEntry::field).contains(TicketField.CAUSE);
    assertThat(history).filteredOn(h -> h.field().equals(TicketField.CAUSE))
        .extracting(HistoryEntry::after).containsExactly("router round-robin");
    assertThat(history).filteredOn(h -> h.action() == HistoryAction.ASSIGNED)
        .extracting(HistoryEntry::after).containsExactly(A.value());
    assertThat(dev.ticketkit.core.TicketReplay.replay(history)).as("replayed from history")
        .isEqualTo(first);
    assertThat(rosters.turn(tenant, "L1").number()).isEqualTo(7);
    assertThat(rosters.turn(otherTenant, "L1").number()).isZero();
    assertLoadsExact(service, tenant, l1(10, A, B, C));
  }

  @Test
  void intakeAnnouncesTheRoutedAssignmentAfterTheOpening() {
    List<TicketAssigned> assigned = new ArrayList<>();
    TicketService service = service(Router.roundRobin(), l1(10, A));
    service.subscribe(TicketAssigned.class, assigned::add);
    Ticket t = open(service, Priority.LOW);
    assertThat(assigned).singleElement().satisfies(e -> {
      assertThat(e.ticketId()).isEqualTo(t.id());
      assertThat(e.from()).isNull();
      assertThat(e.to()).isEqualTo(A);
    });
  }

  @Test
  void leastLoadedWeighsOpenTicketsByPriority() {
    TicketService service = service(Router.leastLoaded(), l1(20, A, B));
    assertThat(open(service, Priority.URGENT).assignee()).isEqualTo(A); // a 4, b 0
    assertThat(open(service, Priority.HIGH).assignee()).isEqualTo(B); //   a 4, b 2
    assertThat(open(service, Priority.MEDIUM).assignee()).isEqualTo(B); // a 4, b 3
    assertThat(open(service, Priority.LOW).assignee()).isEqualTo(B); //    a 4, b 4
    assertThat(open(service, Priority.LOW).assignee()).isEqualTo(A); //    tie: a
    assertThat(rosters.loads(tenant, List.of(A, B))).isEqualTo(Map.of(A, 5, B, 4));
  }

  @Test
  void aFullGroupLeavesTheTicketQueuedUntilRoomFreesUp() {
    TicketService service = service(Router.leastLoaded(), l1(2, A, B));
    List<Ticket> opened = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      opened.add(open(service, Priority.MEDIUM));
    }
    assertThat(opened).extracting(Ticket::assignee).containsExactly(A, B, A, B, null);
    Ticket queued = opened.get(4);
    assertThat(service.route(tenant, queued.id()).assignee()).isNull();

    Ticket done = opened.get(0);
    done = close(service, done);
    assertThat(rosters.loads(tenant, List.of(A))).isEqualTo(Map.of(A, 1));
    Ticket routed = service.route(tenant, queued.id());
    assertThat(routed.assignee()).isEqualTo(A);
    assertThat(routed.version()).isEqualTo(queued.version() + 1);
    assertThat(service.history(tenant, routed.id()))
        .filteredOn(h -> h.ticketVersion() == routed.version())
        .extracting(HistoryEntry::field, HistoryEntry::after)
        .contains(org.assertj.core.groups.Tuple.tuple(TicketField.CAUSE, "router least-loaded"));
    assertLoadsExact(service, tenant, l1(2, A, B));
  }

  @Test
  void skillsPreferTheFittingAgentAndFallBackWhenNoneIsFree() {
    Category billing = Category.of("billing");
    Roster roster = Roster.of(LoadWeights.uniform(), List.of(
        AgentProfile.of(A, "L1", 1).withCategories(billing).withLanguages("zh-CN")
            .withChannels(Channel.EMAIL, Channel.PHONE),
        AgentProfile.of(B, "L1", 5).withCategories(Category.of("login"))
            .withLanguages("en").withChannels(Channel.EMAIL),
        AgentProfile.of(C, "L1", 5)));
    Router skills = Router.skills(Router.leastLoaded(), Router.roundRobin(),
        t -> t.tags().contains(dev.ticketkit.core.Tag.of("zh")) ? "zh-CN" : "en");
    TicketService service = service(skills, roster);
    Ticket zhRefund = open(service, tenant, Priority.MEDIUM, b -> b.tag(dev.ticketkit.core.Tag.of("zh"))
        .category(Category.of("billing", "refund")));
    assertThat(zhRefund.assignee()).as("category within billing, zh, email").isEqualTo(A);
    Ticket enLogin = open(service, tenant, Priority.MEDIUM, b -> b.category(Category.of("login")));
    assertThat(enLogin.assignee()).isEqualTo(B);
    Ticket phoneLogin = open(service, tenant, Priority.MEDIUM, Channel.PHONE,
        b -> b.category(Category.of("login")));
    // Nobody fits the phone: round robin among all with room (A is full), after B's turn.
    assertThat(phoneLogin.assignee()).isEqualTo(C);
    Ticket zhAgain = open(service, tenant, Priority.MEDIUM, b -> b.tag(dev.ticketkit.core.Tag.of("zh"))
        .category(billing));
    assertThat(zhAgain.assignee()).as("A fits but is full: the fallback's turn").isEqualTo(B);
    assertLoadsExact(service, tenant, roster);
  }

  @Test
  void onlyAvailableAgentsAreCandidates() {
    Availability shifts = (agent, at) -> !agent.equals(A)
        || at.isBefore(TicketFixtures.T0.plus(Duration.ofHours(1)));
    TicketService service = service(Router.roundRobin(), l1(10, A, B), shifts);
    assertThat(open(service, Priority.LOW).assignee()).isEqualTo(A);
    clock.advance(Duration.ofHours(2));
    assertThat(open(service, Priority.LOW).assignee()).isEqualTo(B);
    assertThat(open(service, Priority.LOW).assignee()).as("A is off shift").isEqualTo(B);
  }

  @Test
  void anEscalationRoutesToTheNextTiersGroup() {
    TicketService service = service(Router.roundRobin(), l1(10, A));
    Ticket t = open(service, Priority.HIGH);
    assertThat(t.assignee()).isEqualTo(A);
    Ticket up = service.escalate(tenant, LEAD, t.id(), t.version(), "needs an expert");
    assertThat(up.tier()).isEqualTo(SupportTier.of(2));
    assertThat(up.assignee()).isEqualTo(L2);
    assertThat(up.version()).isEqualTo(t.version() + 2);
    assertThat(rosters.loads(tenant, List.of(A, L2))).isEqualTo(Map.of(A, 0, L2, 2));

    Ticket low = open(service, Priority.LOW);
    Ticket reopened = resolveAndRate(service, low, Satisfaction.DISSATISFIED);
    assertThat(reopened.tier()).isEqualTo(SupportTier.of(2));
    assertThat(reopened.assignee()).as("reopened one tier up and routed there").isEqualTo(L2);
    assertThat(dev.ticketkit.core.TicketReplay.replay(service.history(tenant, reopened.id())))
        .isEqualTo(reopened);
    assertLoadsExact(service, tenant, l1(10, A));
  }

  @Test
  void loadsFollowEveryChangeOfAssigneeStateAndPriority() {
    TicketService service = service(Router.roundRobin(), l1(50, A, B, C));
    List<Ticket> tickets = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      tickets.add(open(service, Priority.values()[i % 4]));
    }
    Ticket t0 = service.assign(tenant, LEAD, tickets.get(0).id(), tickets.get(0).version(), C);
    Ticket t1 = service.changePriority(tenant, LEAD, tickets.get(1).id(),
        tickets.get(1).version(), Priority.URGENT);
    Ticket t2 = service.assign(tenant, LEAD, tickets.get(2).id(), tickets.get(2).version(), null);
    close(service, tickets.get(3));
    resolveAndRate(service, tickets.get(4), Satisfaction.DISSATISFIED);
    Ticket t5 = service.fire(tenant, LEAD, tickets.get(5).id(), tickets.get(5).version(),
        StandardWorkflow.CANCEL);
    service.edit(tenant, LEAD, t0.id(), t0.version(),
        TicketEdit.builder().subject("Cannot pay by card").build());
    service.note(tenant, LEAD, t1.id(), t1.version(), dev.ticketkit.core.Message.of(Channel.EMAIL, "looking"));
    assertThat(t2.assignee()).isNull();
    assertThat(t5.status().category()).isEqualTo(StatusCategory.CLOSED);
    assertLoadsExact(service, tenant, l1(50, A, B, C));
  }

  @Test
  void anAbandonedCommitMovesNoLoadAndNoTurn() {
    TicketFollower failing = new TicketFollower() {
      @Override
      public void inTransaction(ChangeSet committed, TransactionContext transaction) {
        if (committed.ticket().subject().equals("fail")) {
          throw new IllegalStateException("follower failed");
        }
      }
    };
    TicketService service = service(Router.roundRobin(), l1(10, A, B), Availability.always(),
        failing);
    open(service, Priority.URGENT);
    assertThatThrownBy(() -> open(service, tenant, Priority.URGENT, b -> b.subject("fail")))
        .isInstanceOf(RuntimeException.class);
    assertThat(rosters.loads(tenant, List.of(A, B))).isEqualTo(Map.of(A, 4, B, 0));
    assertThat(rosters.turn(tenant, "L1").number()).isEqualTo(1);
    assertThat(open(service, Priority.LOW).assignee()).isEqualTo(B);
  }

  @Test
  void aRouterThatChoosesNobodyLeavesTheTicketQueued() {
    Router nobody = new Router() {
      @Override
      public String name() {
        return "nobody";
      }

      @Override
      public java.util.Optional<AgentId> choose(
          dev.ticketkit.core.routing.RoutingRequest request) {
        return java.util.Optional.empty();
      }
    };
    TicketService service = service(nobody, l1(10, A));
    Ticket t = open(service, Priority.LOW);
    assertThat(t.assignee()).isNull();
    assertThat(service.history(tenant, t.id())).extracting(HistoryEntry::field)
        .doesNotContain(TicketField.CAUSE);
  }

  @Test
  void concurrentIntakesNeverPassCapacityAndRoundRobinStaysFair() throws Exception {
    Roster roster = l1(6, A, B, C);
    TicketService service = service(Router.roundRobin(), roster);
    int threads = 8;
    int perThread = 4;
    ConcurrentLinkedQueue<Ticket> opened = new ConcurrentLinkedQueue<>();
    runConcurrently(threads, i -> {
      for (int k = 0; k < perThread; k++) {
        opened.add(open(service, Priority.MEDIUM));
      }
    });
    assertThat(opened).hasSize(threads * perThread);
    Map<AgentId, Long> counts = opened.stream().filter(t -> t.assignee() != null)
        .collect(Collectors.groupingBy(Ticket::assignee, Collectors.counting()));
    assertThat(counts).as("capacity 6 each, 32 intakes: 18 assigned, 6 each")
        .isEqualTo(Map.of(A, 6L, B, 6L, C, 6L));
    assertLoadsExact(service, tenant, roster);
  }

  @Test
  void concurrentIntakesBelowCapacityTakeTurnsExactly() throws Exception {
    Roster roster = l1(100, A, B, C);
    TicketService service = service(Router.roundRobin(), roster);
    ConcurrentLinkedQueue<Ticket> opened = new ConcurrentLinkedQueue<>();
    runConcurrently(8, i -> {
      for (int k = 0; k < 3; k++) {
        opened.add(open(service, Priority.LOW));
      }
    });
    Map<AgentId, Long> counts = opened.stream()
        .collect(Collectors.groupingBy(Ticket::assignee, Collectors.counting()));
    assertThat(counts).isEqualTo(Map.of(A, 8L, B, 8L, C, 8L));
    assertThat(rosters.turn(tenant, "L1").number()).isEqualTo(24);
    // In number (= commit) order, the turns go A, B, C, A, ...
    List<AgentId> inOrder = allTickets(service, tenant).stream().map(Ticket::assignee).toList();
    for (int i = 0; i < inOrder.size(); i++) {
      assertThat(inOrder.get(i)).isEqualTo(List.of(A, B, C).get(i % 3));
    }
  }

  /** Runs work on threads started together and waits for all; rethrows the first failure. */
  protected static void runConcurrently(int threads, java.util.function.IntConsumer work)
      throws Exception {
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<?>> done = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int n = i;
        done.add(pool.submit(() -> {
          start.await();
          work.accept(n);
          return null;
        }));
      }
      start.countDown();
      for (java.util.concurrent.Future<?> f : done) {
        f.get(120, java.util.concurrent.TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Resolves, then has the requester rate; returns the ticket after the rating. */
  private Ticket resolveAndRate(TicketService service, Ticket t, Satisfaction satisfaction) {
    Ticket c = t;
    for (String move : List.of(StandardWorkflow.ACCEPT, StandardWorkflow.DIAGNOSE,
        StandardWorkflow.START_FIX)) {
      c = service.fire(tenant, LEAD, c.id(), c.version(), move);
    }
    c = service.edit(tenant, LEAD, c.id(), c.version(),
        TicketEdit.builder().resolutionSummary("Cleared the cache").build());
    c = service.fire(tenant, LEAD, c.id(), c.version(), StandardWorkflow.PROPOSE_RESOLUTION);
    Rating rating = satisfaction == Satisfaction.DISSATISFIED
        ? Rating.dissatisfied(dev.ticketkit.core.DissatisfactionReason.NOT_FIXED, "still fails")
        : Rating.of(satisfaction);
    return service.rate(tenant, WANG, c.id(), c.version(), rating);
  }

  private Ticket close(TicketService service, Ticket t) {
    Ticket closed = resolveAndRate(service, t, Satisfaction.SATISFIED);
    assertThat(closed.status().category()).isEqualTo(StatusCategory.CLOSED);
    return closed;
  }

  /** Every ticket of a tenant, in number order. */
  protected static List<Ticket> allTickets(TicketService service, TenantId owner) {
    List<Ticket> all = new ArrayList<>();
    PageCursor cursor = null;
    do {
      Page<Ticket> page = service.query(owner,
          TicketQuery.builder().limit(TicketQuery.MAX_LIMIT).after(cursor).build());
      all.addAll(page.items());
      cursor = page.next();
    } while (cursor != null);
    return all;
  }

  /**
   * Checks the stored loads against the tickets (the slow obvious oracle): each agent's load is
   * the sum of the weights of the open tickets assigned to them, and within their capacity.
   */
  protected void assertLoadsExact(TicketService service, TenantId owner, Roster roster) {
    Map<AgentId, Integer> expected = new HashMap<>();
    for (Ticket t : allTickets(service, owner)) {
      if (t.assignee() != null && t.status().category().isActive()) {
        expected.merge(t.assignee(), roster.weights().of(t.priority()), Integer::sum);
      }
    }
    Set<AgentId> agents = new java.util.HashSet<>(expected.keySet());
    roster.profiles().forEach(p -> agents.add(p.agent()));
    Map<AgentId, Integer> stored = new HashMap<>(rosters.loads(owner, agents));
    assertThat(stored.keySet()).isEqualTo(agents);
    stored.values().removeIf(v -> v == 0);
    assertThat(stored).as("stored loads against the tickets").isEqualTo(expected);
    for (var p : roster.profiles()) {
      assertThat(expected.getOrDefault(p.agent(), 0)).as("load of " + p.agent())
          .isLessThanOrEqualTo(p.capacity());
    }
  }
}
