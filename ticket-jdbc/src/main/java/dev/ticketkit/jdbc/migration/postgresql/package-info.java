/**
 * TicketKit's Flyway migrations for postgresql (plain SQL resources, no classes). The package exists
 * so that the module descriptor can open it to Flyway, which reads the scripts as resources.
 */
package dev.ticketkit.jdbc.migration.postgresql;
