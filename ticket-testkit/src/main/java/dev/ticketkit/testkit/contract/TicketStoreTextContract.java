package dev.ticketkit.testkit.contract;

import static dev.ticketkit.testkit.contract.TicketFixtures.AGENT;
import static dev.ticketkit.testkit.contract.TicketFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.HandoffDesk;
import dev.ticketkit.core.ProblemDesk;
import dev.ticketkit.core.ProblemRecord;
import dev.ticketkit.core.ProblemReplies;
import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.Attachment;
import dev.ticketkit.core.Category;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.ContactHandle;
import dev.ticketkit.core.CustomFieldValue;
import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.LinkType;
import dev.ticketkit.core.Message;
import dev.ticketkit.core.NewTicket;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.Rating;
import dev.ticketkit.core.Requester;
import dev.ticketkit.core.Satisfaction;
import dev.ticketkit.core.SupportTier;
import dev.ticketkit.core.SupportedTime;
import dev.ticketkit.core.Tag;
import dev.ticketkit.core.TextRule;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketChanges;
import dev.ticketkit.core.TicketEdit;
import dev.ticketkit.core.TicketField;
import dev.ticketkit.core.TicketFields;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.TicketLink;
import dev.ticketkit.core.TicketReplay;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.store.ChangeSet;
import dev.ticketkit.core.store.TicketQuery;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The text half of the store contract: every field of the table survives the round trip, with
 * Chinese, emoji and SQL metacharacters; and text no store can keep (a lone surrogate, U+0000)
 * is refused with a typed error naming the field before anything reaches the store. Extend
 * {@link TicketStoreContract}, which includes these tests.
 */
public abstract class TicketStoreTextContract extends TicketStoreQueryContract {

  /** SQL metacharacters, Chinese, and characters outside the BMP (surrogate pairs). */
  static final String NASTY =
      "Robert'); DROP TABLE tk_ticket;-- \"%_\\ /* 退款失败：支付宝 */ ☃ \uD840\uDC00 😱";

  @Test
  void everyFieldSurvivesTheRoundTripWithChineseEmojiAndSqlMetacharacters() {
    Ticket related = insert(tenant, Duration.ZERO);
    List<ChangeSet> changes = new ArrayList<>();
    changes.add(commit(TicketFixtures.opening(tenant, TicketId.of(UUID.randomUUID()), T0,
        fullIntake())));
    TicketId id = changes.get(0).ticketId();
    Actor li = Actor.agent("li");
    step(changes, 1, (s, t) -> s.fire(tenant, li, id, t.version(), "accept"));
    step(changes, 2, (s, t) -> s.fire(tenant, li, id, t.version(), "reopen"));
    step(changes, 3, (s, t) -> s.apply(tenant, AGENT, id, t.version(), TicketChanges.builder()
        .escalateTo(SupportTier.of(3), "需要 L3 ' --").assign(AgentId.of("zhang"))
        .edit(TicketEdit.builder().resolutionSummary("清除缓存; DELETE FROM x; -- 🧹").build())
        .build()));
    step(changes, 4, (s, t) -> s.link(tenant, AGENT, id, t.version(),
        TicketLink.of(LinkType.RELATED, related.id())));
    step(changes, 5, (s, t) -> ProblemDesk.of(s, ProblemReplies.standard(Locale.CHINA))
        .record(tenant, li, id, t.version(), ProblemRecord.reported(NASTY, LocalDate.of(2024, 3,
            20))));
    step(changes, 6, (s, t) -> HandoffDesk.of(s).handOver(tenant, li, id, t.version(),
        "finance", "退款? ' OR 1=1 -- 💸", T0.plusSeconds(86_400)));
    step(changes, 7, (s, t) -> s.fire(tenant, li, id, t.version(),
        TicketFixtures.move("AWAITING_CONFIRMATION")));
    step(changes, 8, (s, t) -> s.rate(tenant, Actor.requester("req'1--;%_"), id, t.version(),
        Rating.of(Satisfaction.NEUTRAL, "还行 👍 ' OR '1'='1")));
    step(changes, 9, (s, t) -> s.fire(tenant, li, id, t.version(),
        TicketFixtures.move("WAITING_ON_REQUESTER")));
    Ticket last = changes.get(changes.size() - 1).ticket();

    Ticket stored = store.get(tenant, id).orElseThrow();
    assertThat(stored).isEqualTo(last);
    for (TicketField<?> field : TicketFields.all()) {
      Object value = stored.get(field);
      assertThat(value).as("the fixture sets %s", field).isNotNull();
      if (value instanceof Collection<?> c) {
        assertThat(c).as("the fixture fills %s", field).isNotEmpty();
      } else if (value instanceof Map<?, ?> m) {
        assertThat(m).as("the fixture fills %s", field).isNotEmpty();
      }
    }
    List<HistoryEntry> history = new ArrayList<>();
    changes.forEach(c -> history.addAll(c.history()));
    assertThat(store.history(tenant, id)).isEqualTo(history);
    assertThat(TicketReplay.replay(store.history(tenant, id))).isEqualTo(stored);
  }

