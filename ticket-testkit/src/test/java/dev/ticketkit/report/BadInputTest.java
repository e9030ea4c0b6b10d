package dev.ticketkit.report;

import dev.ticketkit.testkit.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.report.source.InMemoryReportSource;
import dev.ticketkit.testkit.MutableClock;
import dev.ticketkit.sla.store.InMemorySlaStore;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad periods, unknown tenants and zone mismatches are refused with typed errors naming them. */
class BadInputTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final TenantId ACME = TenantId.of("acme");
  private static final Instant T = Instant.parse("2026-03-10T00:00:00Z");

  private final ReportEngine engine = ReportEngine.builder()
      .source(InMemoryReportSource.of(InMemoryTicketStore.create(), InMemorySlaStore.create()))
      .clock(new MutableClock(T)).tenant(ACME, SHANGHAI).build();

  @Test
  void anEmptyPeriodIsRefusedNamingTheEnd() {
    assertThatThrownBy(() -> ReportPeriod.of(T, T, SHANGHAI))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("period.endExclusive").hasMessageContaining(T.toString())
        .hasMessageContaining("empty");
  }

  @Test
  void anEndBeforeTheStartIsRefusedNamingBoth() {
    Instant before = T.minusSeconds(1);
    assertThatThrownBy(() -> ReportPeriod.of(T, before, SHANGHAI))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(before.toString()).hasMessageContaining(T.toString());
  }

  @Test
  void aMonthThatDoesNotMatchItsInstantsIsRefused() {
    ReportPeriod march = ReportPeriod.month(YearMonth.of(2026, 3), SHANGHAI);
    assertThatThrownBy(() -> new ReportPeriod(march.startInclusive(), march.endExclusive(),
        ZoneId.of("UTC"), YearMonth.of(2026, 3)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("period.month");
  }

  @Test
  void anUnknownTenantIsRefusedNamingIt() {
    assertThatThrownBy(() -> engine.monthly(TenantId.of("nobody"), YearMonth.of(2026, 3)))
        .isInstanceOf(UnknownTenantException.class).hasMessageContaining("nobody");
  }

  @Test
  void aPeriodInAnotherZoneIsRefusedNamingBothZones() {
    ReportPeriod utc = ReportPeriod.month(YearMonth.of(2026, 3), ZoneId.of("Europe/Berlin"));
    assertThatThrownBy(() -> engine.report(ACME, utc))
        .isInstanceOf(ZoneMismatchException.class)
        .hasMessageContaining("period.zone").hasMessageContaining("Europe/Berlin")
        .hasMessageContaining("Asia/Shanghai");
  }

  @Test
  void nullArgumentsThrowNullPointerExceptionNamingTheParameter() {
    assertThatThrownBy(() -> engine.monthly(null, YearMonth.of(2026, 3)))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("tenant");
    assertThatThrownBy(() -> engine.report(ACME, null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("period");
    assertThatThrownBy(() -> ReportPeriod.month(null, SHANGHAI))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void aTenantWithoutTicketsGetsAReportThatSaysItIsEmpty() {
    Report r = engine.monthly(ACME, YearMonth.of(2026, 2));
    assertThat(r.empty()).isTrue();
    assertThat(r.volume().byDay()).hasSize(28).allMatch(d -> d.count() == 0);
    assertThat(r.headline("received").current()).isZero();
    assertThat(r.headline("resolutionMean").current()).isNull();
    assertThat(r.suggestions()).isEmpty();
  }

  @Test
  void builderSettingsAreCheckedAtOnce() {
    ReportEngineBuilder b = ReportEngine.builder();
    assertThatThrownBy(() -> b.topIssues(0)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("topIssues");
    assertThatThrownBy(() -> b.agingBuckets(List.of(java.time.Duration.ofDays(3),
        java.time.Duration.ofDays(2)))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("agingBuckets[1]");
    b.clock(new MutableClock(T));
    assertThatThrownBy(() -> b.clock(new MutableClock(T))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void previousPeriodsAreTheMonthBeforeOrTheSameLengthBefore() {
    assertThat(ReportPeriod.month(YearMonth.of(2026, 3), SHANGHAI).previous().month())
        .isEqualTo(YearMonth.of(2026, 2));
    ReportPeriod range = ReportPeriod.of(T, T.plusSeconds(3600), SHANGHAI);
    assertThat(range.previous()).isEqualTo(ReportPeriod.of(T.minusSeconds(3600), T, SHANGHAI));
  }
}
