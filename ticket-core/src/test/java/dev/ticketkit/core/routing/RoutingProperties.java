package dev.ticketkit.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.Category;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.MutableClock;
import dev.ticketkit.core.NewTicket;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.Rating;
import dev.ticketkit.core.Requester;
import dev.ticketkit.core.Satisfaction;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketKitException;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.core.store.TicketQuery;
import dev.ticketkit.core.workflow.StandardWorkflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random sequences of intakes, routing, hand assignments, priority changes, transitions,
 * escalations and ratings through the service: after every call each agent's stored load equals
 * the sum of the weights of their open tickets (the slow oracle), and no routed assignment ever
 * takes an agent past capacity.
 */
class RoutingProperties {

  private static final TenantId TENANT = TenantId.of("acme");
  private static final Actor LEAD = Actor.agent("lead");
  private static final List<AgentId> AGENTS = List.of(AgentId.of("a"), AgentId.of("b"),
      AgentId.of("c"), AgentId.of("d"));
  private static final Roster ROSTER = Roster.of(LoadWeights.standard(), List.of(
      AgentProfile.of(AGENTS.get(0), "L1", 5).withCategories(Category.of("billing"))
          .withChannels(Channel.EMAIL),
      AgentProfile.of(AGENTS.get(1), "L1", 3),
      AgentProfile.of(AGENTS.get(2), "L2", 6),
      AgentProfile.of(AGENTS.get(3), "L2", 0)));
  private static final List<String> MOVES = List.of(StandardWorkflow.ACCEPT,
      StandardWorkflow.DIAGNOSE, StandardWorkflow.START_FIX, StandardWorkflow.PROPOSE_RESOLUTION,
      StandardWorkflow.WAIT_ON_REQUESTER, StandardWorkflow.CANCEL, StandardWorkflow.NOT_FIXED);

  /** One random call. */
  record Command(int kind, int ticket, int a) {}

  @Provide
  Arbitrary<List<Command>> commands() {
    return Combinators.combine(Arbitraries.integers().between(0, 7),
        Arbitraries.integers().between(0, 50), Arbitraries.integers().between(0, 100))
        .as(Command::new).list().ofMinSize(5).ofMaxSize(80);
  }

  @Provide
  Arbitrary<Router> routers() {
    return Arbitraries.of(Router.roundRobin(), Router.leastLoaded(),
        Router.skills(Router.leastLoaded(), Router.roundRobin()));
  }

  @Property(tries = 150)
  void loadsMatchTheTicketsAndRoutingNeverPassesCapacity(
      @ForAll("commands") List<Command> commands, @ForAll("routers") Router router) {
    MutableClock clock = MutableClock.standard();
    RosterStore rosters = InMemoryRosterStore.create();
    TicketService service = TicketService.builder().store(InMemoryTicketStore.create())
        .clock(clock).workflow(StandardWorkflow.create()).routing(Routing.builder()
            .roster(ROSTER).router(router).store(rosters).build()).build();
    List<Ticket> tickets = new ArrayList<>();
    for (Command c : commands) {
      clock.advance(Duration.ofMinutes(7));
      try {
        Ticket routed = run(service, tickets, c);
        if (routed != null && routed.assignee() != null) {
          AgentId a = routed.assignee();
          assertThat(rosters.loads(TENANT, List.of(a)).get(a)).as("load of %s", a)
              .isLessThanOrEqualTo(ROSTER.profile(a).orElseThrow().capacity());
        }
      } catch (TicketKitException refused) {
        // an illegal move for the ticket's state: nothing changed
      }
      assertThat(rosters.loads(TENANT, AGENTS)).isEqualTo(oracle(service));
    }
  }

  /** Runs a command; returns the ticket if routing chose for it. */
  private static Ticket run(TicketService service, List<Ticket> tickets, Command c) {
    if (c.kind() == 0 || tickets.isEmpty()) {
      Ticket t = service.open(TENANT, Actor.requester("wang"), NewTicket.builder()
          .requester(Requester.of("wang", "Wang")).channel(c.a() % 2 == 0 ? Channel.EMAIL
              : Channel.PHONE).subject("s").description("d")
          .category(c.a() % 3 == 0 ? Category.of("billing", "refund") : null)
          .priority(Priority.values()[c.a() % 4]).build());
      tickets.add(t);
      return t;
    }
    Ticket t = service.require(TENANT, tickets.get(c.ticket() % tickets.size()).id());
    switch (c.kind()) {
      case 1 -> {
        Ticket routed = service.route(TENANT, t.id());
        return routed.version() == t.version() ? null : routed;
      }
      case 2 -> service.assign(TENANT, LEAD, t.id(), t.version(),
          c.a() % 5 == 4 ? null : AGENTS.get(c.a() % 4));
      case 3 -> service.changePriority(TENANT, LEAD, t.id(), t.version(),
          Priority.values()[c.a() % 4]);
      case 4 -> {
        Ticket up = service.escalate(TENANT, LEAD, t.id(), t.version(), "needs more");
        return up.version() == t.version() + 2 ? up : null;
      }
      case 5 -> service.rate(TENANT, Actor.requester("wang"), t.id(), t.version(),
          c.a() % 2 == 0 ? Rating.of(Satisfaction.SATISFIED)
              : Rating.dissatisfied(dev.ticketkit.core.DissatisfactionReason.NOT_FIXED, null));
      default -> service.fire(TENANT, LEAD, t.id(), t.version(), MOVES.get(c.a() % MOVES.size()));
    }
    return null;
  }

  private static Map<AgentId, Integer> oracle(TicketService service) {
    Map<AgentId, Integer> loads = new HashMap<>();
    AGENTS.forEach(a -> loads.put(a, 0));
    for (Ticket t : service.query(TENANT, TicketQuery.builder().limit(TicketQuery.MAX_LIMIT)
        .build()).items()) {
      if (t.assignee() != null && AGENTS.contains(t.assignee()) && t.status().category().isActive()) {
        loads.merge(t.assignee(), ROSTER.weights().of(t.priority()), Integer::sum);
      }
    }
    return loads;
  }
}
