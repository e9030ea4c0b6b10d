package dev.ticketkit.core;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A support ticket: one request for help from one requester, as it stands at one version.
 *
 * <p>A ticket is an immutable snapshot. Changes go through {@code TicketService}, which checks the
 * workflow, stores a new snapshot with the next {@link #version()} and appends history. Build a
 * ticket with {@link #builder()} (stores do, when they read one back) and copy it with
 * {@link #toBuilder()} or the {@code withX} methods; every text is checked against the limits
 * below, counted in Unicode code points, and a violation throws {@link InvalidInputException}
 * naming the field. Instances are immutable and thread-safe.
 */
public final class Ticket {

  /** The longest subject accepted. */
  public static final int MAX_SUBJECT_LENGTH = 200;
  /** The longest description accepted. */
  public static final int MAX_DESCRIPTION_LENGTH = 20_000;
  /** The longest scenario (what the requester was doing) accepted. */
  public static final int MAX_SCENARIO_LENGTH = 4_000;
  /** The longest error message accepted. */
  public static final int MAX_ERROR_MESSAGE_LENGTH = 8_000;
  /** The longest reproduction steps accepted. */
  public static final int MAX_REPRODUCTION_STEPS_LENGTH = 8_000;
  /** The longest account or order number accepted. */
  public static final int MAX_ACCOUNT_REFERENCE_LENGTH = 64;
  /** The longest resolution summary accepted. */
  public static final int MAX_RESOLUTION_SUMMARY_LENGTH = 4_000;
  /** The most tags on one ticket. */
  public static final int MAX_TAGS = 50;
  /** The most attachments on one ticket. */
  public static final int MAX_ATTACHMENTS = 50;
  /** The most links from one ticket. */
  public static final int MAX_LINKS = 100;
  /** The most custom fields on one ticket. */
  public static final int MAX_CUSTOM_FIELDS = 100;

  private final TenantId tenant;
  private final TicketId id;
  private final long number;
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
  private final Status status;
  private final @Nullable Status returnStatus;
  private final Instant statusChangedAt;
  private final @Nullable AgentId acceptedBy;
  private final @Nullable AgentId assignee;
  private final SupportTier tier;
  private final SortedSet<Tag> tags;
  private final SortedMap<String, CustomFieldValue> customFields;
  private final List<TicketLink> links;
  private final @Nullable Rating rating;
  private final @Nullable String resolutionSummary;
  private final int cycle;
  private final Instant createdAt;
  private final Instant updatedAt;
  private final long version;

  Ticket(TicketBuilder b) {
    tenant = Texts.notNull("tenant", b.tenant);
    id = Texts.notNull("id", b.id);
    number = TicketChecks.positive("number", b.number);
    requester = Texts.notNull("requester", b.requester);
    channel = Texts.notNull("channel", b.channel);
    subject = Texts.line("subject", b.subject, MAX_SUBJECT_LENGTH);
    description = Texts.required("description", b.description, MAX_DESCRIPTION_LENGTH);
    scenario = Texts.optional("scenario", b.scenario, MAX_SCENARIO_LENGTH);
    errorMessage = Texts.optional("errorMessage", b.errorMessage, MAX_ERROR_MESSAGE_LENGTH);
    reproductionSteps =
        Texts.optional("reproductionSteps", b.reproductionSteps, MAX_REPRODUCTION_STEPS_LENGTH);
    attachments = TicketChecks.attachments(b.attachments);
    accountReference =
        Texts.optional("accountReference", b.accountReference, MAX_ACCOUNT_REFERENCE_LENGTH);
    category = b.category;
    priority = Texts.notNull("priority", b.priority);
    status = Texts.notNull("status", b.status);
    returnStatus = b.returnStatus;
    statusChangedAt = Texts.notNull("statusChangedAt", b.statusChangedAt);
    acceptedBy = b.acceptedBy;
    assignee = b.assignee;
    tier = Texts.notNull("tier", b.tier);
    tags = Collections.unmodifiableSortedSet(new TreeSet<>(TicketChecks.tags(b.tags)));
    customFields = Collections.unmodifiableSortedMap(TicketChecks.customFields(b.customFields));
    links = TicketChecks.links(b.links, id);
    rating = b.rating;
    resolutionSummary =
        Texts.optional("resolutionSummary", b.resolutionSummary, MAX_RESOLUTION_SUMMARY_LENGTH);
    cycle = (int) TicketChecks.positive("cycle", b.cycle);
    createdAt = Texts.notNull("createdAt", b.createdAt);
    updatedAt = TicketChecks.notBefore("updatedAt", b.updatedAt, createdAt);
    TicketChecks.notBefore("statusChangedAt", statusChangedAt, createdAt);
    version = TicketChecks.positive("version", b.version);
  }

  /**
   * Returns an empty builder.
   *
   * @return a new builder
   */
  public static TicketBuilder builder() {
    return new TicketBuilder();
  }

  /**
   * Returns a builder holding this ticket's values, to make a changed copy.
   *
   * @return a new builder
   */
  public TicketBuilder toBuilder() {
    return new TicketBuilder(this);
  }

  /** @return the tenant the ticket belongs to */
  public TenantId tenant() {
    return tenant;
  }

  /** @return the ticket's id */
  public TicketId id() {
    return id;
  }

  /** @return the human-friendly number, unique within the tenant, 1 or more */
  public long number() {
    return number;
  }

  /** @return the person who asked for help */
  public Requester requester() {
    return requester;
  }

  /** @return the channel the ticket arrived on */
  public Channel channel() {
    return channel;
  }

  /** @return the one-line subject */
  public String subject() {
    return subject;
  }

  /** @return the description */
  public String description() {
    return description;
  }

  /** @return what the requester was doing when the problem appeared, or null */
  public @Nullable String scenario() {
    return scenario;
  }

  /** @return the error message the requester saw, or null */
  public @Nullable String errorMessage() {
    return errorMessage;
  }

  /** @return the steps that reproduce the problem, or null */
  public @Nullable String reproductionSteps() {
    return reproductionSteps;
  }

  /** @return the attachments, in the order they were added */
  public List<Attachment> attachments() {
    return attachments;
  }

  /** @return the account or order number the ticket is about, or null */
  public @Nullable String accountReference() {
    return accountReference;
  }

  /** @return the category, or null while uncategorised */
  public @Nullable Category category() {
    return category;
  }

  /** @return the priority */
  public Priority priority() {
    return priority;
  }

  /** @return the workflow state */
  public Status status() {
    return status;
  }

  /** @return the state to return to when the requester answers, or null when not waiting */
  public @Nullable Status returnStatus() {
    return returnStatus;
  }

  /** @return when the ticket entered its current status */
  public Instant statusChangedAt() {
    return statusChangedAt;
  }

  /** @return the agent who accepted the ticket, or null before acceptance */
  public @Nullable AgentId acceptedBy() {
    return acceptedBy;
  }

  /** @return the agent working the ticket, or null when unassigned */
  public @Nullable AgentId assignee() {
    return assignee;
  }

  /** @return the support tier that owns the ticket */
  public SupportTier tier() {
    return tier;
  }

  /** @return the tags, sorted */
  public SortedSet<Tag> tags() {
    return tags;
  }

  /** @return the custom fields by key, sorted by key */
  public SortedMap<String, CustomFieldValue> customFields() {
    return customFields;
  }

  /** @return the links to other tickets, in the order they were added */
  public List<TicketLink> links() {
    return links;
  }

  /** @return the requester's rating of the current resolution cycle, or null */
  public @Nullable Rating rating() {
    return rating;
  }

  /** @return the agent's summary of the resolution in the current cycle, or null */
  public @Nullable String resolutionSummary() {
    return resolutionSummary;
  }

  /**
   * Returns the resolution cycle: 1 at intake, one more each time the ticket is reopened.
   *
   * @return the cycle number, 1 or more
   */
  public int cycle() {
    return cycle;
  }

  /** @return when the ticket was opened */
  public Instant createdAt() {
    return createdAt;
  }

  /** @return when the ticket last changed */
  public Instant updatedAt() {
    return updatedAt;
  }

  /**
   * Returns the version: 1 at intake, one more with every stored change.
   *
   * @return the version, 1 or more
   */
  public long version() {
    return version;
  }

  /**
   * Returns a copy with another priority (version and instants unchanged).
   *
   * @param newPriority the priority
   * @return the copy
   */
  public Ticket withPriority(Priority newPriority) {
    return toBuilder().priority(newPriority).build();
  }

  /**
   * Returns a copy with another assignee (version and instants unchanged).
   *
   * @param newAssignee the assignee, or null for none
   * @return the copy
   */
  public Ticket withAssignee(@Nullable AgentId newAssignee) {
    return toBuilder().assignee(newAssignee).build();
  }

  /**
   * Returns a copy with another version (instants unchanged).
   *
   * @param newVersion the version, 1 or more
   * @return the copy
   * @throws InvalidInputException if the version is below 1
   */
  public Ticket withVersion(long newVersion) {
    return toBuilder().version(newVersion).build();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof Ticket && TicketChecks.sameValues(this, (Ticket) o);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tenant, id, version, updatedAt, status);
  }

  /** Returns a short description for logs: tenant, number, id, status and version. */
  @Override
  public String toString() {
    return "Ticket[" + tenant + " #" + number + " " + id + " " + status + " v" + version + "]";
  }
}
