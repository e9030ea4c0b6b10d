package dev.ticketkit.macro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.Category;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.ContactHandle;
import dev.ticketkit.core.ConversationEntry;
import dev.ticketkit.core.HistoryAction;
import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.NewTicket;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.Requester;
import dev.ticketkit.core.Tag;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketConflictException;
import dev.ticketkit.core.TicketReplay;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.Visibility;
import dev.ticketkit.core.event.TicketEvent;
import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.core.store.TicketStore;
import dev.ticketkit.core.workflow.IllegalTransitionException;
import dev.ticketkit.core.workflow.StandardWorkflow;
import dev.ticketkit.testkit.MutableClock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Macros through the public API on the in-memory store: one versioned write with the rendered
 * reply and every field change, or nothing written at all.
 */
class MacrosTest {

  static final TenantId ACME = TenantId.of("acme");
  static final TenantId GLOBEX = TenantId.of("globex");
  static final Actor LI = Actor.agent("li.wei");
  static final Instant DUE = Instant.parse("2026-03-10T10:00:00Z");
  static final Locale ZH_CN = Locale.forLanguageTag("zh-CN");

  static final String REFUND_JSON = """
      {
        "id": "refund-approved",
        "title": "退款已批准 / Refund approved",
        "defaultLocale": "zh-CN",
        "reply": {
          "zh-CN": "{{requesterName}}您好，工单 #{{ticketNumber}} 的退款已批准，预计在 {{dueTime}} 前到账。客服 {{agentName}}",
          "en": "Hello {{requesterName}}, the refund of ticket #{{ticketNumber}} is approved and due by {{dueTime}}. {{agentName}}"
        },
        "changes": {
          "transition": "diagnose",
          "addTags": ["refund", "退款"],
          "removeTags": ["triage"],
          "priority": "HIGH",
          "category": "payment/refund"
        }
      }""";

  /** A service, a library holding the refund macro, and the macros over them. */
  static final class World {
    final MutableClock clock = MutableClock.at("2026-03-09T02:00:00Z");
    final List<TicketEvent> events = new ArrayList<>();
    final TicketService service;
    final MacroLibrary library = MacroLibrary.create();
    final Macros macros;
    Optional<Instant> due = Optional.of(DUE);

    World(TicketStore store) {
      service = TicketService.builder().store(store).clock(clock)
          .workflow(StandardWorkflow.create()).listener(events::add).build();
      library.put(ACME, MacroJson.read(REFUND_JSON));
      macros = Macros.builder().service(service).library(library)
          .tenantZones(t -> ZoneId.of("Asia/Shanghai"))
          .dueTimes(t -> due)
          .agentNames(a -> a.equals(AgentId.of("li.wei")) ? Optional.of("李伟") : Optional.empty())
          .build();
    }

    /** An accepted ticket tagged for triage, as the macro expects it. */
    Ticket accepted() {
      Ticket t = service.open(ACME, Actor.requester("wang"), NewTicket.builder()
          .requester(Requester.of("wang", "王芳", ContactHandle.wechatOpenId("oAbc123")))
          .channel(Channel.WECHAT_OFFICIAL_ACCOUNT)
          .subject("退款还没到账")
          .description("订单 8812 的退款一周了还没到账。")
          .build());
      t = service.fire(ACME, LI, t.id(), t.version(), StandardWorkflow.ACCEPT);
      return service.tag(ACME, LI, t.id(), t.version(), Tag.of("triage"));
    }

    List<HistoryEntry> history(Ticket t) {
      return service.history(ACME, t.id());
    }
  }

