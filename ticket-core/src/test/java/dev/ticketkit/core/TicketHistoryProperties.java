package dev.ticketkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.event.TicketEvent;
import dev.ticketkit.core.store.Page;
import dev.ticketkit.core.store.TicketQuery;
import dev.ticketkit.core.workflow.StandardWorkflow;
import dev.ticketkit.core.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Random sequences of service calls by agents, requesters and the system, across two tenants,
 * including illegal and stale ones. After every call: each ticket equals the replay of its
 * history, its versions, history and events agree, a refused call changed nothing, and no read
 * of one tenant returns anything of the other.
 */
class TicketHistoryProperties {

  private static final Workflow WORKFLOW = StandardWorkflow.create(Duration.ofDays(3));
  private static final List<String> TRANSITIONS = new ArrayList<>(
      WORKFLOW.transitions().stream().map(t -> t.name()).toList());
  private static final TenantId[] TENANTS = {TenantId.of("acme"), TenantId.of("globex")};

  static {
    TRANSITIONS.add("teleport");
  }

  /** One random call: what to do, on which tenant's which ticket, with two free numbers. */
  record Command(int kind, int tenant, int ticket, int a, int b) {}

  @Provide
  Arbitrary<List<Command>> commands() {
    Arbitrary<Command> one = Combinators.combine(Arbitraries.integers().between(0, 30),
        Arbitraries.integers().between(0, 1), Arbitraries.integers().between(0, 3),
        Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, 1000))
        .as(Command::new);
    return one.list().ofMinSize(5).ofMaxSize(150);
  }

  @Property(tries = 100)
  void everyTicketIsItsReplayedHistoryAndTenantsNeverMix(
      @ForAll("commands") List<Command> commands) {
    ServiceFixture f = new ServiceFixture(WORKFLOW);
    List<List<Ticket>> tickets = List.of(new ArrayList<>(), new ArrayList<>());
    for (int t = 0; t < 2; t++) {
      for (int i = 0; i < 2; i++) {
        tickets.get(t).add(f.open(TENANTS[t]));
      }
    }
    int step = 0;
    for (Command c : commands) {
      List<Ticket> own = tickets.get(c.tenant());
      Ticket pick = own.get(c.ticket() % Math.min(own.size(), 3));
      Ticket target = f.service.require(TENANTS[c.tenant()], pick.id());
      List<Object> before = f.snapshot(target);
      try {
        Ticket result = new CommandRunner(f, tickets, step++).run(c, target);
        if (result != null && !own.stream().anyMatch(t -> t.id().equals(result.id()))) {
          own.add(result);
        }
      } catch (TicketKitException refused) {
        assertThat(f.snapshot(target)).as("refused %s changed nothing", c).isEqualTo(before);
      }
      checkInvariants(f, tickets);
    }
    tickets.forEach(own -> own.forEach(t -> Statistics.label("final status")
        .collect(f.service.require(t.tenant(), t.id()).status().name())));
    Statistics.label("highest cycle").collect(tickets.stream().flatMap(List::stream)
        .mapToInt(t -> f.service.require(t.tenant(), t.id()).cycle()).max().orElse(1));
  }

  private static void checkInvariants(ServiceFixture f, List<List<Ticket>> tickets) {
    for (int t = 0; t < 2; t++) {
      TenantId tenant = TENANTS[t];
      TenantId other = TENANTS[1 - t];
      for (Ticket known : tickets.get(t)) {
        Ticket stored = f.service.require(tenant, known.id());
        List<HistoryEntry> history = f.service.history(tenant, known.id());
        assertThat(TicketReplay.replay(history)).isEqualTo(stored);
        List<Ticket> versions = TicketReplay.versions(history);
        assertThat(versions).hasSize((int) stored.version());
        assertThat(versions.get(versions.size() - 1)).isEqualTo(stored);
        for (int v = 0; v < versions.size(); v++) {
          assertThat(versions.get(v).version()).isEqualTo(v + 1);
          assertThat(versions.get(v))
              .isEqualTo(TicketReplay.replay(history.subList(0, prefix(history, v + 1))));
        }
        assertThat(history).allMatch(h -> h.tenant().equals(tenant));
        assertThat(history.get(history.size() - 1).ticketVersion()).isEqualTo(stored.version());
        assertEventsCoverEveryVersion(f, stored);
        assertThat(f.service.get(other, known.id())).isEmpty();
        assertThat(f.store.history(other, known.id())).isEmpty();
        assertThat(f.store.conversation(other, known.id())).isEmpty();
        assertRequesterViewHidesNotes(f, stored);
      }
      Page<Ticket> page = f.service.query(tenant, TicketQuery.builder().limit(1000).build());
      assertThat(page.items()).allMatch(x -> x.tenant().equals(tenant))
          .hasSize(tickets.get(t).size());
      assertThat(f.service.count(tenant, TicketQuery.all())).isEqualTo(tickets.get(t).size());
    }
  }

  private static void assertEventsCoverEveryVersion(ServiceFixture f, Ticket ticket) {
    List<TicketEvent> mine = f.events.stream().filter(e -> e.ticketId().equals(ticket.id()))
        .toList();
    assertThat(mine).allMatch(e -> e.tenant().equals(ticket.tenant()));
    Set<Long> versions = mine.stream().map(TicketEvent::ticketVersion)
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(versions).containsExactlyElementsOf(
        java.util.stream.LongStream.rangeClosed(1, ticket.version()).boxed().toList());
  }

  private static void assertRequesterViewHidesNotes(ServiceFixture f, Ticket ticket) {
    RequesterView view = f.service.requesterView(ticket.tenant(), ticket.id());
    List<ConversationEntry> all = f.service.conversation(ticket.tenant(), ticket.id());
    assertThat(view.replies()).hasSize((int) all.stream().filter(ConversationEntry::isPublic)
        .count());
    assertThat(view.replies()).noneMatch(r -> r.body().startsWith("note "));
  }

  /** Runs one command; returns a newly opened ticket, if the command opened one. */
  private record CommandRunner(ServiceFixture f, List<List<Ticket>> tickets, int step) {

    Ticket run(Command c, Ticket t) {
      TicketService s = f.service;
      TenantId tenant = TENANTS[c.tenant()];
      Actor agent = Actor.agent("agent-" + c.a() % 3);
      Actor requester = Actor.requester("wang");
      long version = c.b() % 13 == 0 ? t.version() - 1 : t.version();
      return switch (c.kind()) {
        case 0 -> s.fire(tenant, actorOf(c), t.id(), version,
            TRANSITIONS.get(c.a() % TRANSITIONS.size()));
        case 1 -> s.reply(tenant, c.a() % 2 == 0 ? requester : agent, t.id(), version,
            Message.of(Channel.EMAIL, "reply " + step));
        case 2 -> s.note(tenant, actorOf(c), t.id(), version,
            Message.of(Channel.API, "note " + step));
        case 3 -> s.assign(tenant, agent, t.id(), version,
            c.b() % 3 == 0 ? null : AgentId.of("agent-" + c.b() % 4));
        case 4 -> s.escalate(tenant, actorOf(c), t.id(), version, "reason " + step);
        case 5 -> s.changePriority(tenant, agent, t.id(), version,
            Priority.values()[c.a() % 4]);
        case 6 -> s.changeCategory(tenant, agent, t.id(), version,
            c.a() % 3 == 0 ? null : Category.of("Billing", "Sub" + c.a() % 2));
        case 7 -> s.tag(tenant, agent, t.id(), version, Tag.of("tag" + c.a() % 5));
        case 8 -> s.untag(tenant, agent, t.id(), version, Tag.of("tag" + c.a() % 5));
        case 9 -> s.link(tenant, agent, t.id(), version, TicketLink.of(
            LinkType.values()[c.a() % 3], anyTicket(c).id()));
        case 10 -> s.merge(tenant, agent, t.id(), version, anyTicket(c).id());
        case 11 -> s.rate(tenant, c.a() % 4 == 0 ? agent : requester, t.id(), version,
            Rating.of(Satisfaction.values()[c.b() % 3], c.b() % 2 == 0 ? null : "c" + step));
        case 12 -> s.edit(tenant, agent, t.id(), version, edit(c));
        case 13 -> {
          f.clock.advance(Duration.ofHours(1 + c.a() % 100));
          yield null;
        }
        case 14 -> {
          s.autoClose(tenant);
          yield null;
        }
        case 15 -> c.b() % 3 != 0 ? advance(s, tenant, t, version, c)
            : s.open(tenant, requester, ServiceFixture.intake()
                .priority(Priority.values()[c.a() % 4]).build());
        default -> advance(s, tenant, t, version, c);
      };
    }

    private static Actor actorOf(Command c) {
      return switch (c.b() % 4) {
        case 0 -> Actor.requester("wang");
        case 1 -> Actor.system("rule");
        default -> Actor.agent("agent-" + c.a() % 3);
      };
    }

    /** Picks a ticket of either tenant, so cross-tenant links and merges are tried too. */
    private Ticket anyTicket(Command c) {
      List<Ticket> pool = tickets.get(c.b() % 2);
      return pool.get(c.a() % pool.size());
    }

    private TicketEdit edit(Command c) {
      TicketEdit.Builder b = TicketEdit.builder();
      switch (c.a() % 4) {
        case 0 -> b.resolutionSummary("summary " + step);
        case 1 -> b.subject("subject " + step).scenario(c.b() % 2 == 0 ? null : "scenario");
        case 2 -> b.customField("field_" + c.b() % 3,
            c.b() % 5 == 0 ? null : CustomFieldValue.text("v" + step));
        default -> b.addAttachment(Attachment.of(java.net.URI.create(
            "https://files.example/" + c.b() % 4), "f.png", "image/png", c.b()));
      }
      return b.build();
    }

    /** Pushes a ticket along the support process as its agent and requester would. */
    private Ticket advance(TicketService s, TenantId tenant, Ticket t, long version, Command c) {
      Actor agent = Actor.agent("agent-" + c.a() % 3);
      String state = t.status().name();
      if (state.equals("RESOLVING") && t.resolutionSummary() == null) {
        return s.edit(tenant, agent, t.id(), version, TicketEdit.builder()
            .resolutionSummary("summary " + step).build());
      }
      if (state.equals("AWAITING_CONFIRMATION")) {
        return s.rate(tenant, Actor.requester("wang"), t.id(), version,
            Rating.of(Satisfaction.values()[c.b() % 3]));
      }
      if (state.equals("WAITING_ON_REQUESTER") || c.b() % 7 == 0) {
        return s.reply(tenant, Actor.requester("wang"), t.id(), version,
            Message.of(Channel.EMAIL, "answer " + step));
      }
      Map<String, String> next = Map.of("NEW", "accept", "ACCEPTED", "diagnose",
          "DIAGNOSING", c.b() % 4 == 0 ? "wait_on_requester" : "start_fix",
          "RESOLVING", "propose_resolution");
      return s.fire(tenant, agent, t.id(), version, next.getOrDefault(state, "cancel"));
    }
  }

  private static int prefix(List<HistoryEntry> history, long version) {
    int n = 0;
    while (n < history.size() && history.get(n).ticketVersion() <= version) {
      n++;
    }
    return n;
  }
}
