package dev.ticketkit.core.store;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketField;
import dev.ticketkit.core.TicketFields;
import dev.ticketkit.core.internal.CoreAccess;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A ticket as a store keeps it: one value per column, for every field of the field table
 * ({@link TicketFields}). This is the one way a store turns a ticket into storable values and
 * back; there is no other public way to make a {@link Ticket}.
 *
 * <p>{@link #columns()} lists the columns (name, type, nullability), {@link #write(Ticket)}
 * gives each column's value and {@link #read(Function)} rebuilds the ticket, running every check
 * the ticket's fields declare, so a store cannot hand out a ticket that breaks them. A database
 * store maps each column to a column of its table by name; a document store may keep the map as
 * it is. Column values use the Java types of {@link StoredColumn.Type}. A new field of the table
 * adds its columns here by itself. Stateless and thread-safe.
 */
public final class StoredTicket {

  private static final List<StoredColumn> COLUMNS = columnsOfTable();

  private StoredTicket() {}

  private static List<StoredColumn> columnsOfTable() {
    List<StoredColumn> all = new ArrayList<>();
    TicketFields.all().forEach(f -> all.addAll(f.columns()));
    return List.copyOf(all);
  }

  /**
   * Returns every column a store keeps for a ticket, in table order.
   *
   * @return the columns
   */
  public static List<StoredColumn> columns() {
    return COLUMNS;
  }

  /**
   * Returns the value of every column for a ticket.
   *
   * @param ticket the ticket
   * @return the values by column name, in the order of {@link #columns()}; null for an empty
   *     column
   * @throws NullPointerException if the ticket is null
   */
  public static Map<String, @Nullable Object> write(Ticket ticket) {
    Objects.requireNonNull(ticket, "ticket");
    if (ticket == null) {
      throw new InvalidInputException("ticket", null, "must not be null");
    }
    Map<String, @Nullable Object> row = new LinkedHashMap<>();
    TicketFields.all().forEach(f -> writeField(f, ticket, row));
    return row;
  }

  private static <T> void writeField(TicketField<T> field, Ticket ticket,
      Map<String, @Nullable Object> row) {
    field.toStored(ticket.get(field), row);
  }

  /**
   * Reads a ticket back from its columns' values and checks it as the field table declares.
   *
   * @param row each column's stored value by column name (the Java types of
   *     {@link StoredColumn.Type}; null for an empty column)
   * @return the ticket
   * @throws InvalidInputException naming the field if a value is missing or breaks the field's
   *     rules (a corrupt row)
   */
  public static Ticket read(Function<String, @Nullable Object> row) {
    Objects.requireNonNull(row, "row");
    Map<TicketField<?>, @Nullable Object> values = new IdentityHashMap<>();
    for (TicketField<?> f : TicketFields.all()) {
      values.put(f, f.fromStored(row));
    }
    return CoreAccess.tickets().assemble(values::get);
  }
}
