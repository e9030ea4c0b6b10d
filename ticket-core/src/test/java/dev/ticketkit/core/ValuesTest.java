package dev.ticketkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The domain values: text forms read back equal, and bad values name their field and value. */
class ValuesTest {

  static Stream<Arguments> roundTrips() {
    return Stream.of(
        rt(Actor.agent("li.wei"), Actor::parse),
        rt(Actor.system("auto-close"), Actor::parse),
        rt(ContactHandle.email("li@example.com"), ContactHandle::parse),
        rt(ContactHandle.phone("+86 138 0000 0000"), ContactHandle::parse),
        rt(ContactHandle.of("wechat_openid", "o:abc"), ContactHandle::parse),
        rt(Channel.WECHAT_CHANNELS, Channel::parse),
        rt(Channel.of("TIKTOK_SHOP"), Channel::parse),
        rt(Category.parse("Billing/Refunds/退款"), Category::parse),
        rt(Status.of("WAITING_ON_REQUESTER", StatusCategory.PENDING), Status::parse),
        rt(Rating.of(Satisfaction.DISSATISFIED, "still: broken"), Rating::parse),
        rt(Rating.of(Satisfaction.NEUTRAL), Rating::parse),
        rt(Attachment.of(URI.create("https://f.example/a%201"), "screen shot.png", "image/png", 5),
            Attachment::parse),
        rt(TicketLink.of(LinkType.INCIDENT_OF_PROBLEM,
            TicketId.parse("0f8fad5b-d9cb-469f-a165-70867728950e")), TicketLink::parse),
        rt(Tag.of("退款"), Tag::of),
        rt(SupportTier.of(3), SupportTier::parse),
        rt(CustomFieldValue.text("Model: X"), CustomFieldValue::parse),
        rt(CustomFieldValue.decimal(new BigDecimal("12.50")), CustomFieldValue::parse),
        rt(CustomFieldValue.decimal(new BigDecimal("1E+3")), CustomFieldValue::parse),
        rt(CustomFieldValue.flag(true), CustomFieldValue::parse),
        rt(CustomFieldValue.date(LocalDate.of(2024, 2, 29)), CustomFieldValue::parse),
        rt(Priority.URGENT, Priority::parse),
        rt(AgentId.of("zhang"), AgentId::of));
  }

