/**
 * TicketKit reports: the monthly service report, complaint-spike warning and renderers.
 * Exports its API packages only; {@code dev.ticketkit.report.internal} is exported to the
 * testkit alone (its sample report derives facts the way the in-memory source does). The
 * knowledge base and the renderers' libraries are optional, as in the POM.
 */
module dev.ticketkit.report {
  requires transitive dev.ticketkit.core;
  requires transitive dev.ticketkit.sla;
  requires static dev.ticketkit.kb;
  requires static com.github.mustachejava;
  requires static com.github.spotbugs.annotations;
  requires static org.apache.commons.csv;
  requires static org.jfree.jfreechart;
  requires static org.jfree.svg;
  requires com.fasterxml.jackson.databind;
  requires java.desktop;
  requires org.slf4j;

  exports dev.ticketkit.report;
  exports dev.ticketkit.report.kb;
  exports dev.ticketkit.report.render;
  exports dev.ticketkit.report.source;
  exports dev.ticketkit.report.spike;
  exports dev.ticketkit.report.internal to dev.ticketkit.testkit;
}