  private static NewTicket fullIntake() {
    return NewTicket.builder()
        .requester(Requester.of("req'1--;%_", "王芳 " + NASTY.substring(0, 30),
            ContactHandle.wechatOpenId("o'Ab;--%_"), ContactHandle.email("wang@例子.cn")))
        .channel(Channel.DOUYIN)
        .subject(NASTY)
        .description(NASTY + "\n" + NASTY)
        .scenario("场景: paying with WeChat Pay 💳")
        .errorMessage("E1024 timeout\nline two 😱")
        .reproductionSteps("1. open\n2. pay ' OR 1=1 --")
        .attachment(Attachment.of(URI.create("https://files.example/a%201"), "截图 1'; --.png",
            "image/png", 4821))
        .accountReference("O'R%_1")
        .category(Category.of("账单 %_'", "退款\"--"))
        .priority(Priority.URGENT)
        .tag(Tag.of("vip"))
        .tag(Tag.of("退款_1"))
        .customField("device", CustomFieldValue.text(NASTY))
        .customField("amount", CustomFieldValue.decimal(new BigDecimal("12.50")))
        .customField("paid", CustomFieldValue.flag(true))
        .customField("since", CustomFieldValue.date(LocalDate.of(2024, 2, 29)))
        .build();
  }

  private void step(List<ChangeSet> changes, int seconds,
      BiConsumer<TicketService, Ticket> call) {
    Ticket current = changes.get(changes.size() - 1).ticket();
    ChangeSet next = change(T0.plusSeconds(seconds), s -> {
      call.accept(s, store.get(tenant, current.id()).orElseThrow());
      return null;
    });
    commit(next);
    changes.add(next);
  }

  /** One way bad text can come in, and the field the error must name. */
  record Door(String name, String field, Function<String, BiConsumer<TicketService, Ticket>> call) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> badText() {
    Map<String, String> bad = Map.of(
        "a lone high surrogate", "ab\uD83D",
        "a lone low surrogate", "a\uDE00b",
        "a reversed pair", "a\uDE00\uD83Db",
        "U+0000", "a\u0000b");
    return bad.entrySet().stream().sorted(Map.Entry.comparingByKey()).flatMap(b -> doors()
        .map(d -> Arguments.of(b.getKey() + " in " + d.name(), d, b.getValue())));
  }

