package dev.ticketkit.report.source;

import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.core.store.TicketStore;
import dev.ticketkit.testkit.report.ReportSourceContract;
import dev.ticketkit.sla.store.InMemorySlaStore;
import dev.ticketkit.sla.store.SlaStore;

/** The source contract on the in-memory stores. */
class InMemoryReportSourceTest extends ReportSourceContract {

  @Override
  protected TicketStore newTicketStore() {
    return InMemoryTicketStore.create();
  }

  @Override
  protected SlaStore newSlaStore() {
    return InMemorySlaStore.create();
  }

  @Override
  protected ReportSource sourceOver(TicketStore tickets, SlaStore sla) {
    return InMemoryReportSource.of(tickets, sla);
  }
}
