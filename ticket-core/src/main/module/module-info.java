/**
 * TicketKit core: tickets, the workflow, {@code TicketService}, events, the store SPI and the
 * in-memory store. Exports its API packages only; {@code dev.ticketkit.core.internal} stays
 * hidden.
 */
module dev.ticketkit.core {
  requires transitive org.jspecify;
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;

  exports dev.ticketkit.core;
  exports dev.ticketkit.core.event;
  exports dev.ticketkit.core.outbox;
  exports dev.ticketkit.core.privacy;
  exports dev.ticketkit.core.routing;
  exports dev.ticketkit.core.store;
  exports dev.ticketkit.core.workflow;
}
