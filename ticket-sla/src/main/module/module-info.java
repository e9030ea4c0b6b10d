/**
 * TicketKit SLA: business calendars, SLA policies and clocks, escalation and the engine.
 * Exports its API packages only; {@code dev.ticketkit.sla.internal} stays hidden.
 */
module dev.ticketkit.sla {
  requires transitive dev.ticketkit.core;
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;

  exports dev.ticketkit.sla;
  exports dev.ticketkit.sla.calendar;
  exports dev.ticketkit.sla.clock;
  exports dev.ticketkit.sla.escalation;
  exports dev.ticketkit.sla.policy;
  exports dev.ticketkit.sla.store;
}
