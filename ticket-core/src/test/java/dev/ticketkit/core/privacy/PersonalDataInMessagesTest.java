package dev.ticketkit.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.Attachment;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.ContactHandle;
import dev.ticketkit.core.ConversationEntry;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.Rating;
import dev.ticketkit.core.Requester;
import dev.ticketkit.core.Satisfaction;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.Visibility;
import dev.ticketkit.core.event.EventHeader;
import dev.ticketkit.core.event.TicketNoted;
import dev.ticketkit.core.event.TicketRated;
import dev.ticketkit.core.event.TicketReplied;
import dev.ticketkit.core.outbox.OutboxMessage;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Personal data never reaches logs and error messages: {@code toString()} of requesters and
 * handles masks names and handle values, exception messages mask personal fields and the personal
 * data the standard redactor recognises in any other value, and show at most 40 characters of the
 * rest; the outbox can hand subscribers events without bodies.
 */
class PersonalDataInMessagesTest {

  private static final String EMAIL = "zhao.lingling.77@example.com";
  private static final String NAME = "Zhao Lingling";

  @Test
  void requesterToStringMasksNameAndHandlesButKeepsTheId() {
    Requester r = Requester.of("u-1042", NAME, ContactHandle.email(EMAIL),
        ContactHandle.phone("+86 139 1234 5678"));
    String text = r.toString();
    assertThat(text).contains("u-1042").contains("email:").contains("phone:")
        .doesNotContain("ingling").doesNotContain("lingling.77").doesNotContain("1234 5678");
  }

  @Test
  void handleToStringIsMaskedAndTextReadsBack() {
    ContactHandle h = ContactHandle.email(EMAIL);
    assertThat(h.toString()).startsWith("email:\"z***\"").doesNotContain("example");
    assertThat(ContactHandle.parse(h.text())).isEqualTo(h);
  }

  @Test
  void repeatedHandleMessageMasksTheHandle() {
    assertThatThrownBy(() -> Requester.of("u-1", "Li", ContactHandle.email(EMAIL),
        ContactHandle.email(EMAIL)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("requester.handles[1]")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("example.com"))
        .satisfies(e -> assertThat(((InvalidInputException) e).value()).doesNotContain("lingling"));
  }

  @Test
  void malformedHandleTextIsMasked() {
    assertThatThrownBy(() -> ContactHandle.parse(EMAIL))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(e.getMessage()).contains("contactHandle")
            .doesNotContain("lingling").contains("masked"));
  }

  @Test
  void tooLongHandleIsMasked() {
    String longEmail = "x".repeat(260) + "@example.com";
    assertThatThrownBy(() -> ContactHandle.email(longEmail))
        .satisfies(e -> assertThat(e.getMessage()).contains("contactHandle.value")
            .doesNotContain("xx").contains("272 chars, masked"));
  }

  @Test
  void otherValuesShowAtMostFortyCharactersWithPersonalDataMasked() {
    String value = "order 2023111501234567 for 13912345678 " + "y".repeat(100);
    InvalidInputException e = new InvalidInputException("subject", value, "is too long");
    assertThat(e.getMessage()).contains("subject is too long")
        .contains("\"order 2023111501234567 for [mobile] yyyy\"")
        .doesNotContain("13912345678")
        .contains("chars)");
    assertThat(shown(e.getMessage()).codePointCount(0, shown(e.getMessage()).length()))
        .isEqualTo(40);
    InvalidInputException mail = new InvalidInputException("note", "write to " + EMAIL, "bad");
    assertThat(mail.getMessage()).contains("write to [email]").doesNotContain("lingling");
  }

  @Property(tries = 200)
  void personalValuesNeverAppearInMessages(@ForAll("names") String name) {
    String tooLong = name.repeat(1 + Requester.MAX_NAME_LENGTH / name.length());
    try {
      Requester.of("u-9", tooLong);
    } catch (InvalidInputException e) {
      assertThat(e.getMessage()).doesNotContain(name.substring(1));
      assertThat(e.value()).doesNotContain(name.substring(1));
      return;
    }
    throw new AssertionError("a name over the limit was accepted");
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.strings().withCharRange('一', '龥').ofMinLength(4).ofMaxLength(12);
  }

  @Test
  void outboxSubscribersCanTakeEventsWithoutBodies() {
    EventHeader header = new EventHeader(TenantId.of("acme"), TicketId.of(java.util.UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e")), 3,
        Actor.requester("u-1"), Instant.parse("2026-01-05T08:00:00Z"), 1);
    ConversationEntry entry = new ConversationEntry(header.tenant(), header.ticketId(), 3,
        Visibility.PUBLIC, header.actor(), Channel.EMAIL, header.at(), "call me at 13912345678",
        List.of(Attachment.of(URI.create("https://files.example/a.png"), "me.png", "image/png", 4)));
    List<OutboxMessage> received = new ArrayList<>();
    var listener = OutboxBodies.withheld(received::add);
    listener.deliver(new OutboxMessage(1, "k1", new TicketReplied(header, entry), 1));
    listener.deliver(new OutboxMessage(2, "k2", new TicketNoted(header, entry), 2));
    listener.deliver(new OutboxMessage(3, "k3",
        new TicketRated(header, Rating.of(Satisfaction.DISSATISFIED, "Zhao says no")), 1));
    TicketReplied replied = (TicketReplied) received.get(0).event();
    assertThat(replied.entry().body()).isEqualTo(OutboxBodies.WITHHELD);
    assertThat(replied.entry().attachments()).isEmpty();
    assertThat(replied.header()).isEqualTo(header);
    assertThat(((TicketNoted) received.get(1).event()).entry().body())
        .isEqualTo(OutboxBodies.WITHHELD);
    assertThat(received.get(1).attempt()).isEqualTo(2);
    TicketRated rated = (TicketRated) received.get(2).event();
    assertThat(rated.rating().comment()).isNull();
    assertThat(rated.rating().satisfaction()).isEqualTo(Satisfaction.DISSATISFIED);
    assertThat(received).extracting(OutboxMessage::idempotencyKey).containsExactly("k1", "k2", "k3");
  }

  private static String shown(String message) {
    int start = message.indexOf('"') + 1;
    return message.substring(start, message.indexOf('"', start));
  }
}
