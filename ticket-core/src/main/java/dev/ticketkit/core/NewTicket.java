package dev.ticketkit.core;

import dev.ticketkit.core.internal.SetOnce;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What a caller knows about a ticket at intake: the requester, the channel, what is wrong, and the
 * first classification. {@code TicketService.open} turns it into a {@link Ticket}.
 *
 * <p>It holds the fields the field table ({@link TicketFields}) marks settable at intake.
 * Requester, channel, subject and description are required; priority defaults to
 * {@link Priority#MEDIUM} and tier to {@link SupportTier#FIRST}. Build with {@link #builder()}.
 * Instances are immutable and thread-safe.
 */
public final class NewTicket {

  private final @Nullable Object[] values;

  private NewTicket(Builder b) {
    values = new Object[TicketFields.all().size()];
    for (TicketField<?> f : INTAKE) {
      values[f.index()] = checked(f, b.values[f.index()]);
    }
  }

  /** The fields a caller may give at intake, in table order. */
  static final List<TicketField<?>> INTAKE = TicketFields.all().stream()
      .filter(TicketField::isSettableAtIntake).toList();

  @SuppressWarnings("unchecked")
  private static <T> @Nullable T checked(TicketField<T> field, @Nullable Object value) {
    return field.check((T) value);
  }

  /**
   * Returns the value given for a field, or its initial value (see {@link TicketFields}).
   *
   * @param field a field settable at intake
   * @param <T> the field's value type
   * @return the value, or null if an optional field was not given
   * @throws InvalidInputException if the field is not taken at intake
   */
  @SuppressWarnings("unchecked")
  public <T> @Nullable T get(TicketField<T> field) {
    if (!field.isSettableAtIntake()) {
      throw new InvalidInputException("field", field, "is not taken at intake");
    }
    return (T) values[field.index()];
  }

  private <T> T must(TicketField<T> field) {
    return java.util.Objects.requireNonNull(get(field));
  }

  /**
   * Returns a new, empty builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the requester */
  public Requester requester() {
    return must(TicketFields.REQUESTER);
  }

  /** @return the intake channel */
  public Channel channel() {
    return must(TicketFields.CHANNEL);
  }

  /** @return the subject */
  public String subject() {
    return must(TicketFields.SUBJECT);
  }

  /** @return the description */
  public String description() {
    return must(TicketFields.DESCRIPTION);
  }

  /** @return the scenario, or null */
  public @Nullable String scenario() {
    return get(TicketFields.SCENARIO);
  }

  /** @return the error message, or null */
  public @Nullable String errorMessage() {
    return get(TicketFields.ERROR_MESSAGE);
  }

  /** @return the reproduction steps, or null */
  public @Nullable String reproductionSteps() {
    return get(TicketFields.REPRODUCTION_STEPS);
  }

  /** @return the attachments */
  public List<Attachment> attachments() {
    return must(TicketFields.ATTACHMENTS);
  }

  /** @return the account or order number, or null */
  public @Nullable String accountReference() {
    return get(TicketFields.ACCOUNT_REFERENCE);
  }

  /** @return the category, or null */
  public @Nullable Category category() {
    return get(TicketFields.CATEGORY);
  }

  /** @return the priority */
  public Priority priority() {
    return must(TicketFields.PRIORITY);
  }

  /** @return the support tier the ticket starts in */
  public SupportTier tier() {
    return must(TicketFields.TIER);
  }

  /** @return the tags */
  public SortedSet<Tag> tags() {
    return must(TicketFields.TAGS);
  }

  /** @return the custom fields by key, sorted by key */
  public SortedMap<String, CustomFieldValue> customFields() {
    return must(TicketFields.CUSTOM_FIELDS);
  }

  /**
   * Builds a {@link NewTicket}. Each setter checks its value at once and may be called only once
   * (tags, attachments and custom fields are added one by one). Not thread-safe.
   */
  public static final class Builder {

    private final SetOnce once = new SetOnce();
    private final @Nullable Object[] values;

    private Builder() {
      values = new Object[TicketFields.all().size()];
      INTAKE.forEach(f -> values[f.index()] = f.initial());
    }

    /**
     * Sets a field the table marks settable at intake ({@link TicketField#isSettableAtIntake()}):
     * what the typed setters below do, for any such single-valued field.
     *
     * @param field the field
     * @param value the value (null for an optional field left empty)
     * @param <T> the field's value type
     * @return this builder
     * @throws InvalidInputException if the field is not taken at intake or is a collection
     *     (added with its own method), or the value breaks the field's rules
     * @throws IllegalStateException if already set
     */
    public <T> Builder set(TicketField<T> field, @Nullable T value) {
      Texts.notNull("field", field);
      if (!field.isSettableAtIntake() || field.isCollection()) {
        throw new InvalidInputException("field", field, field.isCollection()
            ? "is added element by element" : "is not taken at intake");
      }
      once.mark(field.name());
      values[field.index()] = field.check(value);
      return this;
    }

    @SuppressWarnings("unchecked")
    private <T> T current(TicketField<T> field) {
      return (T) values[field.index()];
    }

    /**
     * Sets the requester.
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
     * Sets the intake channel.
     *
     * @param value the channel
     * @return this builder
     * @throws NullPointerException if the value is null
     * @throws IllegalStateException if already set
     */
    public Builder channel(Channel value) {
      Objects.requireNonNull(value, "value");
      return set(TicketFields.CHANNEL, value);
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
     * Sets the scenario: what the requester was doing.
     *
     * @param value at most {@value Ticket#MAX_SCENARIO_LENGTH} characters, or null
     * @return this builder
     * @throws InvalidInputException if the value is blank, too long or not well-formed
     * @throws IllegalStateException if already set
     */
    public Builder scenario(@Nullable String value) {
      return set(TicketFields.SCENARIO, value);
    }

    /**
     * Sets the error message the requester saw.
     *
     * @param value at most {@value Ticket#MAX_ERROR_MESSAGE_LENGTH} characters, or null
     * @return this builder
     * @throws InvalidInputException if the value is blank, too long or not well-formed
     * @throws IllegalStateException if already set
     */
    public Builder errorMessage(@Nullable String value) {
      return set(TicketFields.ERROR_MESSAGE, value);
    }

    /**
     * Sets the reproduction steps.
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
     * Adds an attachment.
     *
     * @param value the attachment; its URI must not repeat
     * @return this builder
     * @throws NullPointerException if the value is null
     * @throws InvalidInputException if the value is repeated, or one too many
     */
    public Builder attachment(Attachment value) {
      List<Attachment> more = new ArrayList<>(current(TicketFields.ATTACHMENTS));
      more.add(Texts.notNull("attachment", value));
      values[TicketFields.ATTACHMENTS.index()] = TicketFields.ATTACHMENTS.check(more);
      return this;
    }

    /**
     * Sets the account or order number.
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
     * Sets the category.
     *
     * @param value the category, or null
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder category(@Nullable Category value) {
      return set(TicketFields.CATEGORY, value);
    }

    /**
     * Sets the priority.
     *
     * @param value the priority
     * @return this builder
     * @throws NullPointerException if the value is null
     * @throws IllegalStateException if already set
     */
    public Builder priority(Priority value) {
      Objects.requireNonNull(value, "value");
      return set(TicketFields.PRIORITY, value);
    }

    /**
     * Sets the support tier the ticket starts in.
     *
     * @param value the tier
     * @return this builder
     * @throws NullPointerException if the value is null
     * @throws IllegalStateException if already set
     */
    public Builder tier(SupportTier value) {
      Objects.requireNonNull(value, "value");
      return set(TicketFields.TIER, value);
    }

    /**
     * Adds a tag; adding a tag twice keeps one.
     *
     * @param value the tag
     * @return this builder
     * @throws NullPointerException if the value is null
     * @throws InvalidInputException if one too many
     */
    public Builder tag(Tag value) {
      TreeSet<Tag> more = new TreeSet<>(current(TicketFields.TAGS));
      more.add(Texts.notNull("tag", value));
      values[TicketFields.TAGS.index()] = TicketFields.TAGS.check(more);
      return this;
    }

    /**
     * Sets a custom field.
     *
     * @param key the key
     * @param value the value
     * @return this builder
     * @throws InvalidInputException if the key is not valid, the value null, or one too many
     * @throws IllegalStateException if the key is already set
     */
    public Builder customField(String key, CustomFieldValue value) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      SortedMap<String, CustomFieldValue> more =
          new TreeMap<>(current(TicketFields.CUSTOM_FIELDS));
      more.put(CustomFieldValue.checkKey(key), Texts.notNull(key, value));
      SortedMap<String, CustomFieldValue> checked = TicketFields.CUSTOM_FIELDS.check(more);
      once.mark(TicketField.CUSTOM_PREFIX + key);
      values[TicketFields.CUSTOM_FIELDS.index()] = checked;
      return this;
    }

    /**
     * Checks that the required fields are set and returns the intake form.
     *
     * @return the intake form
     * @throws InvalidInputException naming the first missing field
     */
    public NewTicket build() {
      return new NewTicket(this);
    }
  }
}
