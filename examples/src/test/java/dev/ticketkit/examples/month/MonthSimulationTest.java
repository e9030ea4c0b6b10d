package dev.ticketkit.examples.month;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.HistoryAction;
import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.Rating;
import dev.ticketkit.core.Satisfaction;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketField;
import dev.ticketkit.core.store.Page;
import dev.ticketkit.core.store.TicketQuery;
import dev.ticketkit.report.Count;
import dev.ticketkit.report.Report;
import dev.ticketkit.report.render.JsonReportRenderer;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.clock.SlaMetric;
import dev.ticketkit.sla.policy.SlaPolicies;
import dev.ticketkit.sla.whatif.ComplianceRow;
import dev.ticketkit.sla.whatif.SlaReplay;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The month simulation on three days: its report's figures match counts taken independently from
 * the stores, the what-if replay of the policies in force reproduces the stored clocks, the HTML
 * is self-contained, and the same seed gives the same report.
 */
class MonthSimulationTest {

  @TempDir
  static Path dir;
  private static MonthResult result;
  private static String printed;
  private static Instant start;
  private static Instant end;
  private static List<Ticket> tickets;

  @BeforeAll
  static void simulate() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    SimulationOptions options = new SimulationOptions(42, LocalDate.of(2026, 9, 24),
        LocalDate.of(2026, 9, 27), 30, dir.resolve("a"), true);
    result = MonthSimulation.run(options, new PrintStream(buffer, true, StandardCharsets.UTF_8));
    printed = buffer.toString(StandardCharsets.UTF_8);
    start = options.from().atStartOfDay(MonthSimulation.ZONE).toInstant();
    end = options.to().plusDays(1).atStartOfDay(MonthSimulation.ZONE).toInstant();
    tickets = new ArrayList<>();
    TicketQuery q = TicketQuery.builder().limit(500).build();
    while (true) {
      Page<Ticket> page = result.tickets().query(MonthSimulation.TENANT, q);
      tickets.addAll(page.items());
      if (!page.hasNext()) {
        break;
      }
      q = q.withAfter(page.next());
    }
  }

  @Test
  void everyDayIsReportedAndTheSummaryNamesTheReport() {
    assertThat(printed).contains("2026-09-24 Thu workday", "2026-09-25 Fri holiday",
        "2026-09-26 Sat holiday", "2026-09-27 Sun holiday", "Month summary",
        "first-contact resolution", "CSAT", "SLA compliance", "spike alerts",
        result.html().toString());
    assertThat(result.spikeAt()).as("three days are too short for the detector").isNull();
  }

  @Test
  void ticketCountsMatchTheStore() {
    Report r = result.report();
    long received = tickets.stream().filter(t -> !t.createdAt().isBefore(start)
        && t.createdAt().isBefore(end)).count();
    assertThat(received).isPositive().isEqualTo(tickets.size());
    assertThat(r.volume().received()).isEqualTo(received);
    assertThat(result.opened()).isEqualTo(received);
    assertThat(result.requests()).isEqualTo(result.opened() + result.deflected());
    Map<String, Long> byChannel = new TreeMap<>();
    tickets.forEach(t -> byChannel.merge(t.channel().toString(), 1L, Long::sum));
    Map<String, Long> reported = new TreeMap<>();
    r.volume().byChannel().forEach((Count c) -> reported.put(c.key(), c.count()));
    assertThat(reported).isEqualTo(byChannel);
    long open = tickets.stream().filter(t -> t.status().category().isActive()).count();
    assertThat(r.backlog().total()).isEqualTo(open);
  }

  @Test
  void ratingsMatchTheHistory() {
    Map<Satisfaction, Long> rated = new EnumMap<>(Satisfaction.class);
    for (Ticket t : tickets) {
      for (HistoryEntry e : result.tickets().history(MonthSimulation.TENANT, t.id())) {
        if (e.action() == HistoryAction.RATED && e.field().equals(TicketField.RATING)
            && e.after() != null && e.at().isBefore(end)) {
          rated.merge(Rating.parse(e.after()).satisfaction(), 1L, Long::sum);
        }
      }
    }
    var s = result.report().satisfaction();
    assertThat(s.satisfied()).isEqualTo(rated.getOrDefault(Satisfaction.SATISFIED, 0L));
    assertThat(s.neutral()).isEqualTo(rated.getOrDefault(Satisfaction.NEUTRAL, 0L));
    assertThat(s.dissatisfied()).isEqualTo(rated.getOrDefault(Satisfaction.DISSATISFIED, 0L));
    assertThat(s.satisfied() + s.neutral()).isPositive();
  }

  @Test
  void theReplayOfThePoliciesInForceIsTheStoredClocks() {
    SlaReplay replay = SlaReplay.of(SlaPolicies.standard());
    long firstRepliesMet = 0;
    for (Ticket t : tickets) {
      List<SlaClock> stored = sorted(result.sla().clocks(MonthSimulation.TENANT, t.id()));
      List<SlaClock> replayed = sorted(replay.replay(
          result.tickets().history(MonthSimulation.TENANT, t.id()), end).clocks());
      assertThat(replayed).as("ticket %s", t.id()).isEqualTo(stored);
      firstRepliesMet += stored.stream().filter(c -> c.key().metric() == SlaMetric.FIRST_RESPONSE
          && c.state() == dev.ticketkit.sla.clock.ClockState.MET).count();
    }
    ComplianceRow fr = result.whatIf().total(SlaMetric.FIRST_RESPONSE);
    assertThat(fr.actual().met()).isEqualTo(firstRepliesMet);
    assertThat(result.whatIf().tickets()).isEqualTo(tickets.size());
    assertThat(fr.whatIf().met()).isLessThanOrEqualTo(fr.actual().met());
    assertThat(result.report().whatIf().breachesGained())
        .isEqualTo(result.whatIf().breachesGained());
  }

  @Test
  void theHtmlReportIsSelfContainedWithItsWhatIfSection() throws IOException {
    String html = Files.readString(result.html());
    assertThat(html).contains("id=\"what-if\"").contains(MonthSimulation.WHAT_IF)
        .contains("<svg").doesNotContain("src=\"http").doesNotContain("href=\"http")
        .doesNotContain("<script");
    assertThat(result.html().resolveSibling("report.json")).exists();
    assertThat(result.html().resolveSibling("csv").resolve("what_if.csv")).exists();
  }

  @Test
  void theSameSeedGivesTheSameReport() {
    SimulationOptions again = new SimulationOptions(42, LocalDate.of(2026, 9, 24),
        LocalDate.of(2026, 9, 27), 30, dir.resolve("b"), false);
    MonthResult second = MonthSimulation.run(again, new PrintStream(
        new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    JsonReportRenderer json = JsonReportRenderer.create();
    assertThat(json.render(second.report())).isEqualTo(json.render(result.report()));
  }

  @Test
  void optionsAreParsedAndBadOnesNamed() {
    SimulationOptions o = SimulationOptions.parse("--seed", "7", "--month", "2026-10",
        "--tickets-per-day", "40", "--out", "x", "--quiet");
    assertThat(o.seed()).isEqualTo(7);
    assertThat(o.from()).isEqualTo(LocalDate.of(2026, 10, 1));
    assertThat(o.to()).isEqualTo(LocalDate.of(2026, 10, 31));
    assertThat(o.ticketsPerDay()).isEqualTo(40);
    assertThat(o.progress()).isFalse();
    assertThat(SimulationOptions.parse("--help")).isNull();
    assertThat(SimulationOptions.parse()).isEqualTo(SimulationOptions.defaults());
    assertThat(SimulationOptions.usage()).contains("--seed", "--month", "--from", "--to",
        "--tickets-per-day", "--out");
    assertThatThrownBy(() -> SimulationOptions.parse("--tickets-per-day", "many"))
        .hasMessageContaining("--tickets-per-day");
    assertThatThrownBy(() -> SimulationOptions.parse("--from", "2026-10-02", "--to",
        "2026-10-01")).hasMessageContaining("--to");
    assertThatThrownBy(() -> SimulationOptions.parse("--colour")).hasMessageContaining("--colour");
  }

  private static List<SlaClock> sorted(List<SlaClock> clocks) {
    return clocks.stream().sorted(Comparator.comparing((SlaClock c) -> c.key().metric())
        .thenComparingInt(c -> c.key().cycle())).toList();
  }
}
