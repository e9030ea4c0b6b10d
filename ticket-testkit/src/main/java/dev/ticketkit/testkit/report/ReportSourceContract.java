package dev.ticketkit.testkit.report;

import dev.ticketkit.testkit.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.store.PageCursor;
import dev.ticketkit.report.DepartmentHandoffs;
import dev.ticketkit.report.ExampleTicket;
import dev.ticketkit.report.FollowUpFigures;
import dev.ticketkit.report.HandoffFigures;
import dev.ticketkit.report.ProblemFigures;
import dev.ticketkit.report.ProcessFigures;
import dev.ticketkit.report.RatingRequestFigures;
import dev.ticketkit.report.internal.ProcessDerivation;
import dev.ticketkit.report.internal.ProcessFact;
import dev.ticketkit.report.internal.ProcessMath;
import dev.ticketkit.report.source.ProcessQuery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import dev.ticketkit.core.TicketFollower;
import dev.ticketkit.core.privacy.PersonalDataStore;
import dev.ticketkit.core.privacy.Redactor;
import dev.ticketkit.core.privacy.Retention;
import dev.ticketkit.core.privacy.RetentionPolicy;
import dev.ticketkit.core.store.TicketQuery;
import dev.ticketkit.core.store.TicketStore;
import dev.ticketkit.report.Report;
import dev.ticketkit.report.ReportEngine;
import dev.ticketkit.report.ReportPeriod;
import dev.ticketkit.report.source.ReportSource;
import dev.ticketkit.sla.store.SlaStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The contract every {@link ReportSource} passes: over a simulated two-tenant helpdesk of ten
 * weeks, the report's figures equal those the {@link HistoryOracle} counts from the raw history,
 * conversation and SLA store, for a month, a free range, a period not yet over and the other
 * tenant; a tenant's report is the same whether or not another tenant shares the stores; a known
 * tenant without tickets gets an empty report; a past month's report is the same after retention
 * purges its tickets (the ticket store must be a {@link PersonalDataStore}). A subclass supplies
 * fresh stores and the source.
 *
 * <p>The support-process figures ({@link Report#process()}) are checked against hand-computed
 * values over the {@link ProcessScenario} script (hand-offs answered, returned and open; missed
 * follow-ups; problems with incidents; expired ratings; each across the period's boundaries, and
 * four tenants in one store), and over the simulated helpdesk against the figures computed in
 * memory from the whole histories.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ReportSourceContract {

  /** When the simulated worlds start. */
  protected static final Instant START = cn("2026-02-01T00:00");
  /** When they stop; the reports' clock. */
  protected static final Instant END = cn("2026-04-10T12:00");
  /** A tenant the engine knows that has no ticket. */
  protected static final TenantId EMPTY = TenantId.of("initech");

  private Worlds shared;
  private Worlds alone;
  private Worlds scripted;

  /** A world's stores. */
  private record Worlds(TicketStore tickets, SlaStore sla) {}

  /**
   * Returns a new, empty ticket store.
   *
   * @return the store
   */
  protected abstract TicketStore newTicketStore();

  /**
   * Returns a new, empty SLA store.
   *
   * @return the store
   */
  protected abstract SlaStore newSlaStore();

  /**
   * Returns the source under test over two stores that a world has filled.
   *
   * @param tickets the ticket store
   * @param sla the SLA store
   * @return the source
   */
  protected abstract ReportSource sourceOver(TicketStore tickets, SlaStore sla);

  /**
   * Returns what follows the commits of a world over two new stores, attached before the world
   * runs: a source that keeps its facts at commit time returns its follower here.
   *
   * @param tickets the ticket store
   * @param sla the SLA store
   * @return the follower, or null (the default) for a source that reads the stores afterwards
   */
  protected @Nullable TicketFollower followerOver(TicketStore tickets, SlaStore sla) {
    return null;
  }

  @BeforeAll
  void simulate() {
    shared = world(true);
    alone = world(false);
    TicketStore t = newTicketStore();
    SlaStore s = newSlaStore();
    ProcessScenario.run(t, followerOver(t, s));
    scripted = new Worlds(t, s);
  }

  private Worlds world(boolean withGlobex) {
    TicketStore t = newTicketStore();
    SlaStore s = newSlaStore();
    SupportWorld w = new SupportWorld(t, s, START);
    TicketFollower follower = followerOver(t, s);
    if (follower != null) {
      w.service().attach(follower);
    }
    w.plan(SupportWorld.ACME, START, cn("2026-04-05T00:00"), 320, 42);
    if (withGlobex) {
      w.plan(SupportWorld.GLOBEX, START, cn("2026-04-05T00:00"), 200, 7);
    }
    w.runUntil(END);
    return new Worlds(t, s);
  }

  /**
   * Returns an engine over the shared world's source whose clock stands at an instant.
   *
   * @param now the clock's instant
   * @return the engine
   */
  protected ReportEngine engine(Instant now) {
    return engine(shared, now);
  }

  private ReportEngine engine(Worlds w, Instant now) {
    return ReportEngine.builder().source(sourceOver(w.tickets(), w.sla()))
        .clock(new MutableClock(now))
        .tenant(SupportWorld.ACME, SupportWorld.SHANGHAI)
        .tenant(SupportWorld.GLOBEX, SupportWorld.SHANGHAI)
        .tenant(EMPTY, SupportWorld.SHANGHAI)
        .tenant(ProcessScenario.HANDOFFS, SupportWorld.SHANGHAI)
        .tenant(ProcessScenario.FOLLOW_UPS, SupportWorld.SHANGHAI)
        .tenant(ProcessScenario.PROBLEMS, SupportWorld.SHANGHAI)
        .tenant(ProcessScenario.RATINGS, SupportWorld.SHANGHAI).build();
  }

  /**
   * Retention that purges keeps what reports of past periods read, without personal data: the
   * monthly report of a past month is the same before and after purging every ticket closed
   * more than ten days ago, except identity fields (rating comments, example tickets' subjects).
   */
  @Test
  void aPastMonthsReportIsTheSameAfterRetentionPurgesItsTickets() {
    TicketStore tickets = newTicketStore();
    SlaStore sla = newSlaStore();
    SupportWorld w = new SupportWorld(tickets, sla, START);
    TicketFollower follower = followerOver(tickets, sla);
    if (follower != null) {
      w.service().attach(follower);
    }
    w.plan(SupportWorld.ACME, START, cn("2026-02-25T00:00"), 120, 11);
    w.runUntil(END);
    Worlds world = new Worlds(tickets, sla);
    Report before = engine(world, END).monthly(SupportWorld.ACME, YearMonth.of(2026, 2));
    long stored = tickets.count(SupportWorld.ACME, TicketQuery.builder().build());
    PersonalDataStore personal = (PersonalDataStore) tickets;
    Retention retention = Retention.of(tickets, personal, new MutableClock(END),
        "retention-report-key-01".getBytes(StandardCharsets.UTF_8), Redactor.standard())
        .policy(SupportWorld.ACME, RetentionPolicy.purgeAfterDays(10));

    int purged = retention.run(SupportWorld.ACME, 25);

    assertThat(purged).isGreaterThan(60);
    assertThat(tickets.count(SupportWorld.ACME, TicketQuery.builder().build()))
        .isEqualTo(stored - purged);
    Report after = engine(world, END).monthly(SupportWorld.ACME, YearMonth.of(2026, 2));
    assertThat(before.headline()).isNotEmpty();
    assertThat(after).usingRecursiveComparison()
        .ignoringFieldsMatchingRegexes(".*comment", ".*\\.subject")
        .isEqualTo(before);
  }

  @Test
  void aMonthsFiguresEqualTheOracles() {
    Report r = engine(END).monthly(SupportWorld.ACME, YearMonth.of(2026, 3));
    assertThat(r.empty()).isFalse();
    assertThat(r.volume().received()).isGreaterThan(100);
    assertThat(r.satisfaction().dissatisfied()).isPositive();
    assertThat(r.rework().reopens()).isPositive();
    assertThat(r.sla().breaches()).isPositive();
    check(r, SupportWorld.ACME);
  }

  @Test
  void aFreeRangesFiguresEqualTheOracles() {
    ReportPeriod p = ReportPeriod.of(cn("2026-03-05T10:00"), cn("2026-03-19T16:30"),
        SupportWorld.SHANGHAI);
    check(engine(END).report(SupportWorld.ACME, p), SupportWorld.ACME);
  }

  @Test
  void aPeriodNotOverIsTakenAtTheClock() {
    Report r = engine(END).monthly(SupportWorld.ACME, YearMonth.of(2026, 4));
    assertThat(r.asOf()).isEqualTo(END);
    check(r, SupportWorld.ACME);
  }

  @Test
  void theOtherTenantsFiguresEqualTheOracles() {
    check(engine(END).monthly(SupportWorld.GLOBEX, YearMonth.of(2026, 2)), SupportWorld.GLOBEX);
  }

  @Test
  void aTenantNeverSeesAnotherTenantsFigures() {
    Report together = engine(shared, END).monthly(SupportWorld.ACME, YearMonth.of(2026, 3));
    Report apart = engine(alone, END).monthly(SupportWorld.ACME, YearMonth.of(2026, 3));
    assertThat(together).isEqualTo(apart);
    Report other = engine(shared, END).monthly(SupportWorld.GLOBEX, YearMonth.of(2026, 3));
    assertThat(other.volume()).isNotEqualTo(together.volume());
  }

  @Test
  void aKnownTenantWithoutTicketsGetsAnEmptyReport() {
    Report r = engine(END).monthly(EMPTY, YearMonth.of(2026, 3));
    assertThat(r.empty()).isTrue();
    assertThat(r.volume().received()).isZero();
    assertThat(r.backlog().total()).isZero();
    assertThat(r.agents()).isEmpty();
  }

  private ProcessFigures scripted(TenantId tenant, YearMonth month) {
    return engine(scripted, ProcessScenario.END).monthly(tenant, month).process();
  }

  /**
   * Hand-offs opened in March by department: answered, returned, and one answered only in April
   * (still open at the period's end); a February hand-off answered in March is February's.
   */
  @Test
  void theHandOffFiguresOfAScriptedMonth() {
    HandoffFigures h = scripted(ProcessScenario.HANDOFFS, YearMonth.of(2026, 3)).handoffs();
    assertThat(h.all()).isEqualTo(new DepartmentHandoffs("*", 4, 2, 1, 1,
        Duration.ofHours(24), Duration.ofHours(24)));
    assertThat(h.byDepartment()).containsExactly(
        new DepartmentHandoffs("technical", 3, 2, 0, 1, Duration.ofHours(4),
            Duration.ofHours(24)),
        new DepartmentHandoffs("finance", 1, 0, 1, 0, Duration.ofHours(24),
            Duration.ofHours(24)));
    assertThat(scripted(ProcessScenario.HANDOFFS, YearMonth.of(2026, 2)).handoffs().all())
        .isEqualTo(new DepartmentHandoffs("*", 1, 0, 0, 1, null, null));
    Report r = engine(scripted, ProcessScenario.END)
        .monthly(ProcessScenario.HANDOFFS, YearMonth.of(2026, 3));
    assertThat(r.headline("handoffsOpened").current()).isEqualTo(4.0);
    assertThat(r.headline("handoffsOpened").previous()).isEqualTo(1.0);
  }

  /** Follow-ups against the twice-a-week rule (see {@link ProcessScenario}). */
  @Test
  void theFollowUpFiguresOfAScriptedMonth() {
    FollowUpFigures f = scripted(ProcessScenario.FOLLOW_UPS, YearMonth.of(2026, 3)).followUps();
    assertThat(f).isEqualTo(new FollowUpFigures(Duration.ofHours(84), 4, 11, 3, 5, 2, 3, 0.6));
  }

  /** Problems opened and resolved, incidents linked, the top problems with examples. */
  @Test
  void theProblemFiguresOfAScriptedMonth() {
    ProblemFigures p = scripted(ProcessScenario.PROBLEMS, YearMonth.of(2026, 3)).problems();
    assertThat(List.of(p.opened(), p.resolved(), p.openAtEnd(), p.incidentsLinked()))
        .containsExactly(2L, 1L, 2L, 4L);
    assertThat(p.top()).hasSize(2);
    assertThat(p.top().get(0).problem().number()).isEqualTo(1);
    assertThat(p.top().get(0).problem().subject()).isEqualTo("P1 login outage");
    assertThat(p.top().get(0).incidents()).isEqualTo(3);
    assertThat(p.top().get(0).examples()).extracting(ExampleTicket::number)
        .containsExactly(7L, 4L, 3L);
    assertThat(p.top().get(1).problem().number()).isEqualTo(5);
    assertThat(p.top().get(1).examples()).extracting(ExampleTicket::subject)
        .containsExactly("I4");
    ProblemFigures feb = scripted(ProcessScenario.PROBLEMS, YearMonth.of(2026, 2)).problems();
    assertThat(List.of(feb.opened(), feb.resolved(), feb.openAtEnd(), feb.incidentsLinked()))
        .containsExactly(1L, 0L, 1L, 1L);
  }

  /** Rating requests sent in March: answered, expired, and one expiring in April. */
  @Test
  void theRatingRequestFiguresOfAScriptedMonth() {
    assertThat(scripted(ProcessScenario.RATINGS, YearMonth.of(2026, 3)).ratingRequests())
        .isEqualTo(new RatingRequestFigures(3, 1, 1, 1, 1 / 3.0, 0.5));
    assertThat(scripted(ProcessScenario.RATINGS, YearMonth.of(2026, 2)).ratingRequests())
        .isEqualTo(new RatingRequestFigures(1, 0, 0, 1, 0.0, null));
  }

  /** A tenant without tickets, and a month without activity, have zero process figures. */
  @Test
  void withoutProcessDataTheProcessFiguresAreZero() {
    for (TenantId t : List.of(EMPTY, ProcessScenario.HANDOFFS)) {
      ProcessFigures p = scripted(t, YearMonth.of(2026, 1));
      assertThat(p.isEmpty()).isTrue();
      assertThat(p.handoffs().byDepartment()).isEmpty();
      assertThat(p.problems().top()).isEmpty();
      assertThat(p.followUps().complianceRate()).isNull();
      assertThat(p.ratingRequests().responseRate()).isNull();
    }
  }

  /**
   * Over the simulated helpdesk (replies, waits, resolutions, ratings, auto-closes) the source's
   * process figures are those computed in memory from every ticket's whole history, for a month,
   * a free range and a period not over.
   */
  @Test
  void theWorldsProcessFiguresEqualThoseDerivedFromTheHistories() {
    List<ProcessFact> facts = new ArrayList<>();
    TicketStore store = shared.tickets();
    TicketQuery q = TicketQuery.builder().limit(TicketQuery.MAX_LIMIT).build();
    PageCursor cursor = null;
    do {
      var page = store.query(SupportWorld.ACME, q.withAfter(cursor));
      for (Ticket t : page.items()) {
        facts.addAll(ProcessDerivation.forTicket(t, store.history(SupportWorld.ACME, t.id())));
      }
      cursor = page.next();
    } while (cursor != null);
    for (ReportPeriod p : List.of(ReportPeriod.month(YearMonth.of(2026, 3), SupportWorld.SHANGHAI),
        ReportPeriod.of(cn("2026-03-05T10:00"), cn("2026-03-19T16:30"), SupportWorld.SHANGHAI),
        ReportPeriod.month(YearMonth.of(2026, 4), SupportWorld.SHANGHAI))) {
      Report r = engine(END).report(SupportWorld.ACME, p);
      ProcessFigures expected = ProcessMath.compute(facts, new ProcessQuery(p.startInclusive(),
          p.endExclusive(), r.asOf(), Duration.ofHours(84), 10, 3));
      assertThat(r.process()).isEqualTo(expected);
    }
    ProcessFigures march = engine(END).monthly(SupportWorld.ACME, YearMonth.of(2026, 3))
        .process();
    assertThat(march.followUps().done()).isPositive();
    assertThat(march.followUps().openTickets()).isPositive();
    assertThat(march.ratingRequests().answered()).isPositive();
    assertThat(march.ratingRequests().expired()).isPositive();
  }

  private void check(Report r, TenantId tenant) {
    OracleCheck.check(r, shared.tickets(), shared.sla(), tenant);
  }

  /**
   * Returns an instant from a Shanghai local date-time.
   *
   * @param local the local date-time, {@code 2026-03-01T09:00}
   * @return the instant
   */
  protected static Instant cn(String local) {
    return LocalDateTime.parse(local).atZone(SupportWorld.SHANGHAI).toInstant();
  }
}
