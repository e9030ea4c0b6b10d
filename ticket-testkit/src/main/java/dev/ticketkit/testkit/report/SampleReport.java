package dev.ticketkit.testkit.report;

import dev.ticketkit.testkit.MutableClock;
import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.core.store.TicketStore;
import dev.ticketkit.kb.Article;
import dev.ticketkit.kb.ArticleContent;
import dev.ticketkit.kb.ArticleDetails;
import dev.ticketkit.kb.ArticleId;
import dev.ticketkit.kb.Audience;
import dev.ticketkit.kb.CategoryPath;
import dev.ticketkit.kb.KnowledgeBase;
import dev.ticketkit.report.KnowledgeSource;
import dev.ticketkit.report.internal.FactDerivation;
import dev.ticketkit.report.kb.KbKnowledge;
import dev.ticketkit.report.source.CycleFact;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import dev.ticketkit.report.Report;
import dev.ticketkit.report.ReportEngine;
import dev.ticketkit.report.ReportEngineBuilder;
import dev.ticketkit.report.render.CsvReportRenderer;
import dev.ticketkit.report.render.HtmlReportRenderer;
import dev.ticketkit.report.render.JsonReportRenderer;
import dev.ticketkit.report.source.InMemoryReportSource;
import dev.ticketkit.sla.store.InMemorySlaStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Generates the sample report of the README: a simulated March 2026 (with February to compare)
 * of one tenant, written as {@code report-zh.html}, {@code report-en.html}, {@code report.json}
 * and {@code csv/*.csv} into a directory. Run by {@code .ci/report-screenshot}.
 */
public final class SampleReport {

  /** The month the sample reports on. */
  public static final YearMonth MONTH = YearMonth.of(2026, 3);

  private SampleReport() {}

  /**
   * Simulates the sample world and computes its March report.
   *
   * @param tickets how many tickets arrive over February and March
   * @param engine extra engine settings (a knowledge source)
   * @return the report
   */
  public static Report report(int tickets, UnaryOperator<ReportEngineBuilder> engine) {
    return report(tickets, true, engine);
  }

  /**
   * Simulates the sample world and computes its March report.
   *
   * @param tickets how many tickets arrive over February and March
   * @param withKnowledge whether to connect the sample knowledge base
   * @param engine extra engine settings
   * @return the report
   */
  public static Report report(int tickets, boolean withKnowledge,
      UnaryOperator<ReportEngineBuilder> engine) {
    InMemoryTicketStore store = InMemoryTicketStore.create();
    InMemorySlaStore sla = InMemorySlaStore.create();
    Instant start = at("2026-02-01T00:00");
    Instant end = at("2026-04-01T09:00");
    SupportWorld world = new SupportWorld(store, sla, start);
    world.plan(SupportWorld.ACME, start, at("2026-04-01T00:00"), tickets, 2026);
    world.runUntil(end);
    ProcessScenario.runFor(store, SupportWorld.ACME);
    ReportEngineBuilder b = ReportEngine.builder().source(InMemoryReportSource.of(store, sla))
        .clock(world.clock()).tenant(SupportWorld.ACME, SupportWorld.SHANGHAI);
    if (withKnowledge) {
      b.knowledge(knowledge(store, world.clock()));
    }
    return engine.apply(b).build().monthly(SupportWorld.ACME, MONTH);
  }

  private static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(SupportWorld.SHANGHAI).toInstant();
  }

  /**
   * Returns a knowledge base with four published articles, linked as the solution of about half
   * of the resolved login, refund and crash tickets, at their resolution instants.
   *
   * @param store the ticket store the world filled
   * @param clock the world's clock (moved to each link's instant, then restored)
   * @return the knowledge source over it
   */
  public static KnowledgeSource knowledge(TicketStore store, MutableClock clock) {
    Instant end = clock.instant();
    KnowledgeBase kb = KnowledgeBase.builder(clock).build();
    Map<String, ArticleId> articles = new LinkedHashMap<>();
    String[][] docs = {{"account/login", "登录失败怎么办 How to fix login failures"},
        {"payment/refund", "退款多久到账 When does a refund arrive"},
        {"app/crash", "应用闪退的排查步骤 App crash checklist"},
        {"shipping", "物流查询 Tracking a parcel"}};
    for (String[] d : docs) {
      Article a = kb.createDraft(SupportWorld.ACME, new ArticleContent(d[1], d[1] + "。步骤…",
          List.of(), CategoryPath.parse(d[0]), new ArticleDetails.Faq()), Locale.CHINA,
          Audience.PUBLIC, "olga");
      a = kb.submit(SupportWorld.ACME, a.id(), a.version());
      kb.publish(SupportWorld.ACME, a.id(), a.version(), "rita", "first version");
      articles.put(d[0], a.id());
    }
    Random rnd = new Random(5);
    for (CycleFact c : FactDerivation.derive(store, InMemorySlaStore.create(), SupportWorld.ACME)
        .cycles()) {
      ArticleId a = c.category() == null || c.resolvedAt() == null ? null
          : articles.get(c.category().toString());
      if (a != null && !c.category().toString().startsWith("shipping") && rnd.nextBoolean()) {
        clock.set(c.resolvedAt());
        kb.tickets().linkSolution(SupportWorld.ACME, a, c.ticketId(), "agent");
      }
    }
    clock.set(end);
    return KbKnowledge.of(kb, store);
  }

  /**
   * Writes the sample report's files.
   *
   * @param args the output directory, optionally the number of tickets (default 1200)
   * @throws IOException if a file cannot be written
   */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/sample-report");
    Files.createDirectories(dir);
    Report r = report(args.length > 1 ? Integer.parseInt(args[1]) : 1200, b -> b);
    HtmlReportRenderer.create(Locale.SIMPLIFIED_CHINESE).writeTo(r, dir.resolve("report-zh.html"));
    HtmlReportRenderer.create(Locale.ENGLISH).writeTo(r, dir.resolve("report-en.html"));
    Files.writeString(dir.resolve("report.json"), JsonReportRenderer.create().render(r),
        StandardCharsets.UTF_8);
    CsvReportRenderer.create().writeTo(r, dir.resolve("csv"));
  }
}
