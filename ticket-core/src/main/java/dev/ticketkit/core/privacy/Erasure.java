package dev.ticketkit.core.privacy;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.ticketkit.core.Actor;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What erasing one requester replaces in one ticket's stored text: every piece of the
 * requester's personal data found in the ticket (names, handle values, the bodies they wrote,
 * attachment names and URIs, what the redactor recognises) mapped to its replacement, and the
 * requester's id mapped to the pseudonym. {@code Privacy} builds it from the ticket's own data;
 * a {@link PersonalDataStore} applies {@link #apply(String)} to every text and JSON value it keeps
 * for the ticket, so a store needs no knowledge of where personal data sits.
 *
 * <p>Rules, applied to a stored value: a value equal to the requester's id becomes the pseudonym;
 * the id inside an actor's text form ({@code requester:id}) or as a JSON string ({@code "id"})
 * does too, and anywhere when it is at least {@value #MIN_FREE_ID_LENGTH} characters long; every
 * other personal text is replaced wherever it occurs, longest first, in its plain and its JSON
 * escaped form. Replacements are free of JSON's special characters, so JSON stays JSON. Instances
 * are immutable and thread-safe.
 */
public final class Erasure {

  /** How every pseudonym starts; retention treats a ticket whose requester has one as done. */
  public static final String PSEUDONYM_PREFIX = "anon-";

  /** The shortest requester id replaced inside longer text (shorter ones only as a whole). */
  public static final int MIN_FREE_ID_LENGTH = 6;

  private static final Set<Class<?>> UNTOUCHED = Set.of(dev.ticketkit.core.TenantId.class,
      dev.ticketkit.core.TicketId.class, dev.ticketkit.core.Status.class,
      dev.ticketkit.core.Channel.class, java.time.Instant.class);

  private final String requesterId;
  private final String pseudonym;
  private final List<Map.Entry<String, String>> replacements;
  private final List<URI> attachments;

  private Erasure(String requesterId, String pseudonym, Map<String, String> replacements,
      List<URI> attachments) {
    this.requesterId = requesterId;
    this.pseudonym = pseudonym;
    Map<String, String> all = new LinkedHashMap<>();
    replacements.forEach((k, v) -> {
      all.putIfAbsent(k, v);
      String escaped = escape(k);
      if (!escaped.equals(k)) {
        all.putIfAbsent(escaped, v);
      }
    });
    if (requesterId.length() >= MIN_FREE_ID_LENGTH) {
      all.putIfAbsent(requesterId, pseudonym);
    }
    all.putIfAbsent(Actor.requester(requesterId).toString(),
        Actor.requester(pseudonym).toString());
    all.putIfAbsent("\"" + escape(requesterId) + "\"", "\"" + pseudonym + "\"");
    List<Map.Entry<String, String>> ordered = new ArrayList<>(all.entrySet());
    ordered.removeIf(e -> e.getKey().isEmpty());
    ordered.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length())
        .reversed());
    this.replacements = List.copyOf(ordered);
    this.attachments = List.copyOf(attachments);
  }

  /**
   * Returns an erasure.
   *
   * @param requesterId the requester's id in the host system
   * @param pseudonym what replaces the id: letters, digits and {@code -} only
   * @param replacements each personal text and what replaces it
   * @param attachments the attachment references the host should delete from its own storage
   * @return the erasure
   * @throws NullPointerException if an argument is null
   */
  public static Erasure of(String requesterId, String pseudonym,
      Map<String, String> replacements, List<URI> attachments) {
    Objects.requireNonNull(requesterId, "requesterId");
    Objects.requireNonNull(pseudonym, "pseudonym");
    return new Erasure(requesterId, pseudonym, Objects.requireNonNull(replacements,
        "replacements"), Objects.requireNonNull(attachments, "attachments"));
  }

  /**
   * Returns the requester's id that is erased.
   *
   * @return the id
   */
  public String requesterId() {
    return requesterId;
  }

  /**
   * Returns the pseudonym that replaces the requester's id.
   *
   * @return the pseudonym
   */
  public String pseudonym() {
    return pseudonym;
  }

  /**
   * Returns the substring replacements in the order {@link #apply(String)} makes them (longest
   * first), after the whole-value rule for the requester's id: for stores that apply the rule in
   * the database.
   *
   * @return each text to replace and its replacement, in order
   */
  public Map<String, String> replacements() {
    Map<String, String> ordered = new LinkedHashMap<>();
    replacements.forEach(e -> ordered.put(e.getKey(), e.getValue()));
    return Collections.unmodifiableMap(ordered);
  }

  /**
   * Returns the attachment references found in the ticket, for the host to delete.
   *
   * @return the references
   */
  public List<URI> attachments() {
    return attachments;
  }

  /**
   * Returns a stored text or JSON value with the requester's personal data replaced.
   *
   * @param value the stored value, or null
   * @return the value after erasure (the same instance if nothing was found), or null
   */
  public @Nullable String apply(@Nullable String value) {
    if (value == null) {
      return null;
    }
    if (value.equals(requesterId)) {
      return pseudonym;
    }
    String out = value;
    for (Map.Entry<String, String> r : replacements) {
      if (out.contains(r.getKey())) {
        out = out.replace(r.getKey(), r.getValue());
      }
    }
    return out.equals(value) ? value : out;
  }

  /**
   * Returns a value with {@link #apply(String)} applied to every text inside it: strings, URIs,
   * and the components of records and the elements of lists, rebuilt through their canonical
   * constructors (so their checks run). Tenants, ticket ids, states, channels and other values
   * come back as they are. For stores that keep domain values (history entries, conversation
   * entries, events) rather than text.
   *
   * @param <T> the value's type
   * @param value the value
   * @return the value after erasure, or the same instance if nothing changed
   */
  @SuppressWarnings("unchecked")
  public <T> @Nullable T rewrite(@Nullable T value) {
    if (value == null || UNTOUCHED.contains(value.getClass())) {
      return value;
    }
    if (value instanceof String s) {
      return (T) apply(s);
    }
    if (value instanceof URI u) {
      String after = apply(u.toString());
      return after.equals(u.toString()) ? value : (T) URI.create(after);
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      boolean changed = false;
      for (Object o : list) {
        Object r = rewrite(o);
        changed |= r != o;
        out.add(r);
      }
      return changed ? (T) Collections.unmodifiableList(out) : value;
    }
    if (value.getClass().isRecord()) {
      return rewriteRecord(value);
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private <T> T rewriteRecord(T value) {
    RecordComponent[] parts = value.getClass().getRecordComponents();
    Object[] args = new Object[parts.length];
    Class<?>[] types = new Class<?>[parts.length];
    boolean changed = false;
    try {
      for (int i = 0; i < parts.length; i++) {
        Object before = parts[i].getAccessor().invoke(value);
        args[i] = rewrite(before);
        changed |= args[i] != before;
        types[i] = parts[i].getType();
      }
      if (!changed) {
        return value;
      }
      Constructor<?> c = value.getClass().getDeclaredConstructor(types);
      return (T) c.newInstance(args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("cannot rebuild " + value.getClass().getName(), e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot rebuild " + value.getClass().getName(), e);
    }
  }

  private static String escape(String text) {
    return new String(JsonStringEncoder.getInstance().quoteAsString(text));
  }

  /** Returns the pseudonym and the number of replacements, never the personal data. */
  @Override
  public String toString() {
    return "Erasure[" + pseudonym + ", " + replacements.size() + " replacements, "
        + attachments.size() + " attachments]";
  }
}
