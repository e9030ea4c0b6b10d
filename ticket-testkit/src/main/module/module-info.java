/**
 * TicketKit's testkit: store contracts, a manual clock, samples, jqwik arbitraries and SLA
 * properties, for hosts' tests. Exports its API packages only ({@code
 * dev.ticketkit.testkit.internal} stays hidden) and opens the packages whose tests JUnit and
 * jqwik run by reflection. The knowledge base and reports are optional, as in the POM.
 */
module dev.ticketkit.testkit {
  requires transitive dev.ticketkit.core;
  requires transitive dev.ticketkit.sla;
  requires static dev.ticketkit.kb;
  requires static dev.ticketkit.report;
  requires transitive net.jqwik.api;
  requires transitive org.assertj.core;
  requires transitive org.junit.jupiter.api;
  requires transitive org.junit.jupiter.params;
  requires static org.apache.lucene.core;

  exports dev.ticketkit.testkit;
  exports dev.ticketkit.testkit.contract;
  exports dev.ticketkit.testkit.jqwik;
  exports dev.ticketkit.testkit.kb;
  exports dev.ticketkit.testkit.report;
  exports dev.ticketkit.testkit.sla;
  exports dev.ticketkit.testkit.story;

  opens dev.ticketkit.testkit.contract;
  opens dev.ticketkit.testkit.jqwik;
  opens dev.ticketkit.testkit.report;
  opens dev.ticketkit.testkit.sla;

  provides net.jqwik.api.SampleReportingFormat
      with dev.ticketkit.testkit.jqwik.CalendarReportingFormat;
}
