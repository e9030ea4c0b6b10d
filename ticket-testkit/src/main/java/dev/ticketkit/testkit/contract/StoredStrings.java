package dev.ticketkit.testkit.contract;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Every string an in-memory store holds: walks the object graph from the store (fields of
 * TicketKit's own classes, collections, maps, arrays, optionals) and collects each string, URI
 * and the text form of other JDK values. For the privacy contract's scan of in-memory stores.
 * Stateless and thread-safe (the caller makes sure nothing writes during the walk).
 */
public final class StoredStrings {

  private StoredStrings() {}

  /**
   * Returns every string reachable from an object.
   *
   * @param root the store
   * @return the strings, in walk order
   */
  public static List<String> reachable(Object root) {
    Objects.requireNonNull(root, "root");
    List<String> out = new ArrayList<>();
    walk(root, out, Collections.newSetFromMap(new IdentityHashMap<>()));
    return out;
  }

  private static void walk(Object value, List<String> out, Set<Object> seen) {
    if (value == null || !seen.add(value)) {
      return;
    }
    if (value instanceof CharSequence s) {
      out.add(s.toString());
    } else if (value instanceof URI || value instanceof Enum<?> || value instanceof Number) {
      out.add(value.toString());
    } else if (value instanceof Collection<?> c) {
      new ArrayList<>(c).forEach(v -> walk(v, out, seen));
    } else if (value instanceof Map<?, ?> m) {
      new ArrayList<>(m.entrySet()).forEach(e -> {
        walk(e.getKey(), out, seen);
        walk(e.getValue(), out, seen);
      });
    } else if (value instanceof Optional<?> o) {
      o.ifPresent(v -> walk(v, out, seen));
    } else if (value instanceof Object[] array) {
      for (Object v : array) {
        walk(v, out, seen);
      }
    } else if (value.getClass().getName().startsWith("dev.ticketkit.")
        && !value.getClass().isSynthetic() && !value.getClass().isHidden()) {
      fields(value, out, seen);
    }
  }

  private static void fields(Object value, List<String> out, Set<Object> seen) {
    for (Class<?> c = value.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
          continue;
        }
        try {
          f.setAccessible(true);
          walk(f.get(value), out, seen);
        } catch (ReflectiveOperationException | RuntimeException e) {
          throw new IllegalStateException("cannot read " + c.getName() + "." + f.getName(), e);
        }
      }
    }
  }
}
