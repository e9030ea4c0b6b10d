package dev.ticketkit.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.Category;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.MutableClock;
import dev.ticketkit.core.NewTicket;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.Requester;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.store.InMemoryTicketStore;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The built-in routers as truth tables, and the checks of routing's values. */
class RoutersTest {

  private static final Ticket TICKET = sampleTicket(Category.of("billing", "refund"),
      Channel.EMAIL);

  private static Ticket sampleTicket(Category category, Channel channel) {
    TicketService s = TicketService.builder().store(InMemoryTicketStore.create())
        .clock(MutableClock.standard()).build();
    return s.open(TenantId.of("t"), Actor.requester("r"), NewTicket.builder()
        .requester(Requester.of("r", "R")).channel(channel).subject("s").description("d")
        .category(category).priority(Priority.MEDIUM).build());
  }

  /** Candidates "id:load:capacity" in agent-id order. */
  private static List<Candidate> candidates(String spec) {
    if (spec.equals("-")) {
      return List.of();
    }
    return Arrays.stream(spec.split(" ")).map(s -> s.split(":"))
        .map(p -> new Candidate(AgentProfile.of(AgentId.of(p[0]), "L1",
            Integer.parseInt(p[2])), Integer.parseInt(p[1])))
        .sorted((x, y) -> x.agent().value().compareTo(y.agent().value())).toList();
  }

  private static String choose(Router router, String spec, String last) {
    RoutingRequest r = new RoutingRequest(TICKET, "L1", 1, candidates(spec),
        last.isEmpty() ? null : AgentId.of(last));
    return router.choose(r).map(AgentId::value).orElse("-");
  }

  @ParameterizedTest(name = "round robin over [{0}] after {1}: {2}")
  @CsvSource(delimiter = '|', value = {
      "a:0:5 b:0:5 c:0:5 |   | a",
      "a:0:5 b:0:5 c:0:5 | a | b",
      "a:0:5 b:0:5 c:0:5 | c | a",
      "a:0:5 c:0:5       | b | c",
      "a:0:5 c:0:5       | z | a",
      "-                 | a | -"})
  void roundRobinTakesTheNextAgentAfterTheLastTurn(String spec, String last, String expected) {
    assertThat(choose(Router.roundRobin(), spec.trim(), last == null ? "" : last.trim()))
        .isEqualTo(expected.trim());
  }

  @ParameterizedTest(name = "least loaded over [{0}]: {1}")
  @CsvSource(delimiter = '|', value = {
      "a:3:5 b:1:5 c:2:5 | b",
      "a:2:4 b:2:8       | b",
      "a:2:8 b:2:8       | a",
      "a:0:1 b:1:9       | a",
      "-                 | -"})
  void leastLoadedTakesTheLowestLoadThenShareThenId(String spec, String expected) {
    assertThat(choose(Router.leastLoaded(), spec.trim(), "")).isEqualTo(expected.trim());
  }

  @Test
  void skillsFitCategoryAncestorsLanguageAndChannel() {
    AgentProfile billing = AgentProfile.of(AgentId.of("a"), "L1", 5)
        .withCategories(Category.of("billing")).withLanguages("ZH-cn").withChannels(Channel.EMAIL);
    assertThat(billing.languages()).containsExactly("zh");
    assertThat(SkillsRouter.fits(billing, TICKET, "zh")).isTrue();
    assertThat(SkillsRouter.fits(billing, TICKET, null)).isTrue();
    assertThat(SkillsRouter.fits(billing, TICKET, "en")).isFalse();
    assertThat(SkillsRouter.fits(billing, sampleTicket(Category.of("login"), Channel.EMAIL),
        "zh")).isFalse();
    assertThat(SkillsRouter.fits(billing, sampleTicket(Category.of("billing"), Channel.PHONE),
        "zh")).isFalse();
    assertThat(SkillsRouter.fits(AgentProfile.of(AgentId.of("b"), "L1", 5)
        .withCategories(Category.of("billing", "refund", "card")).withChannels(Channel.EMAIL),
        TICKET, null)).as("a narrower skill does not cover the parent").isFalse();
  }

  @Test
  void skillsFallBackWhenNoFittingCandidateIsChosen() {
    Router skills = Router.skills(Router.leastLoaded(), Router.roundRobin(), t -> null);
    AgentProfile fit = AgentProfile.of(AgentId.of("a"), "L1", 5)
        .withCategories(Category.of("billing")).withChannels(Channel.EMAIL);
    Candidate other = new Candidate(AgentProfile.of(AgentId.of("b"), "L1", 5), 4);
    RoutingRequest both = new RoutingRequest(TICKET, "L1", 1,
        List.of(new Candidate(fit, 3), other), AgentId.of("a"));
    assertThat(skills.choose(both)).contains(AgentId.of("a"));
    assertThat(skills.choose(both.withCandidates(List.of(other)))).contains(AgentId.of("b"));
    assertThat(skills.takesTurns()).isTrue();
    assertThat(Router.skills(Router.leastLoaded(), Router.leastLoaded()).takesTurns()).isFalse();
    assertThat(skills.name()).isEqualTo("skills");
  }

  @Test
  void badValuesAreRefusedNamingTheField() {
    AgentId a = AgentId.of("a");
    assertThatThrownBy(() -> AgentProfile.of(a, "", 1)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("group");
    assertThatThrownBy(() -> AgentProfile.of(a, "L1", -1))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("capacity");
    assertThatThrownBy(() -> AgentProfile.of(a, "L1", 1).withLanguages("-"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("language");
    assertThatThrownBy(() -> new LoadWeights(0, 1, 1, 1))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("weights.urgent");
    assertThatThrownBy(() -> Roster.of(AgentProfile.of(a, "L1", 1), AgentProfile.of(a, "L2", 1)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("twice");
    assertThatThrownBy(() -> new Candidate(AgentProfile.of(a, "L1", 1), -1))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("load");
    assertThatThrownBy(() -> new Turn(0, a)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Routing.builder().build()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Routing.builder().router(Router.roundRobin())
        .router(Router.leastLoaded())).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Routing.builder().attempts(0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("attempts");
  }

  @Test
  void aRouterThatChoosesAStrangerIsRefusedAndNothingIsStored() {
    Router stranger = new Router() {
      @Override
      public String name() {
        return "stranger";
      }

      @Override
      public Optional<AgentId> choose(RoutingRequest request) {
        return Optional.of(AgentId.of("zz-not-a-candidate"));
      }
    };
    InMemoryTicketStore store = InMemoryTicketStore.create();
    TicketService s = TicketService.builder().store(store).clock(MutableClock.standard())
        .routing(Routing.builder().roster(Roster.of(AgentProfile.of(AgentId.of("a"), "L1", 3)))
            .router(stranger).store(InMemoryRosterStore.create()).build()).build();
    assertThatThrownBy(() -> s.open(TenantId.of("t"), Actor.requester("r"), NewTicket.builder()
        .requester(Requester.of("r", "R")).channel(Channel.EMAIL).subject("s").description("d")
        .build())).isInstanceOf(InvalidInputException.class).hasMessageContaining("stranger");
    assertThat(s.count(TenantId.of("t"), dev.ticketkit.core.store.TicketQuery.builder().build()))
        .isZero();
  }
}
