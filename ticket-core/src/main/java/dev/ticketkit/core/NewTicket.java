package dev.ticketkit.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What a caller knows about a ticket at intake: the requester, the channel, what is wrong, and the
 * first classification. {@code TicketService.open} turns it into a {@link Ticket}.
 *
 * <p>Requester, channel, subject and description are required; priority defaults to
 * {@link Priority#MEDIUM} and tier to {@link SupportTier#FIRST}. Build with {@link #builder()}.
 * Instances are immutable and thread-safe.
 */
public final class NewTicket {

  private final Requester requester;
  private final Channel channel;
  private final String subject;
  private final String description;
  private final @Nullable String scenario;
  private final @Nullable String errorMessage;
  private final @Nullable String reproductionSteps;
  private final List<Attachment> attachments;
  private final @Nullable String accountReference;
  private final @Nullable Category category;
  private final Priority priority;
  private final SupportTier tier;
  private final SortedSet<Tag> tags;
  private final Map<String, CustomFieldValue> customFields;

  private NewTicket(Builder b) {
    requester = Texts.notNull("requester", b.requester);
    channel = Texts.notNull("channel", b.channel);
    subject = Texts.line("subject", b.subject, Ticket.MAX_SUBJECT_LENGTH);
    description = Texts.required("description", b.description, Ticket.MAX_DESCRIPTION_LENGTH);
    scenario = b.scenario;
    errorMessage = b.errorMessage;
    reproductionSteps = b.reproductionSteps;
    attachments = TicketChecks.attachments(b.attachments);
    accountReference = b.accountReference;
    category = b.category;
    priority = b.priority;
    tier = b.tier;
    tags = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(TicketChecks.tags(b.tags)));
    customFields =
        java.util.Collections.unmodifiableMap(TicketChecks.customFields(b.customFields));
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
    return requester;
  }

  /** @return the intake channel */
  public Channel channel() {
    return channel;
  }

  /** @return the subject */
  public String subject() {
    return subject;
  }

  /** @return the description */
  public String description() {
    return description;
  }

  /** @return the scenario, or null */
  public @Nullable String scenario() {
    return scenario;
  }

  /** @return the error message, or null */
  public @Nullable String errorMessage() {
    return errorMessage;
  }

  /** @return the reproduction steps, or null */
  public @Nullable String reproductionSteps() {
    return reproductionSteps;
  }

  /** @return the attachments */
  public List<Attachment> attachments() {
    return attachments;
  }

  /** @return the account or order number, or null */
  public @Nullable String accountReference() {
    return accountReference;
  }

  /** @return the category, or null */
  public @Nullable Category category() {
    return category;
  }

  /** @return the priority */
  public Priority priority() {
    return priority;
  }

  /** @return the support tier the ticket starts in */
  public SupportTier tier() {
    return tier;
  }

  /** @return the tags */
  public SortedSet<Tag> tags() {
    return tags;
  }

  /** @return the custom fields by key */
  public Map<String, CustomFieldValue> customFields() {
    return customFields;
  }

  /**
   * Builds a {@link NewTicket}. Each setter checks its value at once and may be called only once.
   * Not thread-safe.
   */
  public static final class Builder {

    private final Once once = new Once();
    private @Nullable Requester requester;
    private @Nullable Channel channel;
    private @Nullable String subject;
    private @Nullable String description;
    private @Nullable String scenario;
    private @Nullable String errorMessage;
    private @Nullable String reproductionSteps;
    private final List<Attachment> attachments = new ArrayList<>();
    private @Nullable String accountReference;
    private @Nullable Category category;
    private Priority priority = Priority.MEDIUM;
    private SupportTier tier = SupportTier.FIRST;
    private final SortedSet<Tag> tags = new TreeSet<>();
    private final Map<String, CustomFieldValue> customFields = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets the requester.
     *
     * @param value the requester
     * @return this builder
     * @throws InvalidInputException if the value is null
     * @throws IllegalStateException if already set
     */
    public Builder requester(Requester value) {
      once.mark("requester");
      requester = Texts.notNull("requester", value);
      return this;
    }

    /**
     * Sets the intake channel.
     *
     * @param value the channel
     * @return this builder
     * @throws InvalidInputException if the value is null
     * @throws IllegalStateException if already set
     */
    public Builder channel(Channel value) {
      once.mark("channel");
      channel = Texts.notNull("channel", value);
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
      once.mark("subject");
      subject = Texts.line("subject", value, Ticket.MAX_SUBJECT_LENGTH);
      return this;
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
      once.mark("description");
      description = Texts.required("description", value, Ticket.MAX_DESCRIPTION_LENGTH);
      return this;
    }

    /**
     * Sets the scenario: what the requester was doing.
     *
     * @param value at most {@value Ticket#MAX_SCENARIO_LENGTH} characters, or null
     * @return this builder
     * @throws InvalidInputException if the value is blank or too long
     * @throws IllegalStateException if already set
     */
    public Builder scenario(@Nullable String value) {
      once.mark("scenario");
      scenario = Texts.optional("scenario", value, Ticket.MAX_SCENARIO_LENGTH);
      return this;
    }

    /**
     * Sets the error message the requester saw.
     *
     * @param value at most {@value Ticket#MAX_ERROR_MESSAGE_LENGTH} characters, or null
     * @return this builder
     * @throws InvalidInputException if the value is blank or too long
     * @throws IllegalStateException if already set
     */
    public Builder errorMessage(@Nullable String value) {
      once.mark("errorMessage");
      errorMessage = Texts.optional("errorMessage", value, Ticket.MAX_ERROR_MESSAGE_LENGTH);
      return this;
    }

    /**
     * Sets the reproduction steps.
     *
     * @param value at most {@value Ticket#MAX_REPRODUCTION_STEPS_LENGTH} characters, or null
     * @return this builder
     * @throws InvalidInputException if the value is blank or too long
     * @throws IllegalStateException if already set
     */
    public Builder reproductionSteps(@Nullable String value) {
      once.mark("reproductionSteps");
      reproductionSteps =
          Texts.optional("reproductionSteps", value, Ticket.MAX_REPRODUCTION_STEPS_LENGTH);
      return this;
    }

    /**
     * Adds an attachment.
     *
     * @param value the attachment; its URI must not repeat
     * @return this builder
     * @throws InvalidInputException if the value is null, repeated, or one too many
     */
    public Builder attachment(Attachment value) {
      List<Attachment> more = new ArrayList<>(attachments);
      more.add(Texts.notNull("attachment", value));
      TicketChecks.attachments(more);
      attachments.add(value);
      return this;
    }

    /**
     * Sets the account or order number.
     *
     * @param value at most {@value Ticket#MAX_ACCOUNT_REFERENCE_LENGTH} characters, or null
     * @return this builder
     * @throws InvalidInputException if the value is blank or too long
     * @throws IllegalStateException if already set
     */
    public Builder accountReference(@Nullable String value) {
      once.mark("accountReference");
      accountReference =
          Texts.optional("accountReference", value, Ticket.MAX_ACCOUNT_REFERENCE_LENGTH);
      return this;
    }

    /**
     * Sets the category.
     *
     * @param value the category, or null
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder category(@Nullable Category value) {
      once.mark("category");
      category = value;
      return this;
    }

    /**
     * Sets the priority.
     *
     * @param value the priority
     * @return this builder
     * @throws InvalidInputException if the value is null
     * @throws IllegalStateException if already set
     */
    public Builder priority(Priority value) {
      once.mark("priority");
      priority = Texts.notNull("priority", value);
      return this;
    }

    /**
     * Sets the support tier the ticket starts in.
     *
     * @param value the tier
     * @return this builder
     * @throws InvalidInputException if the value is null
     * @throws IllegalStateException if already set
     */
    public Builder tier(SupportTier value) {
      once.mark("tier");
      tier = Texts.notNull("tier", value);
      return this;
    }

    /**
     * Adds a tag; adding a tag twice keeps one.
     *
     * @param value the tag
     * @return this builder
     * @throws InvalidInputException if the value is null or one too many
     */
    public Builder tag(Tag value) {
      TreeSet<Tag> more = new TreeSet<>(tags);
      more.add(Texts.notNull("tag", value));
      TicketChecks.tags(more);
      tags.add(value);
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
      Map<String, CustomFieldValue> more = new LinkedHashMap<>(customFields);
      more.put(CustomFieldValue.checkKey(key), Texts.notNull(key, value));
      TicketChecks.customFields(more);
      once.mark(TicketField.CUSTOM_PREFIX + key);
      customFields.put(key, value);
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