  private static <T> Arguments rt(T value, Function<String, T> parse) {
    return Arguments.of(value, parse);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("roundTrips")
  <T> void textFormReadsBackEqual(T value, Function<String, T> parse) {
    String text = value instanceof ContactHandle h ? h.text() : value.toString();
    assertThat(parse.apply(text)).isEqualTo(value);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
      actor            | agent              | actor
      actor            | robot:x            | actorKind
      actor            | agent:has space    | actor.id
      contactHandle    | Email:x            | contactHandle.kind
      contactHandle    | NULL               | contactHandle
      channel          | wechat             | channel
      channel          | NULL               | channel
      category         | Billing//Refunds   | category.segments[1]
      category         | ' Billing'         | category.segments[0]
      status           | OPEN               | status
      status           | open(OPEN)         | status
      status           | OPEN(MAYBE)        | statusCategory
      rating           | THRILLED           | satisfaction
      rating           | 'SATISFIED:   '    | rating.comment
      attachment       | 5 image/png x.png  | attachment
      attachment       | -1 image/png https://f.example/a a.png | attachment.sizeBytes
      attachment       | 5 png https://f.example/a a.png | attachment.mediaType
      attachment       | 5 image/png relative/a a.png | attachment.uri
      link             | CLONE_OF:0f8fad5b-d9cb-469f-a165-70867728950e | linkType
      link             | RELATED:42         | ticketId
      tag              | 'two words'        | tag
      tag              | -leading           | tag
      tier             | L0                 | tier
      tier             | 3                  | tier
      customField      | decimal:abc        | customField
      customField      | flag:yes           | customField.flag
      customField      | date:2023-02-29    | customField
      customField      | colour:red         | customField
      priority         | CRITICAL           | priority
      tenant           | ''                 | tenantId
      ticketId         | 42                 | ticketId
      """)
  void badTextNamesTheFieldAndValue(String type, String text, String field) {
    Function<String, Object> parse = switch (type) {
      case "actor" -> Actor::parse;
      case "contactHandle" -> ContactHandle::parse;
      case "channel" -> Channel::parse;
      case "category" -> Category::parse;
      case "status" -> Status::parse;
      case "rating" -> Rating::parse;
      case "attachment" -> Attachment::parse;
      case "link" -> TicketLink::parse;
      case "tag" -> Tag::of;
      case "tier" -> SupportTier::parse;
      case "customField" -> CustomFieldValue::parse;
      case "priority" -> Priority::parse;
      case "tenant" -> TenantId::of;
      default -> TicketId::parse;
    };
    assertThatThrownBy(() -> parse.apply(text))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.getMessage()).startsWith(field);
        });
  }

  @Test
  void requesterHandlesAreDistinctAndLimited() {
    ContactHandle mail = ContactHandle.email("a@b.c");
    Requester r = Requester.of("r1", "Li Wei", mail);

    assertThat(r.withHandle(mail)).isSameAs(r);
    assertThat(r.withHandle(ContactHandle.douyinId("dy42")).handles()).hasSize(2);
    assertThatThrownBy(() -> Requester.of("r1", "Li", mail, mail))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("requester.handles[1]"));
    assertThatThrownBy(() -> Requester.of("r1", "Li\nWei"))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("requester.displayName"));
  }

  @Test
  void categoriesKnowTheirPlaceInTheTree() {
    Category refunds = Category.of("Billing", "Refunds");

    assertThat(refunds.parent()).isEqualTo(Category.of("Billing"));
    assertThat(Category.of("Billing").parent()).isNull();
    assertThat(refunds.isWithin(Category.of("Billing"))).isTrue();
    assertThat(Category.of("Billing").isWithin(refunds)).isFalse();
    assertThat(Category.of("Billingual").isWithin(Category.of("Billing"))).isFalse();
    assertThat(refunds.child("Partial")).hasToString("Billing/Refunds/Partial");
  }

  @Test
  void lengthsCountCharactersNotBytes() {
    String chinese = "退".repeat(Ticket.MAX_SUBJECT_LENGTH);
    assertThat(NewTicket.builder().subject(chinese)).isNotNull();
    assertThatThrownBy(() -> NewTicket.builder().subject(chinese + "款"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("subject");
          assertThat(e.getMessage()).contains("at most 200").contains("(201 chars)");
        });
  }

  @Test
  void tiersClimbAndStopAtTheTop() {
    assertThat(SupportTier.FIRST.next()).isEqualTo(SupportTier.of(2));
    assertThat(SupportTier.of(SupportTier.MAX_LEVEL).hasNext()).isFalse();
    assertThat(SupportTier.of(SupportTier.MAX_LEVEL).next().level()).isEqualTo(9);
  }

  @Test
  void theWellKnownChannelsAreThere() {
    assertThat(List.of(Channel.EMAIL, Channel.PHONE, Channel.WEB_FORM, Channel.ONLINE_CHAT,
        Channel.IN_APP, Channel.DOUYIN, Channel.WECHAT_CHANNELS, Channel.WECHAT_OFFICIAL_ACCOUNT,
        Channel.COMMUNITY_FORUM, Channel.IM, Channel.API)).extracting(Channel::code)
        .doesNotHaveDuplicates().hasSize(11);
  }

  @Test
  void builderSettingsMayBeMadeOnce() {
    assertThatThrownBy(() -> NewTicket.builder().priority(Priority.LOW).priority(Priority.HIGH))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("priority");
    assertThatThrownBy(() -> TicketEdit.builder().subject("a").subject("b"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> TicketEdit.builder().build())
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> TicketService.builder().clock(MutableClock.standard()).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("store");
  }

  @Test
  void conflictRetryRetriesOnlyConflicts() {
    int[] calls = {0};
    String result = ConflictRetry.run(3, () -> {
      if (++calls[0] < 3) {
        throw new TicketConflictException(TenantId.of("a"),
            TicketId.parse("0f8fad5b-d9cb-469f-a165-70867728950e"), 1, 2);
      }
      return "done";
    });
    assertThat(result).isEqualTo("done");
    assertThat(calls[0]).isEqualTo(3);

    int[] failures = {0};
    assertThatThrownBy(() -> ConflictRetry.run(2, () -> {
      failures[0]++;
      throw new TicketConflictException(TenantId.of("a"),
          TicketId.parse("0f8fad5b-d9cb-469f-a165-70867728950e"), 1, 2);
    })).isInstanceOf(TicketConflictException.class);
    assertThat(failures[0]).isEqualTo(2);
    assertThatThrownBy(() -> ConflictRetry.run(5, () -> {
      throw new InvalidInputException("x", 1, "bad");
    })).isInstanceOf(InvalidInputException.class);
  }
}
