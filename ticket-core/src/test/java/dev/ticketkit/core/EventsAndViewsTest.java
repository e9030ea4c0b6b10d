package dev.ticketkit.core;

import static dev.ticketkit.core.ServiceFixture.ACME;
import static dev.ticketkit.core.ServiceFixture.LI;
import static dev.ticketkit.core.ServiceFixture.WANG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.event.Subscription;
import dev.ticketkit.core.event.TicketEdited;
import dev.ticketkit.core.event.TicketEvent;
import dev.ticketkit.core.event.TicketNoted;
import dev.ticketkit.core.event.TicketStatusChanged;
import dev.ticketkit.core.internal.CoreAccess;
import dev.ticketkit.core.store.ChangeSet;
import dev.ticketkit.core.store.PageCursor;
import dev.ticketkit.core.workflow.StandardWorkflow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Listeners, event contents, the requester's view, replay errors and change-set checks. */
class EventsAndViewsTest {

  private final ServiceFixture f = new ServiceFixture();

  @Test
  void aTypedSubscriptionSeesOnlyItsTypeUntilCancelled() {
    List<TicketStatusChanged> seen = new ArrayList<>();
    Subscription sub = f.service.subscribe(TicketStatusChanged.class, seen::add);
    Ticket t = f.fire(f.open(), LI, StandardWorkflow.ACCEPT);
    sub.cancel();
    f.fire(t, LI, StandardWorkflow.DIAGNOSE);

    assertThat(seen).singleElement().satisfies(e -> {
      assertThat(e.from().name()).isEqualTo("NEW");
      assertThat(e.to().name()).isEqualTo("ACCEPTED");
      assertThat(e.transition()).isEqualTo("accept");
      assertThat(e.ticketVersion()).isEqualTo(2);
      assertThat(e.actor()).isEqualTo(LI);
      assertThat(e.at()).isEqualTo(f.clock.instant());
    });
  }

  @Test
  void listenersRunAfterTheChangeIsStoredAndTheirFailureUndoesNothing() {
    List<Long> storedVersions = new ArrayList<>();
    f.service.subscribe(e -> storedVersions.add(
        f.store.get(e.tenant(), e.ticketId()).orElseThrow().version()));
    f.service.subscribe(e -> {
      throw new IllegalStateException("mail server down");
    });
    Ticket t = f.open();
    t = f.service.tag(ACME, LI, t.id(), t.version(), Tag.of("vip"));

    assertThat(storedVersions).containsExactly(1L, 2L);
    assertThat(f.service.require(ACME, t.id()).tags()).contains(Tag.of("vip"));
  }

  @Test
  void editsNameTheirFields() {
    Ticket t = f.open();
    f.service.edit(ACME, LI, t.id(), t.version(), TicketEdit.builder().subject("New subject")
        .customField("device", CustomFieldValue.text("Pixel 8")).build());

    assertThat(f.eventsOf(TicketEdited.class)).singleElement().satisfies(e ->
        assertThat(e.fields()).containsExactlyInAnyOrder("subject", "custom.device"));
  }

  @Test
  void theRequesterSeesRepliesButNeverNotesOrInternalFields() {
    Actor li = Actor.agent("li-wei-7");
    Ticket t = f.fire(f.open(), li, StandardWorkflow.ACCEPT);
    t = f.service.reply(ACME, li, t.id(), t.version(), Message.of(Channel.EMAIL, "Looking"));
    t = f.service.note(ACME, li, t.id(), t.version(),
        Message.of(Channel.API, "Customer is on legacy plan"));
    t = f.service.tag(ACME, li, t.id(), t.version(), Tag.of("legacy"));
    t = f.service.reply(ACME, WANG, t.id(), t.version(), Message.of(Channel.EMAIL, "Thanks"));

    RequesterView view = f.service.requesterView(ACME, t.id());

    assertThat(view.replies()).extracting(PublicReply::body).containsExactly("Looking", "Thanks");
    assertThat(view.replies()).extracting(PublicReply::authorKind)
        .containsExactly(ActorKind.AGENT, ActorKind.REQUESTER);
    assertThat(view.toString()).doesNotContain("legacy").doesNotContain("li-wei-7");
    assertThat(f.service.conversation(ACME, t.id())).hasSize(3);
    assertThat(f.eventsOf(TicketNoted.class)).singleElement()
        .satisfies(e -> assertThat(e.entry().visibility()).isEqualTo(Visibility.INTERNAL));
  }

