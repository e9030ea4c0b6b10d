package dev.ticketkit.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.Category;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.ContactHandle;
import dev.ticketkit.core.DissatisfactionReason;
import dev.ticketkit.core.HandoffState;
import dev.ticketkit.core.Message;
import dev.ticketkit.core.NewTicket;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.ProblemResolution;
import dev.ticketkit.core.Requester;
import dev.ticketkit.core.RequesterDirectory;
import dev.ticketkit.core.Tag;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketEdit;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.privacy.RequesterErased;
import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.core.workflow.StandardWorkflow;
import dev.ticketkit.jdbc.JdbcTicketKit;
import dev.ticketkit.kb.ArticleContent;
import dev.ticketkit.kb.ArticleDetails;
import dev.ticketkit.kb.CategoryPath;
import dev.ticketkit.kb.search.SearchResults;
import dev.ticketkit.report.Report;
import dev.ticketkit.report.ReportEngine;
import dev.ticketkit.report.source.InMemoryReportSource;
import dev.ticketkit.sla.SlaEngine;
import dev.ticketkit.sla.calendar.BusinessCalendar;
import dev.ticketkit.sla.calendar.BusinessCalendars;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The README's snippets that need no network, thread or file of their own run against in-memory
 * stores or embedded H2 and do what the README says. Compiled and compared only: the hybrid
 * search (loads the embedding model), the SLA engine and the storage snippets (start schedulers),
 * the monthly report (writes files), the spike detector (a scheduler) and the workflow's
 * dissatisfaction policy (its states are elided).
 */
class ReadmeSnippetsRunTest {

  private static final TenantId TENANT = TenantId.of("acme-shop");
  private static final Actor AGENT = Actor.agent("li.wei");
  private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T02:00:00Z"), ZoneOffset.UTC);

  @Test
  void poorCommunicationClosesTheTicketWithTheReasonOnRecord() {
    TicketService service = service();
    Ticket t = awaitingConfirmation(service, open(service, "cust-1"));
    Ticket rated = CoreSnippets.rateWithReason(service, TENANT, t.id(), t.version());
    assertThat(rated.status().name()).isEqualTo(StandardWorkflow.CLOSED);
    assertThat(rated.rating().reason()).isEqualTo(DissatisfactionReason.POOR_COMMUNICATION);
  }

  @Test
  void resolvingAProblemProposesTheFixOnItsIncident() {
    TicketService service = service();
    Ticket problem = open(service, "cust-1");
    Ticket incident = open(service, "cust-2");
    ProblemResolution r = CoreSnippets.problems(service, TENANT, AGENT, problem.id(),
        problem.version(), incident.id(), incident.version());
    assertThat(r.proposed()).containsExactly(incident.id());
    assertThat(r.changed()).isEmpty();
  }

  @Test
  void anAnsweredHandoffStopsItsSlaClocks() {
    TicketService service = service();
    SlaEngine sla = SlaEngine.builder().tickets(service).build();
    Ticket t = open(service, "cust-1");
    t = CoreSnippets.handoffs(service, sla, TENANT, AGENT, t.id(), t.version());
    assertThat(t.handoffs()).singleElement()
        .satisfies(h -> assertThat(h.state()).isEqualTo(HandoffState.ANSWERED));
    assertThat(sla.handoffClocks(TENANT, t.id(), 1)).isNotEmpty();
  }

  @Test
  void oneRequesterIsFoundByAnySpellingOfTheirPhone() {
    JdbcTicketKit kit = JdbcTicketKit.create(h2());
    TicketService service = TicketService.builder().store(kit.ticketStore()).clock(clock).build();
    RequesterDirectory directory = CoreSnippets.requesterDirectory(service, kit, TENANT, AGENT,
        Requester.of("tel-8", "Wang", ContactHandle.phone("13800138000")));
    Requester wang = Requester.of("tel-7", "Wang", ContactHandle.phone("0086 (138) 00138000"));
    service.open(TENANT, Actor.requester("tel-7"), intake(wang));
    assertThat(directory.tickets(TENANT, ContactHandle.phone("+86 138 0013 8000"))).hasSize(1);
  }

