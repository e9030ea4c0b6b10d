package dev.ticketkit.report.source;

import dev.ticketkit.core.TenantId;

/**
 * Where a report's facts come from: the SPI an in-memory or SQL source implements.
 *
 * <p>Contract, which {@code ReportSourceContract} (in ticket-report's test-jar) checks for every
 * source against figures counted independently from the raw ticket history:
 *
 * <ul>
 *   <li>The facts are those {@link CycleFact}, {@link ClockFact} and {@link EscalationFact} define,
 *       derived from the tickets, their histories and the SLA store as last committed.
 *   <li>{@link FactReader#process} computes the support-process figures
 *       ({@link dev.ticketkit.report.ProcessFigures}) as their Javadoc defines them, from the
 *       tickets' histories (hand-offs, follow-up gaps, problems, incident links, rating requests).
 *   <li>{@link FactReader#aggregate} computes exactly the documented filters, groups and measures
 *       (nearest-rank percentiles, sums in milliseconds, a null key for null values, one row for an
 *       ungrouped query), so every source gives the same figures.
 *   <li>A reader sees one consistent state of the tenant's facts for all its queries.
 *   <li>Tenant isolation: a reader opened for a tenant sees only that tenant's facts.
 *   <li>Failures of the source are thrown as {@link ReportSourceException}.
 * </ul>
 *
 * <p>Implementations must be thread-safe; readers need not be.
 */
public interface ReportSource {

  /**
   * Opens a reader over one tenant's facts, consistent across its queries.
   *
   * @param tenant the tenant
   * @return the reader; the caller closes it
   * @throws ReportSourceException if the source fails
   */
  FactReader open(TenantId tenant);
}
