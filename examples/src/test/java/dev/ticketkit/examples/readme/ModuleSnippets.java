package dev.ticketkit.examples.readme;

import static java.util.concurrent.TimeUnit.MINUTES;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.Category;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.Tag;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.outbox.OutboxRelay;
import dev.ticketkit.core.privacy.Detector;
import dev.ticketkit.core.privacy.Privacy;
import dev.ticketkit.core.privacy.Redactor;
import dev.ticketkit.core.privacy.RequesterErased;
import dev.ticketkit.core.privacy.Retention;
import dev.ticketkit.core.privacy.RetentionPolicy;
import dev.ticketkit.core.store.TicketStore;
import dev.ticketkit.jdbc.JdbcReportSource;
import dev.ticketkit.jdbc.JdbcTicketKit;
import dev.ticketkit.kb.Article;
import dev.ticketkit.kb.ArticleContent;
import dev.ticketkit.kb.ArticleDetails;
import dev.ticketkit.kb.ArticleImport;
import dev.ticketkit.kb.Audience;
import dev.ticketkit.kb.CategoryPath;
import dev.ticketkit.kb.KnowledgeBase;
import dev.ticketkit.kb.Viewer;
import dev.ticketkit.kb.search.SearchRequest;
import dev.ticketkit.kb.search.SearchResults;
import dev.ticketkit.kb.ticket.TicketText;
import dev.ticketkit.macro.MacroJson;
import dev.ticketkit.macro.MacroLibrary;
import dev.ticketkit.macro.Macros;
import dev.ticketkit.report.Report;
import dev.ticketkit.report.ReportEngine;
import dev.ticketkit.report.TenantDirectory;
import dev.ticketkit.report.WhatIfSection;
import dev.ticketkit.report.kb.KbKnowledge;
import dev.ticketkit.report.render.CsvReportRenderer;
import dev.ticketkit.report.render.HtmlReportRenderer;
import dev.ticketkit.report.render.JsonReportRenderer;
import dev.ticketkit.report.source.InMemoryReportSource;
import dev.ticketkit.report.spike.ComplaintPredicate;
import dev.ticketkit.report.spike.SpikeDetector;
import dev.ticketkit.sla.SlaEngine;
import dev.ticketkit.sla.calendar.BusinessCalendar;
import dev.ticketkit.sla.calendar.BusinessCalendars;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.clock.SlaMetric;
import dev.ticketkit.sla.escalation.Notifier;
import dev.ticketkit.sla.policy.SlaCalendars;
import dev.ticketkit.sla.policy.SlaPolicies;
import dev.ticketkit.sla.store.SlaStore;
import dev.ticketkit.sla.whatif.WhatIf;
import dev.ticketkit.sla.whatif.WhatIfResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * The README's Java snippets about the optional modules (SLA, macros, knowledge base, storage,
 * report, privacy), as host code that compiles with every build; {@link ReadmeSnippetsTest}
 * checks that the README shows each one verbatim. Each method's parameters are the variables the
 * snippet takes from its surroundings.
 */
final class ModuleSnippets {

  private ModuleSnippets() {}

  /** A host's own directory of agents' display names. */
  interface AgentDirectory {
    Optional<String> displayName(AgentId agent);
  }

  static Ticket macros(TicketService tickets, SlaEngine sla, AgentDirectory staff,
      TenantId tenant, Actor agent, Ticket ticket, String json) {
    // README:start
    MacroLibrary library = MacroLibrary.create();             // per tenant, in memory
    library.put(tenant, MacroJson.read(json));
    Macros macros = Macros.builder().service(tickets).library(library)
        .tenantZones(t -> ZoneId.of("Asia/Shanghai"))
        .dueTimes(t -> sla.currentClock(t.tenant(), t.id(), SlaMetric.RESOLUTION)
            .filter(SlaClock::isRunning).map(SlaClock::dueAt))  // or any Function<Ticket, Optional<Instant>>
        .agentNames(id -> staff.displayName(id))             // your own Function<AgentId, Optional<String>>
        .build();
    ticket = macros.apply(tenant, agent, ticket.id(), ticket.version(), "refund-approved", Locale.CHINA);
    // reply: "王芳您好，工单 #1042 的退款已批准，预计在 2026年3月10日 下午6:00 前到账。客服 李伟"
    // README:end
    return ticket;
  }

  /** What the calendar snippet computes. */
  record CalendarAnswers(Instant due, Duration worked, BusinessCalendar mine) {}

