/**
 * TicketKit's stores on a relational database, with jOOQ over a host's {@code DataSource}: H2 2.x
 * (the embedded default), PostgreSQL 15 and MariaDB 10.11.
 *
 * <p>Start with {@link dev.ticketkit.jdbc.JdbcTicketKit}: it migrates the {@code tk_} tables
 * ({@link dev.ticketkit.jdbc.TicketKitSchema}, Flyway, history table {@code tk_schema_history})
 * and hands out the ticket store (tickets, history, conversation, tags, links, with a
 * transactional outbox written in every commit), the knowledge base's article store, the SLA
 * store and the outbox behind {@link dev.ticketkit.core.outbox.OutboxRelay}.
 *
 * <ul>
 *   <li><b>Transactions.</b> A ticket commit is one database transaction: version check under a
 *       row lock, ticket row, history, conversation, outbox rows and the work of the service's
 *       followers (the SLA clocks) commit together or not at all. A stale version raises core's
 *       {@code TicketConflictException}.
 *   <li><b>Errors.</b> Database failures arrive as each SPI's own exception
 *       ({@link dev.ticketkit.jdbc.StorageException} for tickets and the outbox,
 *       {@code KbStorageException}, {@code SlaStoreException}); no JDBC, jOOQ or Flyway type is
 *       part of this API.
 *   <li><b>Several nodes.</b> SLA escalation claims and outbox deliveries lock rows with
 *       {@code SELECT ... FOR UPDATE SKIP LOCKED}, so nodes sharing a PostgreSQL or MariaDB
 *       database never take the same row. On H2 the same statement works across the connections
 *       of the one process that embeds the database; H2 is for a single node only (an embedded
 *       H2 file is opened by one process), and TicketKit neither tests nor supports several
 *       processes on one H2 server.
 *   <li><b>Instants</b> are stored in UTC, to the microsecond (finer digits are truncated).
 *       PostgreSQL cannot store the character U+0000 in text or {@code jsonb}; a value holding it
 *       fails there with a storage exception.
 * </ul>
 *
 * <p>Everything here is not-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.ticketkit.jdbc;

import org.jspecify.annotations.NullMarked;
