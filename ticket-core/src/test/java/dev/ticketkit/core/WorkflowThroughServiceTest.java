package dev.ticketkit.core;

import static dev.ticketkit.core.ServiceFixture.ACME;
import static dev.ticketkit.core.ServiceFixture.GLOBEX;
import static dev.ticketkit.core.ServiceFixture.LI;
import static dev.ticketkit.core.ServiceFixture.WANG;
import static dev.ticketkit.core.ServiceFixture.ZHANG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.event.TicketAssigned;
import dev.ticketkit.core.event.TicketEscalated;
import dev.ticketkit.core.event.TicketEvent;
import dev.ticketkit.core.event.TicketLinked;
import dev.ticketkit.core.event.TicketMerged;
import dev.ticketkit.core.event.TicketOpened;
import dev.ticketkit.core.event.TicketRated;
import dev.ticketkit.core.event.TicketReopened;
import dev.ticketkit.core.event.TicketReplied;
import dev.ticketkit.core.event.TicketStatusChanged;
import dev.ticketkit.core.event.TicketUrgentFlagged;
import dev.ticketkit.core.workflow.IllegalTransitionException;
import dev.ticketkit.core.workflow.StandardWorkflow;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The standard workflow's effects and events as the service applies them. */
class WorkflowThroughServiceTest {

  private final ServiceFixture f = new ServiceFixture();

  @Test
  void intakeStartsNewAtVersionOneWithTheNextNumber() {
    Ticket first = f.open();
    Ticket second = f.open();
    Ticket elsewhere = f.open(GLOBEX);

    assertThat(first.status().name()).isEqualTo(StandardWorkflow.NEW);
    assertThat(first.version()).isEqualTo(1);
    assertThat(first.cycle()).isEqualTo(1);
    assertThat(first.createdAt()).isEqualTo(f.clock.instant());
    assertThat(second.number()).isEqualTo(first.number() + 1);
    assertThat(elsewhere.number()).isEqualTo(1);
    assertThat(f.events).hasSize(3).allMatch(e -> e instanceof TicketOpened);
  }

  @Test
  void urgentIntakeIsFlaggedForTheTierLead() {
    Ticket t = f.service.open(ACME, WANG, ServiceFixture.intake().priority(Priority.URGENT)
        .build());

    assertThat(f.events).extracting(e -> (Object) e.getClass())
        .containsExactly(TicketOpened.class, TicketUrgentFlagged.class);
    TicketUrgentFlagged flag = f.eventsOf(TicketUrgentFlagged.class).get(0);
    assertThat(flag.tier()).isEqualTo(SupportTier.FIRST);
    assertThat(flag.ticketId()).isEqualTo(t.id());
  }

  @Test
  void raisingThePriorityToUrgentFlagsToo() {
    Ticket t = f.open();
    f.service.changePriority(ACME, LI, t.id(), t.version(), Priority.URGENT);

    assertThat(f.eventsOf(TicketUrgentFlagged.class)).hasSize(1);
  }

  @Test
  void acceptingRecordsTheAgentAndAssignsThemIfUnassigned() {
    Ticket t = f.fire(f.open(), LI, StandardWorkflow.ACCEPT);

    assertThat(t.acceptedBy()).isEqualTo(AgentId.of("li"));
    assertThat(t.assignee()).isEqualTo(AgentId.of("li"));
    assertThat(f.eventsOf(TicketAssigned.class)).singleElement()
        .satisfies(e -> assertThat(e.to()).isEqualTo(AgentId.of("li")));
  }

