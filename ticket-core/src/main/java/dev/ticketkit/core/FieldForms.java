package dev.ticketkit.core;

import dev.ticketkit.core.store.StoredColumn;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The three forms a {@link TicketField} declares besides its name and type: how a value is
 * checked, how history records it, and how a store keeps it. The field table
 * ({@link TicketFields}) picks one of each per field; every consumer (the ticket's checks,
 * {@link FieldCodec}, {@link ReplayDecoder}, {@link RequesterView},
 * {@link dev.ticketkit.core.store.StoredTicket}) only walks the table. Stateless and
 * thread-safe.
 */
final class FieldForms {

  private FieldForms() {}

  /** Checks (and may normalise, such as copying a collection) one field's value. */
  @FunctionalInterface
  interface Check<T> {
    @Nullable T check(String field, @Nullable T value);
  }

  /** How history records a field: as one text, as a set of element texts, or not at all. */
  interface HistoryForm<T> {
    /** Adds the value's text form to a flat form. */
    void flatten(String field, @Nullable T value, FieldCodec.Flat flat);

    /** Reads the value back from a flat form, or null when the flat form holds none. */
    @Nullable T read(String field, FieldCodec.Flat flat);

    /** Tells whether history entries name the field (or, for custom fields, its keys). */
    default boolean isRecorded() {
      return true;
    }

    /** Tells whether each element is recorded on its own (an entry adds or removes one). */
    default boolean isSet() {
      return false;
    }

    /** Tells whether the value is recorded under its own field name as one text. */
    default boolean isScalar() {
      return false;
    }
  }

  /** A field history never records: it comes from the entries' envelope (who, when, version). */
  static <T> HistoryForm<T> notRecorded() {
    return new HistoryForm<>() {
      @Override
      public void flatten(String field, @Nullable T value, FieldCodec.Flat flat) {}

      @Override
      public @Nullable T read(String field, FieldCodec.Flat flat) {
        return null;
      }

      @Override
      public boolean isRecorded() {
        return false;
      }
    };
  }

  /** One text per value: the type's {@code toString}-like form and its {@code parse}. */
  static <T> HistoryForm<T> scalar(Function<T, String> format, Function<String, T> parse) {
    return new HistoryForm<>() {
      @Override
      public void flatten(String field, @Nullable T value, FieldCodec.Flat flat) {
        if (value != null) {
          flat.scalars().put(field, format.apply(value));
        }
      }

      @Override
      public @Nullable T read(String field, FieldCodec.Flat flat) {
        String text = flat.scalars().get(field);
        return text == null ? null : parse.apply(text);
      }

      @Override
      public boolean isScalar() {
        return true;
      }
    };
  }

  /** One text per element of a collection; entries add or remove single elements. */
  static <T, E> HistoryForm<T> elements(Function<T, Collection<E>> elements,
      Function<String, E> parse, Function<List<E>, T> collect) {
    return new HistoryForm<>() {
      @Override
      public void flatten(String field, @Nullable T value, FieldCodec.Flat flat) {
        Set<String> texts = flat.sets().get(field);
        if (value != null) {
          elements.apply(value).forEach(e -> texts.add(e.toString()));
        }
      }

      @Override
      public T read(String field, FieldCodec.Flat flat) {
        List<E> values = new ArrayList<>();
        flat.sets().get(field).forEach(text -> values.add(parse.apply(text)));
        return collect.apply(values);
      }

      @Override
      public boolean isSet() {
        return true;
      }
    };
  }

  /** Custom fields: one text per key, recorded as {@link TicketField#CUSTOM_PREFIX} + key. */
  static HistoryForm<SortedMap<String, CustomFieldValue>> keyed() {
    return new HistoryForm<>() {
      @Override
      public void flatten(String field, @Nullable SortedMap<String, CustomFieldValue> value,
          FieldCodec.Flat flat) {
        if (value != null) {
          value.forEach((k, v) -> flat.scalars().put(TicketField.CUSTOM_PREFIX + k, v.toString()));
        }
      }

      @Override
      public SortedMap<String, CustomFieldValue> read(String field, FieldCodec.Flat flat) {
        SortedMap<String, CustomFieldValue> fields = new TreeMap<>();
        flat.scalars().forEach((name, text) -> {
          if (name.startsWith(TicketField.CUSTOM_PREFIX)) {
            fields.put(name.substring(TicketField.CUSTOM_PREFIX.length()),
                CustomFieldValue.parse(text));
          }
        });
        return fields;
      }
    };
  }

  /** One column holding the value in a form of the column's type. */
  static <T> StoredForm<T> column(StoredColumn column, Function<T, Object> write,
      Function<Object, T> read) {
    return columns(List.of(column), v -> Collections.singletonList(write.apply(v)),
        parts -> read.apply(parts.get(0)));
  }

  /**
   * Several columns: the value is written to all of them and read back from all of them; the
   * first column holds a value exactly when the field does.
   */
  static <T> StoredForm<T> columns(List<StoredColumn> columns,
      Function<T, List<@Nullable Object>> write, Function<List<@Nullable Object>, T> read) {
    return new StoredForm<>(columns, write, read);
  }

  /** The same form with every column declared not null, for a required field. */
  static <T> StoredForm<T> notNull(StoredForm<T> form) {
    List<StoredColumn> columns = form.columns.stream()
        .map(c -> new StoredColumn(c.name(), c.type(), false)).toList();
    return new StoredForm<>(columns, form.write, form.read);
  }

  /** How a store keeps a field: its columns and their values. */
  static final class StoredForm<T> {
    private final List<StoredColumn> columns;
    private final Function<T, List<@Nullable Object>> write;
    private final Function<List<@Nullable Object>, T> read;

    private StoredForm(List<StoredColumn> columns, Function<T, List<@Nullable Object>> write,
        Function<List<@Nullable Object>, T> read) {
      this.columns = List.copyOf(columns);
      this.write = write;
      this.read = read;
    }

    List<StoredColumn> columns() {
      return columns;
    }

    void write(@Nullable T value, Map<String, @Nullable Object> row) {
      List<@Nullable Object> parts = value == null ? null : write.apply(value);
      for (int i = 0; i < columns.size(); i++) {
        row.put(columns.get(i).name(), parts == null ? null : parts.get(i));
      }
    }

    @Nullable T read(Function<String, @Nullable Object> row) {
      List<@Nullable Object> parts = new ArrayList<>();
      for (StoredColumn c : columns) {
        parts.add(row.apply(c.name()));
      }
      return parts.get(0) == null ? null : read.apply(parts);
    }
  }
}
