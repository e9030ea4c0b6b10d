package dev.ticketkit.report.testing;

import dev.ticketkit.core.store.InMemoryTicketStore;
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
    InMemoryTicketStore store = InMemoryTicketStore.create();
    InMemorySlaStore sla = InMemorySlaStore.create();
    Instant start = at("2026-02-01T00:00");
    Instant end = at("2026-04-01T09:00");
    SupportWorld world = new SupportWorld(store, sla, start);
    world.plan(SupportWorld.ACME, start, at("2026-04-01T00:00"), tickets, 2026);
    world.runUntil(end);
    ReportEngineBuilder b = ReportEngine.builder().source(InMemoryReportSource.of(store, sla))
        .clock(new TestClock(end)).tenant(SupportWorld.ACME, SupportWorld.SHANGHAI);
    return engine.apply(b).build().monthly(SupportWorld.ACME, MONTH);
  }

  private static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(SupportWorld.SHANGHAI).toInstant();
  }

  /**
   * Writes the sample report's files.
   *
   * @param args the output directory
   * @throws IOException if a file cannot be written
   */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/sample-report");
    Files.createDirectories(dir);
    Report r = report(1200, b -> b);
    HtmlReportRenderer.create(Locale.SIMPLIFIED_CHINESE).writeTo(r, dir.resolve("report-zh.html"));
    HtmlReportRenderer.create(Locale.ENGLISH).writeTo(r, dir.resolve("report-en.html"));
    Files.writeString(dir.resolve("report.json"), JsonReportRenderer.create().render(r),
        StandardCharsets.UTF_8);
    CsvReportRenderer.create().writeTo(r, dir.resolve("csv"));
  }
}
