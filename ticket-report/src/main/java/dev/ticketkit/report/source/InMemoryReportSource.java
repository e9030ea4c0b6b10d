package dev.ticketkit.report.source;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketKitException;
import dev.ticketkit.core.store.TicketStore;
import dev.ticketkit.report.internal.FactDerivation;
import dev.ticketkit.report.internal.MemoryFactReader;
import dev.ticketkit.sla.store.SlaStore;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import dev.ticketkit.core.TicketId;

/**
 * A {@link ReportSource} that derives the facts from a ticket store and an SLA store when a
 * reader is opened, then aggregates them in memory: for the in-memory stores, tests and small
 * hosts.
 *
 * <p>Opening a reader pages through the tenant's tickets ({@link TicketStore#query}), reads each
 * ticket's SLA clocks and fired escalations, derives the cycle facts of each ticket from its
 * history (cached per ticket and version, so a later report re-reads only the tickets that changed)
 * and answers queries from that snapshot. Cost: linear in the tenant's tickets per report (see
 * docs/benchmarks.md), and the cache holds a few hundred bytes per ticket. A database host uses the
 * SQL source instead, which aggregates in the database. Thread-safe: each reader holds its own
 * snapshot; the cache is a concurrent map. Create with {@link #of(TicketStore, SlaStore)}.
 */
public final class InMemoryReportSource implements ReportSource {

  private final TicketStore tickets;
  private final SlaStore sla;
  private final Map<TenantId, Map<TicketId, FactDerivation.CachedCycles>> cache =
      new ConcurrentHashMap<>();

  private InMemoryReportSource(TicketStore tickets, SlaStore sla) {
    this.tickets = Objects.requireNonNull(tickets, "tickets");
    this.sla = Objects.requireNonNull(sla, "sla");
  }

  /**
   * Returns a source over a ticket store and the SLA store that holds its tickets' clocks.
   *
   * @param tickets the ticket store
   * @param sla the SLA store
   * @return the source
   */
  public static InMemoryReportSource of(TicketStore tickets, SlaStore sla) {
    return new InMemoryReportSource(tickets, sla);
  }

  @Override
  public FactReader open(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    try {
      return new MemoryFactReader(FactDerivation.derive(tickets, sla, tenant,
          cache.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>())));
    } catch (TicketKitException e) {
      throw new ReportSourceException("could not read the facts of tenant " + tenant, e);
    }
  }
}