  @Test
  void chinaMainlandCountsWorkingHoursAndTheReadmeCalendarParses() throws IOException {
    Instant monday = Instant.parse("2026-03-02T01:00:00Z");   // 09:00 in Shanghai
    ModuleSnippets.CalendarAnswers a = ModuleSnippets.calendar(monday,
        Instant.parse("2026-03-02T06:00:00Z"), readmeBlock("json", "\"id\": \"cn-support\""));
    assertThat(a.due()).isEqualTo(Instant.parse("2026-03-02T03:00:00Z"));      // 11:00
    assertThat(a.worked()).isEqualTo(Duration.ofHours(3).plusMinutes(30));     // to 14:00, lunch out
    assertThat(a.mine().id()).isEqualTo("cn-support");
    assertThat(a.mine().isWorkingDay(LocalDate.of(2026, 1, 4))).isTrue();     // a make-up Sunday
    assertThat(a.mine().isWorkingDay(LocalDate.of(2026, 1, 1))).isFalse();
  }

  @Test
  void theReadmeMacroRepliesAndChangesTheTicketInOneWrite() throws IOException {
    TicketService service = service();
    SlaEngine sla = SlaEngine.builder().tickets(service).build();
    Ticket t = open(service, "cust-1");
    t = service.fire(TENANT, AGENT, t.id(), t.version(), StandardWorkflow.ACCEPT);
    Ticket after = ModuleSnippets.macros(service, sla, id -> Optional.of("李伟"), TENANT, AGENT, t,
        readmeBlock("json", "\"id\": \"refund-approved\""));
    assertThat(after.version()).isEqualTo(t.version() + 1);
    assertThat(after.priority()).isEqualTo(Priority.HIGH);
    assertThat(after.tags()).contains(Tag.of("refund"));
    assertThat(after.status().name()).isEqualTo(StandardWorkflow.DIAGNOSING);
    assertThat(service.conversation(TENANT, after.id()).toString())
        .contains("Ada您好，工单 #", "的退款已批准，预计在 2026年", "前到账。客服 李伟");
  }

  @Test
  void aRequesterFindsThePublishedArticleDespiteATypo() {
    ArticleContent other = new ArticleContent("密碼重設", "在登入頁點「忘記密碼」。", List.of(),
        CategoryPath.parse("帳號"), new ArticleDetails.Faq());
    Ticket t = open(service(), "cust-1");
    SearchResults r = ModuleSnippets.knowledgeBase(clock, TENANT, "清除缓存后重新登录。",
        List.of("退出登录", "清除缓存", "重新登录"), other, "登陆不上", "密码正确但登录失败", t,
        List.of());
    assertThat(r.hits()).isNotEmpty();
    assertThat(r.hits().get(0).title()).isEqualTo("登录失败怎么办");
  }

  @Test
  void erasureRewritesTheRequestersTicketOnH2() {
    JdbcTicketKit kit = JdbcTicketKit.create(h2());
    TicketService service = TicketService.builder().store(kit.ticketStore()).clock(clock).build();
    Ticket t = open(service, "u-1042");
    RequesterErased erased = ModuleSnippets.privacy(kit.ticketStore(), clock, kit,
        "a host secret of 32 bytes or so!".getBytes(StandardCharsets.UTF_8),
        InMemoryReportSource.following(kit.ticketStore(), kit.slaStore()),
        attachments -> { }, TENANT);
    assertThat(erased.record().tickets()).isEqualTo(1);
    Ticket after = service.get(TENANT, t.id()).orElseThrow();
    assertThat(after.requester().id()).isEqualTo(erased.record().pseudonym()).startsWith("anon-");
    assertThat(after.toString()).doesNotContain("u-1042@example.com");
  }

  @Test
  void theSqlReportSourceFollowsTicketsAndReportsOnH2() {
    JdbcTicketKit kit = JdbcTicketKit.create(h2());
    ReportEngine reports = ModuleSnippets.reportSource(kit, clock, TENANT, ZoneId.of("Asia/Shanghai"));
    assertThat(reports.monthly(TENANT, YearMonth.of(2026, 2)).empty()).isTrue();
  }

