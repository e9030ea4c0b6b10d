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

  /** Whether each column of {@link Tk#ALL} is a JSON column (looked up once, by position). */
  private static final boolean[] JSON = json();

  private TicketRows() {}

  private static boolean[] json() {
    boolean[] json = new boolean[Tk.ALL.length];
    for (int i = 0; i < json.length; i++) {
      json[i] = Columns.isJson(Tk.ALL[i]);
    }
    return json;
  }

  /**
   * Returns the values of every column but the id, for an insert or an update.
   *
   * @param kind the database product
   * @param t the ticket
   * @return the values by column, in a stable order
   */
  public static Map<Field<?>, Object> values(DatabaseKind kind, Ticket t) {
    @Nullable Object[] row = row(t);
    Map<Field<?>, Object> v = new LinkedHashMap<>();
    for (int i = 0; i < row.length; i++) {
      if (Tk.ALL[i] != Tk.ID) {
        v.put(Tk.ALL[i], row[i]);
      }
    }
    return v;
  }

  /**
   * Returns the value of every column of {@link Tk#ALL}, by position (JSON columns as
   * {@link ShapedSql.Json}): the same values as {@link #values}, without hashing a jOOQ field
   * per column (a field's {@code hashCode} hashes its qualified name on every call), for
   * comparing a ticket's row before and after a change.
   *
   * @param t the ticket
   * @return the values, null for an empty column
   */
  public static @Nullable Object[] row(Ticket t) {
    // StoredTicket.write gives the columns in the order of StoredTicket.columns(), the order
    // of Tk.ALL
    Map<String, @Nullable Object> stored = StoredTicket.write(t);
    if (stored.size() != Tk.ALL.length) {
      throw new IllegalStateException("the field table wrote " + stored.size()
          + " columns, tk_ticket has " + Tk.ALL.length);
    }
    @Nullable Object[] row = new Object[Tk.ALL.length];
    int i = 0;
    for (@Nullable Object value : stored.values()) {
      row[i] = value != null && JSON[i] ? new ShapedSql.Json((String) value) : value;
      i++;
    }
    return row;
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
