package dev.ticketkit.report;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.report.internal.ReportComputation;
import dev.ticketkit.report.internal.ReportSettings;
import dev.ticketkit.report.source.ReportSource;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Computes service reports for tenants from a {@link ReportSource}.
 *
 * <p>A report is computed with one reader of the source (one consistent view of the facts): the
 * period's figures, the previous period's figures for the headline, then the suggestion rules.
 * The engine knows which tenants exist and their report zones from its {@link TenantDirectory};
 * an unknown tenant is refused with {@link UnknownTenantException}, and a period in another zone
 * with {@link ZoneMismatchException}, before anything is read. A tenant with no tickets in the
 * period gets a report whose {@link Report#empty()} is true. Time comes from the injected clock
 * (it decides {@link Report#asOf()} for a period that has not ended). Instances are thread-safe.
 * Build with {@link #builder()}.
 */
public final class ReportEngine {

  private final ReportSource source;
  private final Clock clock;
  private final TenantDirectory tenants;
  private final ReportSettings settings;

  ReportEngine(ReportSource source, Clock clock, TenantDirectory tenants,
      ReportSettings settings) {
    this.source = source;
    this.clock = clock;
    this.tenants = tenants;
    this.settings = settings;
  }

  /**
   * Returns a builder; the source, the clock and at least one tenant are required.
   *
   * @return the builder
   */
  public static ReportEngineBuilder builder() {
    return new ReportEngineBuilder();
  }

  /**
   * Computes a tenant's report for a calendar month in its zone.
   *
   * @param tenant the tenant
   * @param month the month
   * @return the report
   * @throws NullPointerException if an argument is null
   * @throws UnknownTenantException if the tenant is unknown
   * @throws dev.ticketkit.report.source.ReportSourceException if the source fails
   */
  public Report monthly(TenantId tenant, YearMonth month) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(month, "month");
    if (month == null) {
      throw new InvalidInputException("month", null, "must not be null");
    }
    return report(tenant, ReportPeriod.month(month, zoneOf(tenant)));
  }

  /**
   * Computes a tenant's report for a period.
   *
   * @param tenant the tenant
   * @param period the period, in the tenant's zone
   * @return the report
   * @throws NullPointerException if an argument is null
   * @throws UnknownTenantException if the tenant is unknown
   * @throws ZoneMismatchException if the period's zone is not the tenant's
   * @throws dev.ticketkit.report.source.ReportSourceException if the source fails
   */
  public Report report(TenantId tenant, ReportPeriod period) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(period, "period");
    if (period == null) {
      throw new InvalidInputException("period", null, "must not be null");
    }
    ReportPeriod.requireZone(period, zoneOf(tenant), tenant);
    return ReportComputation.compute(source, tenant, period, clock.instant(), settings);
  }

  /**
   * Returns a tenant's report zone.
   *
   * @param tenant the tenant
   * @return the zone
   * @throws NullPointerException if the tenant is null
   * @throws UnknownTenantException if the tenant is unknown
   */
  public ZoneId zoneOf(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    if (tenant == null) {
      throw new InvalidInputException("tenant", null, "must not be null");
    }
    return Objects.requireNonNull(tenants.zoneOf(tenant), "zoneOf")
        .orElseThrow(() -> new UnknownTenantException(tenant));
  }
}