  static CalendarAnswers calendar(Instant receivedAt, Instant acceptedAt, String json) {
    // README:start
    BusinessCalendar cn = BusinessCalendars.chinaMainland();   // Asia/Shanghai, 09:00-12:00 and 13:30-18:00,
                                                               // statutory holidays and make-up days 2025-2026
    Instant due = cn.plus(receivedAt, Duration.ofHours(2));    // "accept within 2 working hours"
    Duration worked = cn.between(receivedAt, acceptedAt);
    BusinessCalendar mine = BusinessCalendar.fromJson(json);   // the hand-written form below
    // README:end
    return new CalendarAnswers(due, worked, mine);
  }

  static String slaEngine(TicketService ticketService, SlaStore slaStore, Notifier myNotifier,
      ScheduledExecutorService scheduler, Clock clock, TenantId tenant, TicketId ticketId) {
    // README:start
    SlaEngine sla = SlaEngine.builder()
        .tickets(ticketService)                    // attaches to the service's commits
        .store(slaStore)                           // default: an in-memory store
        .policies(SlaPolicies.standard())          // or SlaPolicies.fromJson(json, calendars)
        .notifier(myNotifier)                      // default: logs through SLF4J
        .build();
    sla.startRunner(scheduler, clock, Duration.ofSeconds(15));   // or call sla.tick(now) yourself
    String why = sla.explain(sla.clocks(tenant, ticketId).get(0));
    // README:end
    return why;
  }

  static Report whatIf(SlaEngine sla, TicketStore ticketStore, TenantId tenant, Instant monthStart,
      Instant monthEnd, String json, Report report) {
    // README:start
    SlaPolicies tighter = SlaPolicies.fromJson(json, SlaCalendars.standard());
    WhatIfResult r = WhatIf.of(sla.policies(), tighter).run(ticketStore, tenant, monthStart, monthEnd);
    r.rows();                        // per metric and priority: met, breached, compliance, escalations
    r.breachesGained(); r.breachesAvoided(); r.changedTickets();
    r.explain(r.changes().get(0));   // both clocks explained: start, target and why, pauses, due
    report = report.withWhatIf(WhatIfSection.of("first reply in 10 minutes", r, 5));
    // README:end
    return report;
  }

  static SearchResults knowledgeBase(Clock clock, TenantId tenant, String body,
      List<String> steps, ArticleContent content, String subject, String description,
      Ticket ticket, List<TicketText> recentTexts) {
    // README:start
    KnowledgeBase kb = KnowledgeBase.builder(clock).build();     // in-memory store and Lucene index
    Article draft = kb.createDraft(tenant, new ArticleContent("登录失败怎么办", body, List.of("登录"),
        CategoryPath.parse("账号/登录"), new ArticleDetails.Troubleshooting(steps)),
        Locale.CHINA, Audience.PUBLIC, "olga");
    Article inReview = kb.submit(tenant, draft.id(), draft.version());
    kb.publish(tenant, draft.id(), inReview.version(), "rita", "first version");
    kb.importPublished(tenant, List.of(new ArticleImport(content, Locale.TAIWAN, Audience.PUBLIC, "olga")),
        "rita", "import");                                        // bulk: all or nothing, one call
    SearchResults r = kb.search(SearchRequest.of(tenant, "登陆不上"));   // a requester by default
    if (!r.hasConfidentAnswer()) { /* "no good answer, contact us" */ }
    kb.tickets().suggest(tenant, subject, description, Viewer.REQUESTER, null, 5);  // before the ticket exists
    kb.tickets().similarTickets(TicketText.of(ticket), recentTexts, 5);   // or TicketText.open(...)
    kb.reviewCycle().staleArticles(tenant);
    // README:end
    return r;
  }

  /** A host's message bus. */
  interface Bus {
    void publish(String key, Object event);
  }

  static KnowledgeBase storage(DataSource dataSource, Clock clock, Bus bus,
      ScheduledExecutorService scheduler) {
    // README:start
    JdbcTicketKit kit = JdbcTicketKit.create(dataSource);   // creates or upgrades the tk_ tables
    TicketService tickets = TicketService.builder().store(kit.ticketStore()).clock(clock).build();
    SlaEngine sla = SlaEngine.builder().tickets(tickets).store(kit.slaStore()).build();
    KnowledgeBase kb = KnowledgeBase.builder(clock).store(kit.articleStore()).build();
    OutboxRelay relay = kit.outboxRelay(clock);             // deliver events at least once
    relay.subscribe(message -> bus.publish(message.idempotencyKey(), message.event()));
    scheduler.scheduleWithFixedDelay(() -> relay.deliverPending(100), 1, 1, TimeUnit.SECONDS);
    // README:end
    return kb;
  }

