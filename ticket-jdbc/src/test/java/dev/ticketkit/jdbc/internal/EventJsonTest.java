package dev.ticketkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.Attachment;
import dev.ticketkit.core.Category;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.ConversationEntry;
import dev.ticketkit.core.LinkType;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.Rating;
import dev.ticketkit.core.Satisfaction;
import dev.ticketkit.core.Status;
import dev.ticketkit.core.StatusCategory;
import dev.ticketkit.core.SupportTier;
import dev.ticketkit.core.Tag;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.TicketLink;
import dev.ticketkit.core.Visibility;
import dev.ticketkit.core.event.EventHeader;
import dev.ticketkit.core.event.TicketAssigned;
import dev.ticketkit.core.event.TicketCategoryChanged;
import dev.ticketkit.core.event.TicketEdited;
import dev.ticketkit.core.event.TicketEscalated;
import dev.ticketkit.core.event.TicketEvent;
import dev.ticketkit.core.event.TicketLinked;
import dev.ticketkit.core.event.TicketMerged;
import dev.ticketkit.core.event.TicketNoted;
import dev.ticketkit.core.event.TicketOpened;
import dev.ticketkit.core.event.TicketPriorityChanged;
import dev.ticketkit.core.event.TicketRated;
import dev.ticketkit.core.event.TicketReopened;
import dev.ticketkit.core.event.TicketReplied;
import dev.ticketkit.core.event.TicketStatusChanged;
import dev.ticketkit.core.event.TicketTagged;
import dev.ticketkit.core.event.TicketUntagged;
import dev.ticketkit.core.event.TicketUrgentFlagged;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every event type survives the outbox's JSON form, nanoseconds and odd text included. */
class EventJsonTest {

  private static final TenantId TENANT = TenantId.of("acme");
  private static final TicketId ID = TicketId.of(UUID.fromString(
      "0f8fad5b-d9cb-469f-a165-70867728950e"));
  private static final EventHeader H = new EventHeader(TENANT, ID, 7, Actor.agent("li.wei"),
      Instant.parse("2026-11-22T08:15:30.123456789Z"), 2);
  /** SQL, Chinese, JSON metacharacters and a control character (U+0000 is no text: TextRule). */
  private static final String ODD = "'; drop table tk_ticket; -- 退款 \"%_\\ \u0001x 😱";

  static Stream<TicketEvent> events() {
    ConversationEntry reply = new ConversationEntry(TENANT, ID, 7, Visibility.PUBLIC,
        Actor.requester("cust-1"), Channel.WECHAT_OFFICIAL_ACCOUNT, H.at(), ODD,
        List.of(Attachment.of(URI.create("https://files.example/a%20b.png"), "a b.png",
            "image/png", 12)));
    ConversationEntry note = new ConversationEntry(TENANT, ID, 7, Visibility.INTERNAL,
        Actor.agent("li.wei"), Channel.EMAIL, H.at(), "内部备注", List.of());
    return Stream.of(
        new TicketOpened(H, 42, Channel.DOUYIN, Priority.URGENT,
            Status.of("NEW", StatusCategory.NEW), SupportTier.of(1), Category.parse("账单/退款")),
        new TicketOpened(H, 43, Channel.EMAIL, Priority.LOW,
            Status.of("NEW", StatusCategory.NEW), SupportTier.of(1), null),
        new TicketStatusChanged(H, Status.of("NEW", StatusCategory.NEW),
            Status.of("ACCEPTED", StatusCategory.OPEN), "accept"),
        new TicketReplied(H, reply),
        new TicketNoted(H, note),
        new TicketAssigned(H, null, AgentId.of("zhang")),
        new TicketAssigned(H, AgentId.of("zhang"), null),
        new TicketEscalated(H, SupportTier.of(1), SupportTier.of(2), "still failing"),
        new TicketEscalated(H, SupportTier.of(2), SupportTier.of(3), null),
        new TicketPriorityChanged(H, Priority.LOW, Priority.HIGH),
        new TicketCategoryChanged(H, null, Category.parse("Login")),
        new TicketTagged(H, Tag.of("退款")),
        new TicketUntagged(H, Tag.of("vip")),
        new TicketLinked(H, TicketLink.of(LinkType.DUPLICATE_OF, TicketId.of(UUID.randomUUID()))),
        new TicketMerged(H, TicketId.of(UUID.randomUUID())),
        new TicketRated(H, Rating.of(Satisfaction.DISSATISFIED, ODD)),
        new TicketRated(H, Rating.of(Satisfaction.SATISFIED)),
        new TicketReopened(H, 1, "reopen"),
        new TicketUrgentFlagged(H, SupportTier.of(2), Priority.URGENT),
        new TicketEdited(H, Set.of("subject", "description")),
        new dev.ticketkit.core.event.TicketRatingExpired(H),
        new dev.ticketkit.core.event.ProblemRecorded(H, null,
            dev.ticketkit.core.ProblemRecord.reported(ODD, java.time.LocalDate.of(2026, 3, 1))),
        new dev.ticketkit.core.event.ProblemRecorded(H,
            dev.ticketkit.core.ProblemRecord.reported("r", null),
            new dev.ticketkit.core.ProblemRecord("r", null, ODD)),
        new dev.ticketkit.core.event.IncidentResolutionProposed(H, ID),
        new dev.ticketkit.core.event.HandoffOpened(H, HANDOFF),
        new dev.ticketkit.core.event.HandoffChecked(H, HANDOFF.checkedAt(H.at())),
        new dev.ticketkit.core.event.HandoffClosed(H,
            HANDOFF.closed(dev.ticketkit.core.HandoffState.RETURNED, ODD, H.at())),
        new TicketRated(H, dev.ticketkit.core.Rating.dissatisfied(
            dev.ticketkit.core.DissatisfactionReason.POOR_COMMUNICATION, ODD)),
        new dev.ticketkit.core.event.DissatisfactionFlagged(H, dev.ticketkit.core.Rating
            .dissatisfied(dev.ticketkit.core.DissatisfactionReason.of("SLOW_REFUND"), null)));
  }

  private static final dev.ticketkit.core.Handoff HANDOFF = new dev.ticketkit.core.Handoff(3,
      "finance", dev.ticketkit.core.AgentId.of("li"), ODD, H.at().plusSeconds(60),
      dev.ticketkit.core.HandoffState.OPEN, H.at(), null, null, null);

  @ParameterizedTest(name = "{0}")
  @MethodSource("events")
  void readsBackEqual(TicketEvent event) {
    assertThat(EventJson.read(EventJson.write(event))).isEqualTo(event);
  }

  @Test
  void coversEveryEventType() {
    Set<Class<?>> covered = new java.util.HashSet<>();
    events().forEach(e -> covered.add(e.getClass()));
    assertThat(covered).containsExactlyInAnyOrder(TicketEvent.class.getPermittedSubclasses());
  }

  @Test
  void anUnknownTypeIsRefused() {
    assertThatThrownBy(() -> EventJson.read("{\"type\":\"TicketVanished\",\"tenant\":\"a\","
        + "\"ticketId\":\"" + ID + "\",\"ticketVersion\":1,\"actor\":\"agent:a\","
        + "\"at\":\"2026-01-01T00:00:00Z\",\"cycle\":1}"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("TicketVanished");
  }
}
