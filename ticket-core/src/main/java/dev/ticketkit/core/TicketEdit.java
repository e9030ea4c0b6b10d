package dev.ticketkit.core;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A set of changes to a ticket's descriptive fields: texts, requester, attachments, custom fields
 * and the resolution summary. {@code TicketService.edit} applies it in one stored change.
 *
 * <p>Status, priority, category, assignee, tier, tags, links and rating have their own service
 * operations, because the workflow and the events treat them specially. Build with
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

    private final Once once = new Once();
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
     * Sets the subject.
     *
     * @param value one line of at most {@value Ticket#MAX_SUBJECT_LENGTH} characters
     * @return this builder
     * @throws InvalidInputException if the value is null, blank, too long or has line breaks
     * @throws IllegalStateException if already set
     */
    public Builder subject(String value) {
      String v = Texts.line("subject", value, Ticket.MAX_SUBJECT_LENGTH);
      return change(TicketField.SUBJECT, t -> t.subject(v));
    }

    /**
     * Sets the description.
     *
     * @param value at most {@value Ticket#MAX_DESCRIPTION_LENGTH} characters
     * @return this builder
     * @throws InvalidInputException if the value is null, blank or too long
     * @throws IllegalStateException if already set
     */
    public Builder description(String value) {
      String v = Texts.required("description", value, Ticket.MAX_DESCRIPTION_LENGTH);
      return change(TicketField.DESCRIPTION, t -> t.description(v));
    }

    /**
     * Sets or clears the scenario.
     *
     * @param value at most {@value Ticket#MAX_SCENARIO_LENGTH} characters, or null to clear
     * @return this builder
     * @throws InvalidInputException if the value is blank or too long
     * @throws IllegalStateException if already set
     */
    public Builder scenario(@Nullable String value) {
      String v = Texts.optional("scenario", value, Ticket.MAX_SCENARIO_LENGTH);
      return change(TicketField.SCENARIO, t -> t.scenario(v));
    }

    /**
     * Sets or clears the error message.
     *
     * @param value at most {@value Ticket#MAX_ERROR_MESSAGE_LENGTH} characters, or null to clear
     * @return this builder
     * @throws InvalidInputException if the value is blank or too long
     * @throws IllegalStateException if already set
     */
    public Builder errorMessage(@Nullable String value) {
      String v = Texts.optional("errorMessage", value, Ticket.MAX_ERROR_MESSAGE_LENGTH);
      return change(TicketField.ERROR_MESSAGE, t -> t.errorMessage(v));
    }

    /**
     * Sets or clears the reproduction steps.
     *
     * @param value at most {@value Ticket#MAX_REPRODUCTION_STEPS_LENGTH} characters, or null
     * @return this builder
     * @throws InvalidInputException if the value is blank or too long
     * @throws IllegalStateException if already set
     */
    public Builder reproductionSteps(@Nullable String value) {
      String v =
          Texts.optional("reproductionSteps", value, Ticket.MAX_REPRODUCTION_STEPS_LENGTH);
      return change(TicketField.REPRODUCTION_STEPS, t -> t.reproductionSteps(v));
    }

    /**
     * Sets or clears the account or order number.
     *
     * @param value at most {@value Ticket#MAX_ACCOUNT_REFERENCE_LENGTH} characters, or null
     * @return this builder
     * @throws InvalidInputException if the value is blank or too long
     * @throws IllegalStateException if already set
     */
    public Builder accountReference(@Nullable String value) {
      String v = Texts.optional("accountReference", value, Ticket.MAX_ACCOUNT_REFERENCE_LENGTH);
      return change(TicketField.ACCOUNT_REFERENCE, t -> t.accountReference(v));
    }

    /**
     * Sets or clears the resolution summary.
     *
     * @param value at most {@value Ticket#MAX_RESOLUTION_SUMMARY_LENGTH} characters, or null
     * @return this builder
     * @throws InvalidInputException if the value is blank or too long
     * @throws IllegalStateException if already set
     */
    public Builder resolutionSummary(@Nullable String value) {
      String v =
          Texts.optional("resolutionSummary", value, Ticket.MAX_RESOLUTION_SUMMARY_LENGTH);
      return change(TicketField.RESOLUTION_SUMMARY, t -> t.resolutionSummary(v));
    }

    /**
     * Replaces the requester (a corrected name or a new handle).
     *
     * @param value the requester
     * @return this builder
     * @throws InvalidInputException if the value is null
     * @throws IllegalStateException if already set
     */
    public Builder requester(Requester value) {
      Requester v = Texts.notNull("requester", value);
      return change(TicketField.REQUESTER, t -> t.requester(v));
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
      String k = CustomFieldValue.checkKey(key);
      return change(TicketField.CUSTOM_PREFIX + k, t -> {
        if (value == null) {
          t.customFields.remove(k);
        } else {
          t.customFields.put(k, value);
        }
      });
    }

    /**
     * Adds an attachment; adding one whose URI is already attached fails when applied.
     *
     * @param value the attachment
     * @return this builder
     * @throws InvalidInputException if the value is null
     */
    public Builder addAttachment(Attachment value) {
      Attachment v = Texts.notNull("attachment", value);
      fields.add(TicketField.ATTACHMENTS);
      changes.add(t -> t.attachments.add(v));
      return this;
    }

    /**
     * Removes the attachment with the given URI, if there is one.
     *
     * @param uri the attachment's URI
     * @return this builder
     * @throws InvalidInputException if the URI is null
     */
    public Builder removeAttachment(URI uri) {
      URI v = Texts.notNull("uri", uri);
      fields.add(TicketField.ATTACHMENTS);
      changes.add(t -> t.attachments.removeIf(a -> a.uri().equals(v)));
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
