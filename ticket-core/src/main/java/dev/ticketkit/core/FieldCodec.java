package dev.ticketkit.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns a ticket into named text values and back: the form history entries record, driven by
 * the field table ({@link TicketFields}).
 *
 * <p>Scalar fields map to one text each (absent when null), custom fields to one text per key;
 * the set-valued fields (attachments, tags, links) map to ordered sets of element texts. {@link
 * #diff} compares two flat forms the way history records a change: the scalar fields in table
 * order, then custom fields by key, then set elements removed and added. {@link TicketReplay}
 * applies such entries to rebuild a ticket. Stateless and thread-safe.
 */
final class FieldCodec {

  /** The scalar fields in the order history records them; custom fields follow, by key. */
  static final List<String> SCALARS = TicketFields.all().stream()
      .filter(f -> f.history.isScalar()).map(TicketField::name).toList();
  /** The set-valued fields. */
  static final List<String> SETS = TicketFields.all().stream()
      .filter(f -> f.history.isSet()).map(TicketField::name).toList();

  private FieldCodec() {}

  /** One recorded change of one field. */
  record Change(String field, @Nullable String before, @Nullable String after) {}

  /** A ticket's fields as text. */
  record Flat(Map<String, String> scalars, Map<String, Set<String>> sets) {

    static Flat empty() {
      Map<String, Set<String>> sets = new LinkedHashMap<>();
      SETS.forEach(f -> sets.put(f, new LinkedHashSet<>()));
      return new Flat(new LinkedHashMap<>(), sets);
    }
  }

  static Flat flatten(Ticket t) {
    Flat flat = Flat.empty();
    TicketFields.all().forEach(f -> flattenField(f, t, flat));
    return flat;
  }

  private static <T> void flattenField(TicketField<T> field, Ticket t, Flat flat) {
    field.history.flatten(field.name(), t.get(field), flat);
  }

  /** Returns the changes from one flat form to another, scalars first, then set elements. */
  static List<Change> diff(Flat before, Flat after) {
    List<Change> changes = new ArrayList<>();
    Set<String> fields = new LinkedHashSet<>(SCALARS);
    before.scalars().keySet().stream().filter(f -> !SCALARS.contains(f)).sorted()
        .forEach(fields::add);
    after.scalars().keySet().stream().filter(f -> !SCALARS.contains(f)).sorted()
        .forEach(fields::add);
    for (String f : fields) {
      String b = before.scalars().get(f);
      String a = after.scalars().get(f);
      if (!Objects.equals(b, a)) {
        changes.add(new Change(f, b, a));
      }
    }
    for (String f : SETS) {
      before.sets().get(f).stream().filter(e -> !after.sets().get(f).contains(e))
          .forEach(e -> changes.add(new Change(f, e, null)));
      after.sets().get(f).stream().filter(e -> !before.sets().get(f).contains(e))
          .forEach(e -> changes.add(new Change(f, null, e)));
    }
    return changes;
  }
}
