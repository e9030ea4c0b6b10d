/**
 * TicketKit's JDBC storage: jOOQ stores for tickets, SLA and the knowledge base on H2,
 * PostgreSQL and MariaDB, with Flyway migrations. Exports its API package only;
 * {@code dev.ticketkit.jdbc.internal} stays hidden, and no jOOQ, Flyway or JDBC driver type
 * appears in the API. The SLA and knowledge-base modules are optional, as in the POM.
 */
module dev.ticketkit.jdbc {
  requires transitive dev.ticketkit.core;
  requires static dev.ticketkit.kb;
  requires static dev.ticketkit.sla;
  requires transitive java.sql;
  requires com.fasterxml.jackson.databind;
  requires flyway.core;
  requires org.jooq;
  requires org.slf4j;

  exports dev.ticketkit.jdbc;

  // Flyway reads the migration scripts as resources of these packages.
  opens dev.ticketkit.jdbc.migration.h2;
  opens dev.ticketkit.jdbc.migration.mariadb;
  opens dev.ticketkit.jdbc.migration.postgresql;
}