  @Test
  void acceptingKeepsAnExistingAssignee() {
    Ticket t = f.open();
    t = f.service.assign(ACME, LI, t.id(), t.version(), AgentId.of("zhang"));
    t = f.fire(t, LI, StandardWorkflow.ACCEPT);

    assertThat(t.acceptedBy()).isEqualTo(AgentId.of("li"));
    assertThat(t.assignee()).isEqualTo(AgentId.of("zhang"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ACCEPTED", "DIAGNOSING", "RESOLVING"})
  void aRequestersReplyReturnsAWaitingTicketToWhereItWas(String state) {
    Ticket t = f.fire(f.openIn(state), LI, StandardWorkflow.WAIT_ON_REQUESTER);
    assertThat(t.status().category()).isEqualTo(StatusCategory.PENDING);
    assertThat(t.returnStatus().name()).isEqualTo(state);

    t = f.service.reply(ACME, WANG, t.id(), t.version(),
        Message.of(Channel.WECHAT_OFFICIAL_ACCOUNT, "Here is the screenshot"));

    assertThat(t.status().name()).isEqualTo(state);
    assertThat(t.returnStatus()).isNull();
    assertThat(f.events.subList(f.events.size() - 2, f.events.size()))
        .extracting(e -> (Object) e.getClass())
        .containsExactly(TicketReplied.class, TicketStatusChanged.class);
  }

  @Test
  void anAgentsReplyDoesNotEndTheWait() {
    Ticket t = f.openIn(StandardWorkflow.WAITING_ON_REQUESTER);
    t = f.service.reply(ACME, LI, t.id(), t.version(), Message.of(Channel.EMAIL, "Any news?"));

    assertThat(t.status().name()).isEqualTo(StandardWorkflow.WAITING_ON_REQUESTER);
  }

  @Test
  void aRequestersReplyOutsideTheWaitChangesNoStatus() {
    Ticket t = f.openIn(StandardWorkflow.DIAGNOSING);
    t = f.service.reply(ACME, WANG, t.id(), t.version(), Message.of(Channel.EMAIL, "Hello"));

    assertThat(t.status().name()).isEqualTo(StandardWorkflow.DIAGNOSING);
    assertThat(f.eventsOf(TicketStatusChanged.class)).hasSize(2);
  }

  @Test
  void proposingAResolutionNeedsASummary() {
    Ticket t = f.openIn(StandardWorkflow.RESOLVING);
    Ticket before = t;

    assertThatThrownBy(() -> f.fire(before, LI, StandardWorkflow.PROPOSE_RESOLUTION))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("resolutionSummary");
  }

  @ParameterizedTest
  @ValueSource(strings = {"SATISFIED", "NEUTRAL"})
  void aGoodRatingClosesTheTicket(String level) {
    Ticket t = f.openIn(StandardWorkflow.AWAITING_CONFIRMATION);
    int eventsBefore = f.events.size();

    t = f.service.rate(ACME, WANG, t.id(), t.version(), Rating.of(Satisfaction.valueOf(level)));

    assertThat(t.status().name()).isEqualTo(StandardWorkflow.CLOSED);
    assertThat(t.rating().satisfaction()).isEqualTo(Satisfaction.valueOf(level));
    assertThat(f.events.subList(eventsBefore, f.events.size()))
        .extracting(e -> (Object) e.getClass())
        .containsExactly(TicketRated.class, TicketStatusChanged.class);
  }

  @Test
  void aDissatisfiedRatingReopensOneTierUpAsANewCycle() {
    Ticket t = f.openIn(StandardWorkflow.AWAITING_CONFIRMATION);
    int eventsBefore = f.events.size();

    t = f.service.rate(ACME, WANG, t.id(), t.version(),
        Rating.of(Satisfaction.DISSATISFIED, "Still fails"));

    assertThat(t.status().name()).isEqualTo(StandardWorkflow.DIAGNOSING);
    assertThat(t.cycle()).isEqualTo(2);
    assertThat(t.tier()).isEqualTo(SupportTier.of(2));
    assertThat(t.assignee()).isNull();
    assertThat(t.rating()).isNull();
    assertThat(t.resolutionSummary()).isNull();
    List<TicketEvent> fresh = f.events.subList(eventsBefore, f.events.size());
    assertThat(fresh).extracting(e -> (Object) e.getClass()).containsExactly(TicketRated.class,
        TicketStatusChanged.class, TicketReopened.class, TicketEscalated.class,
        TicketAssigned.class);
    assertThat(fresh.get(0).cycle()).as("the rated cycle").isEqualTo(1);
    assertThat(fresh.get(2).cycle()).as("the new cycle").isEqualTo(2);
    assertThat(f.service.history(ACME, t.id())).anyMatch(h ->
        h.field().equals(TicketField.RATING) && "DISSATISFIED: Still fails".equals(h.after()));
  }

  @Test
  void notFixedReopensLikeADissatisfiedRating() {
    Ticket t = f.fire(f.openIn(StandardWorkflow.AWAITING_CONFIRMATION), WANG,
        StandardWorkflow.NOT_FIXED);

    assertThat(t.status().name()).isEqualTo(StandardWorkflow.DIAGNOSING);
    assertThat(t.cycle()).isEqualTo(2);
    assertThat(t.tier().level()).isEqualTo(2);
  }

  @Test
  void aSecondResolutionCycleCanCloseWithItsOwnRating() {
    Ticket t = f.fire(f.openIn(StandardWorkflow.AWAITING_CONFIRMATION), WANG,
        StandardWorkflow.NOT_FIXED);
    t = f.fire(t, ZHANG, StandardWorkflow.START_FIX);
    t = f.service.edit(ACME, ZHANG, t.id(), t.version(),
        TicketEdit.builder().resolutionSummary("Patched the gateway").build());
    t = f.fire(t, ZHANG, StandardWorkflow.PROPOSE_RESOLUTION);
    t = f.service.rate(ACME, WANG, t.id(), t.version(), Rating.of(Satisfaction.SATISFIED));

    assertThat(t.status().name()).isEqualTo(StandardWorkflow.CLOSED);
    assertThat(f.eventsOf(TicketRated.class)).extracting(TicketEvent::cycle).containsExactly(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"NEW", "ACCEPTED", "DIAGNOSING", "RESOLVING", "WAITING_ON_REQUESTER"})
  void anAgentEscalatesFromEveryActiveState(String state) {
    Ticket t = f.openIn(state);
    t = f.service.escalate(ACME, LI, t.id(), t.version(), "Needs a database engineer");

    assertThat(t.tier()).isEqualTo(SupportTier.of(2));
    assertThat(t.status().name()).isEqualTo(state);
    assertThat(f.eventsOf(TicketEscalated.class)).singleElement()
        .satisfies(e -> assertThat(e.reason()).isEqualTo("Needs a database engineer"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"AWAITING_CONFIRMATION", "CLOSED", "CANCELLED"})
  void escalationIsRefusedOnceResolved(String state) {
    Ticket t = f.openIn(state);

    assertThatThrownBy(() -> f.service.escalate(ACME, LI, t.id(), t.version(), "why"))
        .isInstanceOfSatisfying(TicketStateException.class,
            e -> assertThat(e.operation()).isEqualTo("escalate"));
  }

  @Test
  void escalationStopsAtTheHighestTier() {
    Ticket t = f.service.open(ACME, WANG, ServiceFixture.intake().tier(SupportTier.of(9)).build());

    assertThatThrownBy(() -> f.service.escalate(ACME, LI, t.id(), t.version(), "why"))
        .isInstanceOf(TicketStateException.class).hasMessageContaining("highest tier");
  }

  @Test
  void autoCloseClosesAfterTheDelayAndNotBefore() {
    Ticket t = f.openIn(StandardWorkflow.AWAITING_CONFIRMATION);
    f.clock.advance(Duration.ofDays(7).minusSeconds(1));
    assertThat(f.service.autoClose(ACME)).isEmpty();

    f.clock.advance(Duration.ofSeconds(1));
    List<Ticket> closed = f.service.autoClose(ACME);

    assertThat(closed).singleElement().satisfies(c -> {
      assertThat(c.id()).isEqualTo(t.id());
      assertThat(c.status().name()).isEqualTo(StandardWorkflow.CLOSED);
      assertThat(c.rating()).isNull();
    });
    assertThat(f.eventsOf(TicketStatusChanged.class)).last()
        .satisfies(e -> assertThat(e.actor()).isEqualTo(Actor.system("auto-close")));
    assertThat(f.service.autoClose(ACME)).isEmpty();
  }

  @Test
  void autoCloseDelayComesFromTheWorkflow() {
    ServiceFixture quick = new ServiceFixture(StandardWorkflow.create(Duration.ofDays(2)));
    Ticket waiting = quick.openIn(StandardWorkflow.AWAITING_CONFIRMATION);
    Ticket open = quick.openIn(StandardWorkflow.DIAGNOSING);
    quick.clock.advance(Duration.ofDays(2));

    assertThat(quick.service.autoClose(ACME)).extracting(Ticket::id).containsExactly(waiting.id());
    assertThat(quick.service.autoClose(GLOBEX)).isEmpty();
    assertThat(quick.service.require(ACME, open.id()).status().name())
        .isEqualTo(StandardWorkflow.DIAGNOSING);
  }

  @Test
  void theRequesterMayCancelANewTicketButNotAResolvedOne() {
    Ticket t = f.fire(f.open(), WANG, StandardWorkflow.CANCEL);
    assertThat(t.status().name()).isEqualTo(StandardWorkflow.CANCELLED);

    Ticket resolved = f.openIn(StandardWorkflow.AWAITING_CONFIRMATION);
    assertThatThrownBy(() -> f.fire(resolved, WANG, StandardWorkflow.CANCEL))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void mergingLinksTheSourceAndEndsIt() {
    Ticket target = f.open();
    Ticket source = f.openIn(StandardWorkflow.DIAGNOSING);
    int eventsBefore = f.events.size();

    Ticket merged = f.service.merge(ACME, LI, source.id(), source.version(), target.id());

    assertThat(merged.status().name()).isEqualTo(StandardWorkflow.MERGED);
    assertThat(merged.links()).containsExactly(TicketLink.of(LinkType.MERGED_INTO, target.id()));
    assertThat(f.events.subList(eventsBefore, f.events.size()))
        .extracting(e -> (Object) e.getClass())
        .containsExactly(TicketMerged.class, TicketStatusChanged.class, TicketLinked.class);
    assertThat(f.service.require(ACME, target.id())).isEqualTo(target);
  }

  @Test
  void mergingIntoAClosedTicketIsRefused() {
    Ticket target = f.openIn(StandardWorkflow.CLOSED);
    Ticket source = f.open();

    assertThatThrownBy(() -> f.service.merge(ACME, LI, source.id(), 1, target.id()))
        .isInstanceOf(TicketStateException.class);
  }

  @Test
  void aClosedTicketTakesNotesAndTagsButNoReplies() {
    Ticket t = f.openIn(StandardWorkflow.CLOSED);
    t = f.service.note(ACME, LI, t.id(), t.version(), Message.of(Channel.API, "for the record"));
    t = f.service.tag(ACME, LI, t.id(), t.version(), Tag.of("faq-candidate"));
    Ticket closed = t;

    assertThatThrownBy(() -> f.service.reply(ACME, WANG, closed.id(), closed.version(),
        Message.of(Channel.EMAIL, "thanks"))).isInstanceOf(TicketStateException.class);
    assertThat(closed.tags()).contains(Tag.of("faq-candidate"));
  }
}
