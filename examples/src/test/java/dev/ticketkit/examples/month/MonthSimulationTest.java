package dev.ticketkit.examples.month;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.Handoff;
import dev.ticketkit.core.HandoffState;
import dev.ticketkit.core.HistoryAction;
import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.Rating;
import dev.ticketkit.core.Satisfaction;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.LinkType;
import dev.ticketkit.core.TicketField;
import dev.ticketkit.core.TicketLink;
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
 * The month simulation on four days: its report's figures and its own counts of handoffs, the
 * outage's problem and incidents and the dissatisfaction reasons match counts taken
 * independently from the stores, the what-if replay of the policies in force reproduces the stored clocks, the HTML
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
  void handoffsMatchTheStore() {
    long opened = 0;
    long answered = 0;
    long returned = 0;
    long entries = 0;
    for (Ticket t : tickets) {
      for (Handoff h : t.handoffs()) {
        opened++;
        answered += h.state() == HandoffState.ANSWERED ? 1 : 0;
        returned += h.state() == HandoffState.RETURNED ? 1 : 0;
      }
      // Handoffs are a set field: a change removes the old element and adds the new one.
      entries += history(t).stream().filter(e -> e.action() == HistoryAction.HANDED_OFF
          && e.field().equals(TicketField.HANDOFFS) && e.after() != null).count();
    }
    ProcessFigures p = result.process();
    assertThat(p.handoffsOpened()).isPositive().isEqualTo(opened);
    assertThat(p.handoffsAnswered()).isPositive().isEqualTo(answered);
    assertThat(p.handoffsReturned()).isEqualTo(returned);
    assertThat(p.handoffsOpened() + p.handoffsAnswered() + p.handoffsReturned()
        + p.departmentChecks()).as("one element added to the handoffs per change").isEqualTo(entries);
    assertThat(printed).contains("handoffs to other departments " + opened);
  }

  @Test
  void theOutageIsOneProblemWithItsIncidentsResolvedTogether() {
    List<Ticket> problems = tickets.stream().filter(t -> t.problem() != null)
        .sorted(Comparator.comparing(Ticket::createdAt)).toList();
    ProcessFigures p = result.process();
    assertThat(problems).hasSize(1).hasSameSizeAs(p.incidentsPerProblem());
    List<Integer> linked = new ArrayList<>();
    long proposed = 0;
    for (Ticket problem : problems) {
      TicketLink link = TicketLink.of(LinkType.INCIDENT_OF_PROBLEM, problem.id());
      List<Ticket> incidents = tickets.stream().filter(t -> t.links().contains(link)).toList();
      linked.add(incidents.size());
      String fix = problem.problem().resolution();
      assertThat(fix).as("the problem is resolved").isNotNull();
      for (Ticket incident : incidents) {
        proposed += history(incident).stream().filter(e -> e.field().equals(
            TicketField.RESOLUTION_SUMMARY) && fix.equals(e.after())).count();
      }
    }
    assertThat(linked).isEqualTo(p.incidentsPerProblem());
    assertThat(linked.get(0)).isBetween(15, 60);
    assertThat(p.incidentsProposed()).isEqualTo(proposed).isGreaterThan(linked.get(0) / 2);
  }

  @Test
  void dissatisfiedRatingsByReasonMatchTheHistory() {
    Map<String, Integer> byReason = new TreeMap<>();
    for (Ticket t : tickets) {
      for (HistoryEntry e : history(t)) {
        if (e.action() == HistoryAction.RATED && e.field().equals(TicketField.RATING)
            && e.after() != null && Rating.parse(e.after()).reason() != null) {
          byReason.merge(Rating.parse(e.after()).reason().code(), 1, Integer::sum);
        }
      }
    }
    assertThat(byReason).isNotEmpty().isEqualTo(result.process().dissatisfiedByReason());
    var s = result.report().satisfaction();
    assertThat(byReason.values().stream().mapToLong(Integer::longValue).sum())
        .isEqualTo(s.dissatisfied());
    if (s.reasonsTracked()) {
      Map<String, Long> reported = new TreeMap<>();
      s.dissatisfiedByReason().forEach((Count c) -> reported.put(c.key(), c.count()));
      Map<String, Long> expected = new TreeMap<>();
      byReason.forEach((k, v) -> expected.put(k, v.longValue()));
      assertThat(reported).isEqualTo(expected);
    }
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

  private static List<HistoryEntry> history(Ticket t) {
    return result.tickets().history(MonthSimulation.TENANT, t.id());
  }

  private static List<SlaClock> sorted(List<SlaClock> clocks) {
    return clocks.stream().sorted(Comparator.comparing((SlaClock c) -> c.key().metric())
        .thenComparingInt(c -> c.key().cycle())).toList();
  }
}