  @Test
  void aChineseMacroIsOneVersionedWriteWithTheReplyAndEveryChange() {
    World w = new World(InMemoryTicketStore.create());
    Ticket t = w.accepted();
    int eventsBefore = w.events.size();

    Ticket after = w.macros.apply(ACME, LI, t.id(), t.version(), "refund-approved", ZH_CN);

    assertThat(after.version()).isEqualTo(t.version() + 1);
    assertThat(after.status().name()).isEqualTo(StandardWorkflow.DIAGNOSING);
    assertThat(after.priority()).isEqualTo(Priority.HIGH);
    assertThat(after.category()).isEqualTo(Category.parse("payment/refund"));
    assertThat(after.tags()).containsExactlyInAnyOrder(Tag.of("refund"), Tag.of("退款"));
    ConversationEntry reply = lastReply(w, t);
    // 10:00Z is 18:00 in Shanghai; the short time is 下午6:00 in the CLDR data of JDK 17.
    assertThat(reply.body()).matches("王芳您好，工单 #" + t.number()
        + " 的退款已批准，预计在 2026年3月10日 (下午6:00|18:00) 前到账。客服 李伟");
    assertThat(reply.channel()).isEqualTo(Channel.WECHAT_OFFICIAL_ACCOUNT);
    assertThat(reply.ticketVersion()).isEqualTo(after.version());
    List<HistoryEntry> change = w.history(t).stream()
        .filter(e -> e.ticketVersion() == after.version()).toList();
    assertThat(change.get(0).action()).isEqualTo(HistoryAction.AUTOMATED);
    assertThat(change.get(0).after()).isEqualTo(new MacroApplied("refund-approved", ZH_CN).describe())
        .isEqualTo("macro refund-approved (zh-CN)");
    assertThat(change).extracting(HistoryEntry::action).contains(HistoryAction.PRIORITY_CHANGED,
        HistoryAction.CATEGORY_CHANGED, HistoryAction.TAGGED, HistoryAction.UNTAGGED,
        HistoryAction.REPLIED, HistoryAction.TRANSITIONED);
    assertThat(w.events.subList(eventsBefore, w.events.size()))
        .allSatisfy(e -> assertThat(e.header().ticketVersion()).isEqualTo(after.version()));
    assertThat(TicketReplay.replay(w.history(t))).isEqualTo(after);
  }

  @Test
  void anEnglishRequestGetsTheEnglishTemplateByLanguage() {
    World w = new World(InMemoryTicketStore.create());
    Ticket t = w.accepted();

    w.macros.apply(ACME, LI, t.id(), t.version(), "refund-approved", Locale.US);

    String body = lastReply(w, t).body();
    assertThat(body).startsWith("Hello 王芳, the refund of ticket #" + t.number())
        .contains("Mar 10, 2026").contains("6:00").endsWith("PM. 李伟");
  }

  @Test
  void aLocaleWithoutATemplateFallsBackToTheDefault() {
    World w = new World(InMemoryTicketStore.create());
    Macro macro = w.library.find(ACME, "refund-approved").orElseThrow();
    assertThat(macro.replyLocale(Locale.JAPAN)).isEqualTo(ZH_CN);
    assertThat(macro.replyLocale(Locale.forLanguageTag("zh-TW"))).isEqualTo(ZH_CN);
    assertThat(macro.replyLocale(Locale.UK)).isEqualTo(Locale.ENGLISH);
    Ticket t = w.accepted();
    assertThat(w.macros.preview(ACME, LI, t.id(), "refund-approved", Locale.JAPAN))
        .startsWith("王芳您好");
  }

  @Test
  void aMissingDueTimeIsATypedErrorNamingItAndNothingIsWritten() {
    World w = new World(InMemoryTicketStore.create());
    Ticket t = w.accepted();
    w.due = Optional.empty();
    int history = w.history(t).size();
    int events = w.events.size();

    assertThatThrownBy(() -> w.macros.apply(ACME, LI, t.id(), t.version(), "refund-approved",
        ZH_CN)).isInstanceOfSatisfying(MissingVariableException.class, e -> {
          assertThat(e.variable()).isEqualTo(MacroVariable.DUE_TIME);
          assertThat(e.macroId()).isEqualTo("refund-approved");
          assertThat(e.ticketId()).isEqualTo(t.id());
          assertThat(e.getMessage()).contains("{{dueTime}}");
        });

    assertNothingWritten(w, t, history, events);
  }

  @Test
  void aSystemActorHasNoAgentNameAndAnUnknownAgentNeither() {
    World w = new World(InMemoryTicketStore.create());
    Ticket t = w.accepted();
    int history = w.history(t).size();
    int events = w.events.size();

    assertThatThrownBy(() -> w.macros.apply(ACME, Actor.system("bot"), t.id(), t.version(),
        "refund-approved", Locale.ENGLISH))
        .isInstanceOfSatisfying(MissingVariableException.class,
            e -> assertThat(e.variable()).isEqualTo(MacroVariable.AGENT_NAME));
    assertThatThrownBy(() -> w.macros.apply(ACME, Actor.agent("zhang"), t.id(), t.version(),
        "refund-approved", Locale.ENGLISH))
        .isInstanceOfSatisfying(MissingVariableException.class,
            e -> assertThat(e.getMessage()).contains("agentName").contains("zhang"));

    assertNothingWritten(w, t, history, events);
  }