  static Report monthlyReport(JdbcTicketKit kit, Clock clock, KnowledgeBase kb,
      TicketStore ticketStore, TenantId tenant) throws Exception {
    // README:start
    ReportEngine reports = ReportEngine.builder()
        .source(kit.reportSource())      // SQL: JdbcTicketKit; in memory: InMemoryReportSource.following(ticketStore, slaStore)
        .clock(clock)
        .tenant(TenantId.of("acme-shop"), ZoneId.of("Asia/Shanghai"))   // or .tenants(directory)
        .knowledge(KbKnowledge.of(kb, ticketStore))               // optional: needs ticket-kb
        .build();
    Report march = reports.monthly(tenant, YearMonth.of(2026, 3));         // or report(tenant, ReportPeriod.of(start, end, zone))
    String json = JsonReportRenderer.create().render(march);
    CsvReportRenderer.create().writeTo(march, Path.of("report-csv"));       // one CSV per table
    HtmlReportRenderer.create(Locale.SIMPLIFIED_CHINESE).writeTo(march, Path.of("report.html"));
    // README:end
    return march;
  }

  static ReportEngine reportSource(JdbcTicketKit kit, Clock clock, TenantId tenant, ZoneId zone) {
    // README:start
    JdbcReportSource facts = kit.reportSource();
    TicketService tickets = TicketService.builder().store(kit.ticketStore())
        .follower(facts).clock(clock).build();
    ReportEngine reports = ReportEngine.builder().source(facts).clock(clock)
        .tenant(tenant, zone).build();
    facts.rebuild(tenant);                 // once, after upgrading
    facts.backfillClocks(tenant);          // once, for clocks stopped before the source existed
    // README:end
    return reports;
  }

  static SpikeDetector spikes(JdbcTicketKit kit, TenantDirectory directory, BusinessCalendar calendar,
      TicketService ticketService, ScheduledExecutorService scheduler, TenantId tenant, Clock clock) {
    // README:start
    SpikeDetector spikes = SpikeDetector.builder()
        .listener(e -> page(e.series() + ": " + e.observed() + " vs " + e.expected() + " expected"))
        .zones(directory)                          // hours of week in each tenant's zone
        .claims(kit.reportSource().episodeClaims())  // shared by the nodes; EpisodeClaims.inMemory() by default
        .calendars(t -> Optional.of(calendar))     // optional: holidays and make-up days are not learnt
        .build();
    spikes.follow(ticketService, new ComplaintPredicate(Set.of(Category.parse("complaint")),
        Set.of(Tag.of("complaint")), Set.of(Channel.DOUYIN, Channel.COMMUNITY_FORUM)));
    scheduler.scheduleAtFixedRate(() -> spikes.advanceTo(tenant, clock.instant()), 1, 1, MINUTES);
    // README:end
    return spikes;
  }

  private static void page(String text) {}

  /** A host's attachment files. */
  interface Files {
    void deleteAll(List<?> attachments);
  }

  static RequesterErased privacy(TicketStore store, Clock clock, JdbcTicketKit kit, byte[] secretKey,
      InMemoryReportSource reportSource, Files files, TenantId tenant) {
    // README:start
    // Mask personal data on intake and in every reply and note (the masked text is what is stored)
    TicketService service = TicketService.builder().store(store).clock(clock)
        .redactor(Redactor.standard().with(Detector.pattern("member", "VIP-[0-9]{6}")))
        .build();

    // Erase (anonymise) and export a requester; kit = JdbcTicketKit, or an InMemoryTicketStore
    Privacy privacy = Privacy.builder().tickets(kit.ticketStore())
        .personalData(kit.personalDataStore()).clock(clock).pseudonymKey(secretKey)
        .requesterData(kit.articleStore())                 // knowledge-base votes and links
        .requesterData(reportSource)      // an InMemoryReportSource.following(...): forgets kept texts
        .listener(e -> files.deleteAll(e.attachments()))     // the host deletes its copies
        .build();
    RequesterErased erased = privacy.erase(tenant, "u-1042", Actor.agent("dpo-li"));
    String copy = privacy.export(tenant, "u-1042").toJson();

    // Retention: anonymise (or purge) tickets closed for more than 365 days, 100 per transaction
    Retention retention = Retention.of(kit.ticketStore(), kit.personalDataStore(), clock,
        secretKey, Redactor.standard()).policy(tenant, RetentionPolicy.anonymiseAfterDays(365));
    retention.run(tenant, 100);   // from a scheduled job; safe to run on several nodes at once
    // README:end
    return copy.isEmpty() ? null : erased;
  }
}
