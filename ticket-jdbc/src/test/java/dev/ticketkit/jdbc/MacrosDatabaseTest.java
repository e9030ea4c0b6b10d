package dev.ticketkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.ContactHandle;
import dev.ticketkit.core.ConversationEntry;
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
import dev.ticketkit.core.workflow.StandardWorkflow;
import dev.ticketkit.jdbc.testing.TestKit;
import dev.ticketkit.macro.MacroJson;
import dev.ticketkit.macro.MacroLibrary;
import dev.ticketkit.macro.Macros;
import dev.ticketkit.macro.MissingVariableException;
import dev.ticketkit.testkit.MutableClock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A macro (ticket-macro) on each database: applying it is one versioned write of the reply and
 * every field change, read back equal and replayable from the stored history; a stale version or
 * a missing variable writes nothing.
 */
class MacrosDatabaseTest {

  private static final Actor LI = Actor.agent("li.wei");
  private static final Map<DatabaseKind, TestKit> DATABASES = new EnumMap<>(DatabaseKind.class);
  private static final String REFUND = """
      { "id": "refund-approved", "title": "退款已批准 / Refund approved", "defaultLocale": "zh-CN",
        "reply": {
          "zh-CN": "{{requesterName}}您好，工单 #{{ticketNumber}} 的退款已批准，预计在 {{dueTime}} 前到账。客服 {{agentName}}",
          "en": "Hello {{requesterName}}, the refund of ticket #{{ticketNumber}} is due by {{dueTime}}. {{agentName}}" },
        "changes": { "transition": "diagnose", "addTags": ["refund"], "removeTags": ["triage"],
                     "priority": "HIGH", "category": "payment/refund" } }""";

  @AfterAll
  static void dropDatabases() {
    DATABASES.values().forEach(TestKit::close);
  }

  private record World(TenantId tenant, TicketService service, Macros macros, Ticket ticket) {}

  private static World world(DatabaseKind kind, Optional<Instant> due) {
    JdbcTicketKit kit = DATABASES.computeIfAbsent(kind, TestKit::new).kit();
    MutableClock clock = MutableClock.of(Instant.parse("2026-03-09T02:00:00Z"));
    TicketService service = TicketService.builder().store(kit.ticketStore()).clock(clock)
        .workflow(StandardWorkflow.create()).build();
    TenantId tenant = TenantId.of("macro-" + UUID.randomUUID().toString().substring(0, 8));
    MacroLibrary library = MacroLibrary.create();
    library.put(tenant, MacroJson.read(REFUND));
    Macros macros = Macros.builder().service(service).library(library)
        .tenantZones(t -> ZoneId.of("Asia/Shanghai")).dueTimes(t -> due)
        .agentNames(a -> a.equals(AgentId.of("li.wei")) ? Optional.of("李伟") : Optional.empty())
        .build();
    Ticket t = service.open(tenant, Actor.requester("wang"), NewTicket.builder()
        .requester(Requester.of("wang", "王芳", ContactHandle.wechatOpenId("oAbc123")))
        .channel(Channel.WECHAT_OFFICIAL_ACCOUNT).subject("退款还没到账")
        .description("订单 8812 的退款一周了还没到账。").build());
    t = service.fire(tenant, LI, t.id(), t.version(), StandardWorkflow.ACCEPT);
    t = service.tag(tenant, LI, t.id(), t.version(), Tag.of("triage"));
    return new World(tenant, service, macros, t);
  }

  @ParameterizedTest
  @EnumSource(value = DatabaseKind.class, names = {"H2", "POSTGRESQL", "MARIADB"})
  void aMacroIsOneVersionedWriteReadBackEqual(DatabaseKind kind) {
    World w = world(kind, Optional.of(Instant.parse("2026-03-10T10:00:00Z")));
    Ticket t = w.ticket();

    Ticket after = w.macros().apply(w.tenant(), LI, t.id(), t.version(), "refund-approved",
        Locale.forLanguageTag("zh-CN"));

    assertThat(after.version()).isEqualTo(t.version() + 1);
    assertThat(w.service().require(w.tenant(), t.id())).isEqualTo(after);
    assertThat(after.status().name()).isEqualTo(StandardWorkflow.DIAGNOSING);
    assertThat(after.priority()).isEqualTo(Priority.HIGH);
    assertThat(after.tags()).containsExactly(Tag.of("refund"));
    ConversationEntry reply = w.service().conversation(w.tenant(), t.id()).stream()
        .filter(e -> e.visibility() == Visibility.PUBLIC).reduce((a, b) -> b).orElseThrow();
    assertThat(reply.ticketVersion()).isEqualTo(after.version());
    assertThat(reply.body()).startsWith("王芳您好，工单 #" + t.number()).contains("2026年3月10日", "李伟");
    assertThat(TicketReplay.replay(w.service().history(w.tenant(), t.id()))).isEqualTo(after);
  }

  @ParameterizedTest
  @EnumSource(value = DatabaseKind.class, names = {"H2", "POSTGRESQL", "MARIADB"})
  void aStaleVersionOrAMissingVariableWritesNothing(DatabaseKind kind) {
    World w = world(kind, Optional.empty());
    Ticket t = w.ticket();
    int history = w.service().history(w.tenant(), t.id()).size();

    assertThatThrownBy(() -> w.macros().apply(w.tenant(), LI, t.id(), t.version() - 1,
        "refund-approved", Locale.ENGLISH)).isInstanceOf(TicketConflictException.class);
    assertThatThrownBy(() -> w.macros().apply(w.tenant(), LI, t.id(), t.version(),
        "refund-approved", Locale.ENGLISH)).isInstanceOf(MissingVariableException.class)
        .hasMessageContaining("dueTime");

    assertThat(w.service().require(w.tenant(), t.id())).isEqualTo(t);
    assertThat(w.service().history(w.tenant(), t.id())).hasSize(history);
  }
}
