package dev.ticketkit.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link Ticket}: stores use it to read a ticket back, the service to make a changed copy.
 *
 * <p>Unlike configuration builders, a ticket builder may overwrite a value (it starts from a
 * copy); {@link #build()} checks every field and limit and names the first bad field. A new
 * builder defaults the priority to {@link Priority#MEDIUM}, the tier to
 * {@link SupportTier#FIRST}, the cycle and version to 1. Not thread-safe: use one builder on one
 * thread.
 */
public final class TicketBuilder {

  @Nullable TenantId tenant;
  @Nullable TicketId id;
  long number;
  @Nullable Requester requester;
  @Nullable Channel channel;
  @Nullable String subject;
  @Nullable String description;
  @Nullable String scenario;
  @Nullable String errorMessage;
  @Nullable String reproductionSteps;
  List<Attachment> attachments = new ArrayList<>();
  @Nullable String accountReference;
  @Nullable Category category;
  @Nullable Priority priority = Priority.MEDIUM;
  @Nullable Status status;
  @Nullable Status returnStatus;
  @Nullable Instant statusChangedAt;
  @Nullable AgentId acceptedBy;
  @Nullable AgentId assignee;
  @Nullable SupportTier tier = SupportTier.FIRST;
  TreeSet<Tag> tags = new TreeSet<>();
  Map<String, CustomFieldValue> customFields = new LinkedHashMap<>();
  List<TicketLink> links = new ArrayList<>();
  @Nullable Rating rating;
  @Nullable String resolutionSummary;
  long cycle = 1;
  @Nullable Instant createdAt;
  @Nullable Instant updatedAt;
  long version = 1;

  TicketBuilder() {}

  TicketBuilder(Ticket t) {
    tenant = t.tenant();
    id = t.id();
    number = t.number();
    requester = t.requester();
    channel = t.channel();
    subject = t.subject();
    description = t.description();
    scenario = t.scenario();
    errorMessage = t.errorMessage();
    reproductionSteps = t.reproductionSteps();
    attachments = new ArrayList<>(t.attachments());
    accountReference = t.accountReference();
    category = t.category();
    priority = t.priority();
    copyWork(t);
  }

  private void copyWork(Ticket t) {
    status = t.status();
    returnStatus = t.returnStatus();
    statusChangedAt = t.statusChangedAt();
    acceptedBy = t.acceptedBy();
    assignee = t.assignee();
    tier = t.tier();
    tags = new TreeSet<>(t.tags());
    customFields = new LinkedHashMap<>(t.customFields());
    links = new ArrayList<>(t.links());
    rating = t.rating();
    resolutionSummary = t.resolutionSummary();
    cycle = t.cycle();
    createdAt = t.createdAt();
    updatedAt = t.updatedAt();
    version = t.version();
  }

  /**
   * Sets the tenant.
   *
   * @param value the tenant
   * @return this builder
   */
  public TicketBuilder tenant(TenantId value) {
    tenant = value;
    return this;
  }

  /**
   * Sets the id.
   *
   * @param value the id
   * @return this builder
   */
  public TicketBuilder id(TicketId value) {
    id = value;
    return this;
  }

  /**
   * Sets the per-tenant number.
   *
   * @param value the number, 1 or more
   * @return this builder
   */
  public TicketBuilder number(long value) {
    number = value;
    return this;
  }

  /**
   * Sets the requester.
   *
   * @param value the requester
   * @return this builder
   */
  public TicketBuilder requester(Requester value) {
    requester = value;
    return this;
  }

  /**
   * Sets the intake channel.
   *
   * @param value the channel
   * @return this builder
   */
  public TicketBuilder channel(Channel value) {
    channel = value;
    return this;
  }

  /**
   * Sets the subject.
   *
   * @param value one line, at most {@value Ticket#MAX_SUBJECT_LENGTH} characters
   * @return this builder
   */
  public TicketBuilder subject(String value) {
    subject = value;
    return this;
  }

  /**
   * Sets the description.
   *
   * @param value at most {@value Ticket#MAX_DESCRIPTION_LENGTH} characters
   * @return this builder
   */
  public TicketBuilder description(String value) {
    description = value;
    return this;
  }

  /**
   * Sets the scenario.
   *
   * @param value at most {@value Ticket#MAX_SCENARIO_LENGTH} characters, or null
   * @return this builder
   */
  public TicketBuilder scenario(@Nullable String value) {
    scenario = value;
    return this;
  }

  /**
   * Sets the error message.
   *
   * @param value at most {@value Ticket#MAX_ERROR_MESSAGE_LENGTH} characters, or null
   * @return this builder
   */
  public TicketBuilder errorMessage(@Nullable String value) {
    errorMessage = value;
    return this;
  }

  /**
   * Sets the reproduction steps.
   *
   * @param value at most {@value Ticket#MAX_REPRODUCTION_STEPS_LENGTH} characters, or null
   * @return this builder
   */
  public TicketBuilder reproductionSteps(@Nullable String value) {
    reproductionSteps = value;
    return this;
  }

  /**
   * Replaces the attachments.
   *
   * @param values the attachments, distinct by URI, at most {@value Ticket#MAX_ATTACHMENTS}
   * @return this builder
   */
  public TicketBuilder attachments(Collection<Attachment> values) {
    attachments = new ArrayList<>(values);
    return this;
  }

  /**
   * Sets the account or order number.
   *
   * @param value at most {@value Ticket#MAX_ACCOUNT_REFERENCE_LENGTH} characters, or null
   * @return this builder
   */
  public TicketBuilder accountReference(@Nullable String value) {
    accountReference = value;
    return this;
  }

  /**
   * Sets the category.
   *
   * @param value the category, or null
   * @return this builder
   */
  public TicketBuilder category(@Nullable Category value) {
    category = value;
    return this;
  }

  /**
   * Sets the priority.
   *
   * @param value the priority
   * @return this builder
   */
  public TicketBuilder priority(Priority value) {
    priority = value;
    return this;
  }

  /**
   * Sets the status.
   *
   * @param value the status
   * @return this builder
   */
  public TicketBuilder status(Status value) {
    status = value;
    return this;
  }

  /**
   * Sets the status to return to when the requester answers.
   *
   * @param value the status, or null
   * @return this builder
   */
  public TicketBuilder returnStatus(@Nullable Status value) {
    returnStatus = value;
    return this;
  }

  /**
   * Sets when the ticket entered its status.
   *
   * @param value the instant, not before the creation instant
   * @return this builder
   */
  public TicketBuilder statusChangedAt(Instant value) {
    statusChangedAt = value;
    return this;
  }

  /**
   * Sets the accepting agent.
   *
   * @param value the agent, or null
   * @return this builder
   */
  public TicketBuilder acceptedBy(@Nullable AgentId value) {
    acceptedBy = value;
    return this;
  }

  /**
   * Sets the assignee.
   *
   * @param value the agent, or null
   * @return this builder
   */
  public TicketBuilder assignee(@Nullable AgentId value) {
    assignee = value;
    return this;
  }

  /**
   * Sets the support tier.
   *
   * @param value the tier
   * @return this builder
   */
  public TicketBuilder tier(SupportTier value) {
    tier = value;
    return this;
  }

  /**
   * Replaces the tags.
   *
   * @param values the tags, at most {@value Ticket#MAX_TAGS}
   * @return this builder
   */
  public TicketBuilder tags(Collection<Tag> values) {
    tags = new TreeSet<>(values);
    return this;
  }

  /**
   * Replaces the custom fields.
   *
   * @param values the values by key, at most {@value Ticket#MAX_CUSTOM_FIELDS}
   * @return this builder
   */
  public TicketBuilder customFields(Map<String, CustomFieldValue> values) {
    customFields = new LinkedHashMap<>(values);
    return this;
  }

  /**
   * Replaces the links.
   *
   * @param values the links, distinct, none to the ticket itself, at most
   *     {@value Ticket#MAX_LINKS}
   * @return this builder
   */
  public TicketBuilder links(Collection<TicketLink> values) {
    links = new ArrayList<>(values);
    return this;
  }

  /**
   * Sets the rating.
   *
   * @param value the rating, or null
   * @return this builder
   */
  public TicketBuilder rating(@Nullable Rating value) {
    rating = value;
    return this;
  }

  /**
   * Sets the resolution summary.
   *
   * @param value at most {@value Ticket#MAX_RESOLUTION_SUMMARY_LENGTH} characters, or null
   * @return this builder
   */
  public TicketBuilder resolutionSummary(@Nullable String value) {
    resolutionSummary = value;
    return this;
  }

  /**
   * Sets the resolution cycle.
   *
   * @param value the cycle, 1 or more
   * @return this builder
   */
  public TicketBuilder cycle(int value) {
    cycle = value;
    return this;
  }

  /**
   * Sets the creation instant.
   *
   * @param value the instant
   * @return this builder
   */
  public TicketBuilder createdAt(Instant value) {
    createdAt = value;
    return this;
  }

  /**
   * Sets the instant of the last change.
   *
   * @param value the instant, not before the creation instant
   * @return this builder
   */
  public TicketBuilder updatedAt(Instant value) {
    updatedAt = value;
    return this;
  }

  /**
   * Sets the version.
   *
   * @param value the version, 1 or more
   * @return this builder
   */
  public TicketBuilder version(long value) {
    version = value;
    return this;
  }

  /**
   * Checks every field and returns the ticket.
   *
   * @return the ticket
   * @throws InvalidInputException naming the first missing or bad field
   */
  public Ticket build() {
    return new Ticket(this);
  }
}