  private static Stream<Door> doors() {
    return Stream.of(
        door("intake subject", "subject", x -> (s, t) -> open(s, t, TicketFixtures.intake(x))),
        door("intake description", "description", x -> (s, t) -> open(s, t,
            NewTicket.builder().description(x))),
        door("scenario", "scenario", x -> (s, t) -> open(s, t, TicketFixtures.intake()
            .scenario(x))),
        door("error message", "errorMessage", x -> (s, t) -> open(s, t, TicketFixtures.intake()
            .errorMessage(x))),
        door("reproduction steps", "reproductionSteps", x -> (s, t) -> open(s, t,
            TicketFixtures.intake().reproductionSteps(x))),
        door("account reference", "accountReference", x -> (s, t) -> open(s, t,
            TicketFixtures.intake().accountReference(x))),
        door("requester id", "requester.id", x -> (s, t) -> Requester.of("r" + x, "Name")),
        door("requester name", "requester.displayName",
            x -> (s, t) -> Requester.of("r1", "Secret " + x)),
        door("contact handle", "contactHandle.value",
            x -> (s, t) -> ContactHandle.email("a" + x + "@b.cn")),
        door("category", "category.segments[0]", x -> (s, t) -> s.changeCategory(t.tenant(),
            AGENT, t.id(), t.version(), Category.of("Billing" + x))),
        door("tag", "tag", x -> (s, t) -> s.tag(t.tenant(), AGENT, t.id(), t.version(),
            Tag.of("t" + x))),
        door("custom field text", "customField.text", x -> (s, t) -> edit(s, t,
            TicketEdit.builder().customField("note", CustomFieldValue.parse("text:" + x)))),
        door("attachment name", "attachment.name", x -> (s, t) -> edit(s, t, TicketEdit
            .builder().addAttachment(Attachment.of(URI.create("https://f.example/a"), "a" + x,
                "image/png", 1)))),
        door("edited subject", "subject", x -> (s, t) -> edit(s, t,
            TicketEdit.builder().subject(x))),
        door("edited description", "description", x -> (s, t) -> edit(s, t,
            TicketEdit.builder().description(x))),
        door("resolution summary", "resolutionSummary", x -> (s, t) -> edit(s, t,
            TicketEdit.builder().resolutionSummary(x))),
        door("reply", "message.body", x -> (s, t) -> s.reply(t.tenant(), AGENT, t.id(),
            t.version(), Message.of(Channel.EMAIL, x))),
        door("internal note", "message.body", x -> (s, t) -> s.note(t.tenant(), AGENT, t.id(),
            t.version(), Message.of(Channel.EMAIL, x))),
        door("rating comment", "rating.comment",
            x -> (s, t) -> Rating.of(Satisfaction.NEUTRAL, x)),
        door("escalation reason", "reason", x -> (s, t) -> s.escalate(t.tenant(), AGENT, t.id(),
            t.version(), x)),
        door("actor id", "actor.id", x -> (s, t) -> s.reply(t.tenant(), Actor.agent("ag" + x),
            t.id(), t.version(), Message.of(Channel.EMAIL, "hi"))),
        door("assignee", "agentId", x -> (s, t) -> s.assign(t.tenant(), AGENT, t.id(),
            t.version(), AgentId.of("ag" + x))),
        door("a module's cause", "cause.describe()", x -> (s, t) -> s.apply(t.tenant(), AGENT,
            t.id(), t.version(), TicketChanges.builder().tag(Tag.of("late"))
                .cause(() -> "escalated " + x).build())),
        door("query by requester", "requesterId", x -> (s, t) -> s.query(t.tenant(),
            TicketQuery.builder().requesterId("r" + x).build())));
  }

  private static Door door(String name, String field,
      Function<String, BiConsumer<TicketService, Ticket>> call) {
    return new Door(name, field, call);
  }

  private static void open(TicketService s, Ticket t, NewTicket.Builder intake) {
    s.open(t.tenant(), AGENT, intake.build());
  }