  @Test
  void replayRefusesBrokenHistories() {
    Ticket t = f.fire(f.open(), LI, StandardWorkflow.ACCEPT);
    List<HistoryEntry> history = f.service.history(ACME, t.id());
    List<HistoryEntry> withoutFirstChange = history.stream()
        .filter(h -> h.ticketVersion() != 1).toList();
    List<HistoryEntry> reversed = new ArrayList<>(history);
    java.util.Collections.reverse(reversed);

    assertThatThrownBy(() -> TicketReplay.replay(List.of()))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> TicketReplay.replay(withoutFirstChange))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("out of order");
    assertThatThrownBy(() -> TicketReplay.replay(reversed))
        .isInstanceOf(InvalidInputException.class);
    assertThat(TicketReplay.replay(history)).isEqualTo(t);
  }

  @Test
  void changeSetsCheckTheirOwnConsistency() {
    Ticket v1 = sample(1);
    ChangeSet ok = opening(v1);
    Ticket other = sample(2);

    CoreAccess.ChangeSets changeSets = CoreAccess.changeSets();
    assertThatThrownBy(() -> changeSets.create(v1, 1, ok.history(), List.of(), List.of(), null))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("ticket.version"));
    assertThatThrownBy(() -> changeSets.create(v1, 0, List.of(), List.of(), List.of(), null))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> changeSets.create(other, 0, ok.history(), List.of(), List.of(), null))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("history[0]"));
    assertThat(ok.isNewTicket()).isTrue();
  }

  @Test
  void cursorsReadBackAndRejectGarbage() {
    PageCursor cursor = PageCursor.after(42);

    assertThat(PageCursor.parse(cursor.toString())).isEqualTo(cursor);
    assertThatThrownBy(() -> PageCursor.parse("not-a-cursor"))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("cursor"));
    assertThatThrownBy(() -> PageCursor.parse(null)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void everyEventCarriesItsTicketsTenantVersionAndCycle() {
    Ticket t = f.openIn(StandardWorkflow.AWAITING_CONFIRMATION);
    f.service.rate(ACME, WANG, t.id(), t.version(), Rating.of(Satisfaction.DISSATISFIED));

    for (TicketEvent e : f.events) {
      assertThat(e.tenant()).isEqualTo(ACME);
      assertThat(e.ticketId()).isEqualTo(t.id());
      assertThat(e.ticketVersion()).isBetween(1L, t.version() + 1);
      assertThat(e.cycle()).isBetween(1, 2);
    }
  }

  private static final java.time.Instant T0 = java.time.Instant.parse("2024-03-04T01:00:00Z");

  /** A ticket at version 1, as a store would read it back. */
  static Ticket sample(long number) {
    return TestTickets.sample(ACME, number, Status.of("NEW", StatusCategory.NEW), T0);
  }

  private static ChangeSet opening(Ticket t) {
    dev.ticketkit.core.event.EventHeader h = new dev.ticketkit.core.event.EventHeader(t.tenant(),
        t.id(), t.version(), Actor.agent("fixture-agent"), t.createdAt(), t.cycle());
    HistoryEntry entry = new HistoryEntry(t.tenant(), t.id(), 1, 0, Actor.agent("fixture-agent"),
        t.createdAt(), HistoryAction.OPENED, TicketField.SUBJECT, null, t.subject());
    return CoreAccess.changeSets().create(t, ChangeSet.NEW_TICKET, List.of(entry), List.of(),
        List.of(new dev.ticketkit.core.event.TicketOpened(h, t.number(), t.channel(),
            t.priority(), t.status(), t.tier(), t.category())), null);
  }
}
