package dev.ticketkit.core;

import dev.ticketkit.core.internal.SetOnce;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A set of changes to a ticket's descriptive fields: texts, requester, attachments, custom fields
 * and the resolution summary. {@code TicketService.edit} applies it in one stored change.
 *
 * <p>It changes the fields the field table ({@link TicketFields}) marks editable. Status,
 * priority, category, assignee, tier, tags, links and rating have their own service operations,
 * because the workflow and the events treat them specially. Build with
 * {@link #builder()}. Instances are immutable and thread-safe.
 */
public final class TicketEdit {

  private final List<Consumer<TicketBuilder>> changes;
  private final Set<String> fields;

  private TicketEdit(Builder b) {
    changes = List.copyOf(b.changes);
    fields = Collections.unmodifiableSet(new LinkedHashSet<>(b.fields));
  }

  /**
   * Returns a new, empty builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the names of the fields this edit sets, as in {@link TicketField}.
   *
   * @return the field names, in the order they were set
   */
  public Set<String> fields() {
    return fields;
  }

  /** Applies the changes to a builder holding the ticket's current values. */
  void applyTo(TicketBuilder ticket) {
    changes.forEach(c -> c.accept(ticket));
  }

  /**
   * Builds a {@link TicketEdit}. Each setter checks its value at once; a field may be set once.
   * Not thread-safe.
   */
  public static final class Builder {

    private final SetOnce once = new SetOnce();
    private final List<Consumer<TicketBuilder>> changes = new ArrayList<>();
    private final List<String> fields = new ArrayList<>();

    private Builder() {}

    private Builder change(String field, Consumer<TicketBuilder> change) {
      once.mark(field);
      fields.add(field);
      changes.add(change);
      return this;
    }

    /**
     * Sets or clears a field the table marks editable ({@link TicketField#isEditable()}): what
     * the typed setters below do, for any such single-valued field.
     *
     * @param field the field
     * @param value the value, or null to clear an optional field
     * @param <T> the field's value type
     * @return this builder
     * @throws InvalidInputException if the field is not editable or is a collection (changed
     *     with its own method), or the value breaks the field's rules
     * @throws IllegalStateException if already set
     */
    public <T> Builder set(TicketField<T> field, @Nullable T value) {
      Texts.notNull("field", field);
      if (!field.isEditable() || field.isCollection()) {
        throw new InvalidInputException("field", field, field.isEditable()
            ? "is changed element by element" : "is not editable");
      }
      T checked = field.check(value);
      return change(field.name(), t -> t.set(field, checked));
    }

    /**
     * Sets the subject.
     *
     * @param value one line of at most {@value Ticket#MAX_SUBJECT_LENGTH} characters
     * @return this builder
     * @throws NullPointerException if the value is null
     * @throws InvalidInputException if the value is blank, too long, has line breaks or is
     *     not well-formed text (see {@link TextRule})
     * @throws IllegalStateException if already set
     */
    public Builder subject(String value) {
      Objects.requireNonNull(value, "value");
      return set(TicketFields.SUBJECT, value);
    }

    /**
     * Sets the description.
     *
     * @param value at most {@value Ticket#MAX_DESCRIPTION_LENGTH} characters
     * @return this builder
     * @throws NullPointerException if the value is null
     * @throws InvalidInputException if the value is blank, too long or not well-formed
     * @throws IllegalStateException if already set
     */
    public Builder description(String value) {
      Objects.requireNonNull(value, "value");
      return set(TicketFields.DESCRIPTION, value);
    }

    /**
     * Sets or clears the scenario.
     *
     * @param value at most {@value Ticket#MAX_SCENARIO_LENGTH} characters, or null to clear
     * @return this builder
     * @throws InvalidInputException if the value is blank, too long or not well-formed
     * @throws IllegalStateException if already set
     */
    public Builder scenario(@Nullable String value) {
      return set(TicketFields.SCENARIO, value);
    }

    /**
     * Sets or clears the error message.
     *
     * @param value at most {@value Ticket#MAX_ERROR_MESSAGE_LENGTH} characters, or null to clear
     * @return this builder
     * @throws InvalidInputException if the value is blank, too long or not well-formed
     * @throws IllegalStateException if already set
     */
    public Builder errorMessage(@Nullable String value) {
      return set(TicketFields.ERROR_MESSAGE, value);
    }

    /**
     * Sets or clears the reproduction steps.
     *
     * @param value at most {@value Ticket#MAX_REPRODUCTION_STEPS_LENGTH} characters, or null
     * @return this builder
     * @throws InvalidInputException if the value is blank, too long or not well-formed
     * @throws IllegalStateException if already set
     */
    public Builder reproductionSteps(@Nullable String value) {
      return set(TicketFields.REPRODUCTION_STEPS, value);
    }

    /**
     * Sets or clears the account or order number.
     *
     * @param value at most {@value Ticket#MAX_ACCOUNT_REFERENCE_LENGTH} characters, or null
     * @return this builder
     * @throws InvalidInputException if the value is blank, too long or not well-formed
     * @throws IllegalStateException if already set
     */
    public Builder accountReference(@Nullable String value) {
      return set(TicketFields.ACCOUNT_REFERENCE, value);
    }

    /**
     * Sets or clears the resolution summary.
     *
     * @param value at most {@value Ticket#MAX_RESOLUTION_SUMMARY_LENGTH} characters, or null
     * @return this builder
     * @throws InvalidInputException if the value is blank, too long or not well-formed
     * @throws IllegalStateException if already set
     */
    public Builder resolutionSummary(@Nullable String value) {
      return set(TicketFields.RESOLUTION_SUMMARY, value);
    }

    /**
     * Replaces the requester (a corrected name or a new handle).
     *
     * @param value the requester
     * @return this builder
     * @throws NullPointerException if the value is null
     * @throws IllegalStateException if already set
     */
    public Builder requester(Requester value) {
      Objects.requireNonNull(value, "value");
      return set(TicketFields.REQUESTER, value);
    }

    /**
     * Sets or removes a custom field.
     *
     * @param key the key
     * @param value the value, or null to remove the field
     * @return this builder
     * @throws InvalidInputException if the key is not valid
     * @throws IllegalStateException if the key is already set in this edit
     */
    public Builder customField(String key, @Nullable CustomFieldValue value) {
      Objects.requireNonNull(key, "key");
      String k = CustomFieldValue.checkKey(key);
      return change(TicketField.CUSTOM_PREFIX + k, t -> {
        SortedMap<String, CustomFieldValue> fields =
            new TreeMap<>(t.get(TicketFields.CUSTOM_FIELDS));
        if (value == null) {
          fields.remove(k);
        } else {
          fields.put(k, value);
        }
        t.set(TicketFields.CUSTOM_FIELDS, fields);
      });
    }

    /**
     * Adds an attachment; adding one whose URI is already attached fails when applied.
     *
     * @param value the attachment
     * @return this builder
     * @throws NullPointerException if the value is null
     */
    public Builder addAttachment(Attachment value) {
      Attachment v = Texts.notNull("attachment", value);
      return attachments(t -> t.add(v));
    }

    /**
     * Removes the attachment with the given URI, if there is one.
     *
     * @param uri the attachment's URI
     * @return this builder
     * @throws NullPointerException if the URI is null
     */
    public Builder removeAttachment(URI uri) {
      URI v = Texts.notNull("uri", uri);
      return attachments(t -> t.removeIf(a -> a.uri().equals(v)));
    }

    private Builder attachments(Consumer<List<Attachment>> change) {
      fields.add(TicketField.ATTACHMENTS);
      changes.add(t -> {
        List<Attachment> attachments = new ArrayList<>(t.get(TicketFields.ATTACHMENTS));
        change.accept(attachments);
        t.set(TicketFields.ATTACHMENTS, attachments);
      });
      return this;
    }

    /**
     * Returns the edit.
     *
     * @return the edit
     * @throws InvalidInputException if nothing was set
     */
    public TicketEdit build() {
      if (changes.isEmpty()) {
        throw new InvalidInputException("edit", "{}", "must change at least one field");
      }
      return new TicketEdit(this);
    }
  }
}