  @Test
  void theSkilledAgentOnShiftGetsTheTicketAndItsFollowUp() {
    JdbcTicketKit kit = JdbcTicketKit.create(h2());
    BusinessCalendar always = BusinessCalendars.twentyFourSeven(ZoneOffset.UTC);
    Requester wang = Requester.of("cust-3", "Wang", ContactHandle.phone("13800138000"));
    NewTicket billing = NewTicket.builder().requester(wang).channel(Channel.PHONE)
        .subject("Invoice twice").description("I was billed twice this month.")
        .category(Category.parse("billing")).priority(Priority.MEDIUM).build();
    Ticket t = CoreSnippets.routing(kit, clock, Map.of(), always, TENANT,
        Actor.requester("cust-3"), billing);
    assertThat(t.assignee()).isEqualTo(AgentId.of("li"));
    TicketService service = TicketService.builder().store(kit.ticketStore()).clock(clock).build();
    assertThat(CoreSnippets.followUps(service, TENANT).items())
        .extracting(f -> f.ticket().id()).containsExactly(t.id());
  }

  @Test
  void aTighterFirstReplyTargetShowsTheBreachItWouldHaveCaused() {
    HandClock moving = new HandClock(Instant.parse("2026-03-02T02:00:00Z"));
    InMemoryTicketStore store = InMemoryTicketStore.create();
    TicketService service = TicketService.builder().store(store).clock(moving).build();
    SlaEngine sla = SlaEngine.builder().tickets(service).build();
    Ticket t = open(service, "cust-1");                          // Monday 10:00 in Shanghai
    moving.now.set(moving.now.get().plus(Duration.ofMinutes(5)));
    service.reply(TENANT, AGENT, t.id(), t.version(), Message.of(Channel.EMAIL, "Looking into it."));
    Report march = ReportEngine.builder().source(InMemoryReportSource.following(store, sla.store()))
        .clock(moving).tenant(TENANT, ZoneId.of("Asia/Shanghai")).build()
        .monthly(TENANT, YearMonth.of(2026, 3));
    String oneMinute = "{\"policies\": [{\"id\": \"tighter\", \"calendar\": \"24x7\","
        + " \"targets\": {\"FIRST_RESPONSE\": {\"*\": \"1m\"}}}]}";
    Report withWhatIf = ModuleSnippets.whatIf(sla, store, TENANT,
        Instant.parse("2026-02-28T16:00:00Z"), Instant.parse("2026-03-31T16:00:00Z"), oneMinute, march);
    assertThat(withWhatIf.whatIf()).isNotNull();
    assertThat(withWhatIf.whatIf().breachesGained()).isEqualTo(1);
  }

  private TicketService service() {
    return TicketService.builder().store(InMemoryTicketStore.create()).clock(clock).build();
  }

  private static Ticket open(TicketService service, String requesterId) {
    Requester r = Requester.of(requesterId, "Ada", ContactHandle.email(requesterId + "@example.com"));
    return service.open(TENANT, Actor.requester(requesterId), intake(r));
  }

  private static NewTicket intake(Requester requester) {
    return NewTicket.builder().requester(requester).channel(Channel.EMAIL)
        .subject("Refund is late").description("Ordered on Monday, refund not received.")
        .category(Category.parse("payment/refund")).priority(Priority.MEDIUM).build();
  }

  private static Ticket awaitingConfirmation(TicketService service, Ticket t) {
    for (String move : List.of(StandardWorkflow.ACCEPT, StandardWorkflow.DIAGNOSE,
        StandardWorkflow.START_FIX)) {
      t = service.fire(TENANT, AGENT, t.id(), t.version(), move);
    }
    t = service.edit(TENANT, AGENT, t.id(), t.version(),
        TicketEdit.builder().resolutionSummary("Refunded").build());
    return service.fire(TENANT, AGENT, t.id(), t.version(), StandardWorkflow.PROPOSE_RESOLUTION);
  }

  private static JdbcDataSource h2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:readme-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return h2;
  }

  /** A clock the test moves by hand. */
  private static final class HandClock extends Clock {
    final AtomicReference<Instant> now;

    HandClock(Instant start) {
      now = new AtomicReference<>(start);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }

  /** The README's first block of the language whose text contains the marker. */
  private static String readmeBlock(String language, String marker) throws IOException {
    Matcher m = Pattern.compile("(?m)^```" + language + "\n(.*?)^```$", Pattern.DOTALL)
        .matcher(Files.readString(Path.of("../README.md")));
    while (m.find()) {
      if (m.group(1).contains(marker)) {
        return m.group(1);
      }
    }
    throw new AssertionError("no " + language + " block with " + marker);
  }
}
