package dev.ticketkit.jdbc;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.jdbc.internal.ShapedSql;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jooq.DSLContext;

/**
 * A read that a store of this package needs in every ticket commit, which the jOOQ ticket store
 * sends on PostgreSQL in the same round trip as its locked read of the ticket (see
 * {@link JdbcTicketStore#readAlong}); the result waits in the commit's {@link JdbcTransaction}.
 * It runs after the lock is taken, so it sees every commit of the ticket before this one.
 */
interface ReadAlong {

  /**
   * Returns the query for a ticket.
   *
   * @param tenant the ticket's tenant
   * @param ticket the ticket
   * @return the query, with its placeholders' values
   */
  ShapedSql.Statement query(TenantId tenant, TicketId ticket);

  /**
   * Reads the query's result.
   *
   * @param sql a context on the commit's connection
   * @param tenant the ticket's tenant
   * @param ticket the ticket
   * @param rs the result
   * @return what the store wants from it
   * @throws SQLException if reading fails
   */
  Object read(DSLContext sql, TenantId tenant, TicketId ticket, ResultSet rs)
      throws SQLException;
}