  private static void edit(TicketService s, Ticket t, TicketEdit.Builder edit) {
    s.edit(t.tenant(), AGENT, t.id(), t.version(), edit.build());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badText")
  void badTextIsRefusedNamingTheFieldBeforeAnythingReachesTheStore(
      String name, Door door, String bad) {
    Ticket t = insert(tenant, Duration.ZERO);
    TicketService service = TicketService.builder().store(store).workflow(TicketFixtures.WORKFLOW)
        .clock(Clock.fixed(T0.plusSeconds(1), ZoneOffset.UTC)).build();
    List<Object> before = snapshot(t);

    assertThatThrownBy(() -> door.call().apply(bad).accept(service, t))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo(door.field());
          assertThat(TextRule.isWellFormed(e.getMessage())).as(e.getMessage()).isTrue();
        });
    assertThat(snapshot(t)).isEqualTo(before);
  }

  private List<Object> snapshot(Ticket t) {
    return List.of(store.get(tenant, t.id()), store.history(tenant, t.id()),
        store.conversation(tenant, t.id()), store.count(tenant, TicketQuery.all()),
        store.outbox().pendingCount());
  }

  /** Instants inside the supported range that every store must keep exactly (its edges). */
  static Stream<Instant> edgeInstants() {
    return Stream.of(SupportedTime.MIN_INSTANT, Instant.parse("1970-01-01T00:00:00.000001Z"),
        Instant.parse("2038-01-19T03:14:08Z"), Instant.parse("2100-12-31T23:59:59.999999Z"),
        SupportedTime.MAX_INSTANT);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("edgeInstants")
  void instantsAtTheEdgesOfTheSupportedRangeRoundTripExactly(Instant at) {
    TicketService service = TicketService.builder().store(store).workflow(TicketFixtures.WORKFLOW)
        .clock(Clock.fixed(at, ZoneOffset.UTC)).build();
    Ticket opened = service.open(tenant, AGENT, TicketFixtures.intake().build());
    Ticket tagged = service.tag(tenant, AGENT, opened.id(), opened.version(), Tag.of("edge"));
    Ticket stored = store.get(tenant, opened.id()).orElseThrow();
    assertThat(stored).isEqualTo(tagged);
    assertThat(stored.createdAt()).isEqualTo(at);
    assertThat(stored.updatedAt()).isEqualTo(at);
    assertThat(store.history(tenant, opened.id())).allSatisfy(h -> assertThat(h.at()).isEqualTo(at));
    TicketQuery query = TicketQuery.builder().createdBetween(at, at.plusNanos(1000)).build();
    assertThat(store.query(tenant, query).items()).extracting(Ticket::id).contains(opened.id());
  }

  /** Instants outside the supported range, some of which databases change or cannot hold. */
  static Stream<Instant> farInstants() {
    return Stream.of(Instant.MIN, Instant.MAX, Instant.parse("-1000000-01-01T00:00:00Z"),
        Instant.parse("-0001-01-01T00:00:00Z"), SupportedTime.MIN_INSTANT.minusNanos(1000),
        SupportedTime.MAX_INSTANT.plusNanos(1000), Instant.parse("+10000-01-01T00:00:00Z"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("farInstants")
  void aClockOutsideTheSupportedRangeIsRefusedAndAQueryOutsideItAnswers(Instant far) {
    Ticket t = insert(tenant, Duration.ZERO);
    TicketService service = TicketService.builder().store(store).workflow(TicketFixtures.WORKFLOW)
        .clock(Clock.fixed(far, ZoneOffset.UTC)).build();
    List<Object> before = snapshot(t);
    assertThatThrownBy(() -> service.open(tenant, AGENT, TicketFixtures.intake().build()))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("clock"));
    assertThatThrownBy(() -> service.tag(tenant, AGENT, t.id(), t.version(), Tag.of("far")))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("clock"));
    assertThat(snapshot(t)).isEqualTo(before);
    TicketQuery around = TicketQuery.builder().createdBetween(far.isBefore(T0) ? far : T0,
        far.isBefore(T0) ? T0.plusSeconds(1) : far).build();
    assertThat(store.query(tenant, around).items()).extracting(Ticket::id).contains(t.id());
    assertThat(store.count(tenant, around)).isPositive();
  }
}
