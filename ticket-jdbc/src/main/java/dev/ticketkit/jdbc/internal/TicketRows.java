package dev.ticketkit.jdbc.internal;

import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.store.StoredTicket;
import dev.ticketkit.jdbc.DatabaseKind;
import dev.ticketkit.jdbc.internal.TicketTables.Tk;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.jooq.Field;
import org.jspecify.annotations.Nullable;

/**
 * Maps a {@link Ticket} to the columns of {@code tk_ticket} and a row back to a ticket, through
 * ticket-core's one storage path ({@link StoredTicket}): each column of the field table goes to
 * the {@code tk_ticket} column of the same name ({@link Tk#column(String)}), JSON columns as
 * JSON. Nothing here names a field, so a new field of the table needs no change here, only its
 * column in the migrations. Stateless and thread-safe.
 */
public final class TicketRows {

  private TicketRows() {}

  /**
   * Returns the values of every column but the id, for an insert or an update.
   *
   * @param kind the database product
   * @param t the ticket
   * @return the values by column, in a stable order
   */
  public static Map<Field<?>, Object> values(DatabaseKind kind, Ticket t) {
    Map<Field<?>, Object> v = new LinkedHashMap<>();
    StoredTicket.write(t).forEach((name, value) -> {
      Field<?> column = Tk.column(name);
      if (column != Tk.ID) {
        v.put(column, value != null && Columns.isJson(column)
            ? new ShapedSql.Json((String) value) : value);
      }
    });
    return v;
  }

  /**
   * Reads a ticket from a row that holds every column of {@link Tk#ALL}.
   *
   * @param row the row's values by column
   * @return the ticket
   * @throws dev.ticketkit.core.InvalidInputException naming the field if the row breaks a rule
   *     of the field table (a corrupt row)
   */
  public static Ticket ticket(Function<Field<?>, @Nullable Object> row) {
    return StoredTicket.read(name -> row.apply(Tk.column(name)));
  }
}