  @Test
  void aStaleVersionIsAConflictAndNothingIsWritten() {
    World w = new World(InMemoryTicketStore.create());
    Ticket t = w.accepted();
    Ticket moved = w.service.changePriority(ACME, LI, t.id(), t.version(), Priority.LOW);
    int history = w.history(t).size();
    int events = w.events.size();

    assertThatThrownBy(() -> w.macros.apply(ACME, LI, t.id(), t.version(), "refund-approved",
        ZH_CN)).isInstanceOfSatisfying(TicketConflictException.class, e -> {
          assertThat(e.expectedVersion()).isEqualTo(t.version());
          assertThat(e.actualVersion()).isEqualTo(moved.version());
        });

    assertNothingWritten(w, moved, history, events);
  }

  @Test
  void aTransitionTheWorkflowRefusesWritesNothing() {
    World w = new World(InMemoryTicketStore.create());
    Ticket t = w.accepted();
    t = w.service.fire(ACME, LI, t.id(), t.version(), StandardWorkflow.DIAGNOSE);
    Ticket diagnosing = t;
    int history = w.history(t).size();
    int events = w.events.size();

    assertThatThrownBy(() -> w.macros.apply(ACME, LI, diagnosing.id(), diagnosing.version(),
        "refund-approved", ZH_CN))
        .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
          assertThat(e.transition()).isEqualTo(StandardWorkflow.DIAGNOSE);
          assertThat(e.status().name()).isEqualTo(StandardWorkflow.DIAGNOSING);
        });

    assertNothingWritten(w, diagnosing, history, events);
    assertThat(w.service.require(ACME, t.id()).tags()).containsExactly(Tag.of("triage"));
  }

  @Test
  void macrosBelongToTheirTenantAndTheActorMustBeOfTheTeam() {
    World w = new World(InMemoryTicketStore.create());
    Ticket t = w.accepted();

    assertThatThrownBy(() -> w.macros.apply(GLOBEX, LI, t.id(), t.version(), "refund-approved",
        ZH_CN)).isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("macroId"));
    assertThat(w.library.list(GLOBEX)).isEmpty();
    assertThat(w.library.list(ACME)).extracting(Macro::id).containsExactly("refund-approved");
    Macro textOnly = Macro.builder("thanks").title("Thanks")
        .reply(Locale.ENGLISH, "Thanks {{requesterName}}!").build();
    w.library.put(ACME, textOnly);
    assertThatThrownBy(() -> w.macros.apply(ACME, Actor.requester("wang"), t.id(), t.version(),
        "thanks", Locale.ENGLISH)).isInstanceOf(InvalidInputException.class);
    Ticket after = w.macros.apply(ACME, LI, t.id(), t.version(), "thanks", Locale.CHINA);
    assertThat(lastReply(w, t).body()).isEqualTo("Thanks 王芳!");
    assertThat(after.version()).isEqualTo(t.version() + 1);
    assertThat(w.library.remove(ACME, "thanks")).contains(textOnly);
  }

  @Test
  void valuesAreWrittenAsTheyAreNotHtmlEscaped() {
    World w = new World(InMemoryTicketStore.create());
    w.library.put(ACME, Macro.builder("raw").title("raw")
        .reply(Locale.ENGLISH, "Dear {{requesterName}} & {{{requesterName}}}").build());
    Ticket t = w.service.open(ACME, Actor.requester("ob"), NewTicket.builder()
        .requester(Requester.of("ob", "O'Brien & <Sons>", ContactHandle.email("ob@example.com")))
        .channel(Channel.EMAIL).subject("Invoice").description("Where is it?").build());

    assertThat(w.macros.preview(ACME, LI, t.id(), "raw", Locale.ENGLISH))
        .isEqualTo("Dear O'Brien & <Sons> & O'Brien & <Sons>");
  }

  @Test
  void theBuilderRequiresItsPartsOnce() {
    assertThatThrownBy(() -> Macros.builder().build()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("service");
    assertThatThrownBy(() -> Macros.builder().library(MacroLibrary.create())
        .library(MacroLibrary.create())).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Macros.builder().dueTimes(null))
        .isInstanceOf(NullPointerException.class).hasMessage("dueTimes");
  }

  static ConversationEntry lastReply(World w, Ticket t) {
    List<ConversationEntry> replies = w.service.conversation(ACME, t.id()).stream()
        .filter(e -> e.visibility() == Visibility.PUBLIC).toList();
    return replies.get(replies.size() - 1);
  }

  static void assertNothingWritten(World w, Ticket t, int history, int events) {
    assertThat(w.service.require(ACME, t.id())).isEqualTo(t);
    assertThat(w.history(t)).hasSize(history);
    assertThat(w.events).hasSize(events);
    assertThat(w.service.conversation(ACME, t.id())).extracting(ConversationEntry::body)
        .noneMatch(b -> b.contains("退款已批准") || b.contains("refund"));
  }
}
