package dev.ticketkit.testkit.report;

import dev.ticketkit.testkit.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.TenantId;
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
        .tenant(EMPTY, SupportWorld.SHANGHAI).build();
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
