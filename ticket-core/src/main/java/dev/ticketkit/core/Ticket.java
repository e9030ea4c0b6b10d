package dev.ticketkit.core;

import dev.ticketkit.core.internal.CoreAccess;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A support ticket: one request for help from one requester, as it stands at one version.
 *
 * <p>A ticket is an immutable snapshot. Changes go through {@code TicketService}, which checks the
 * workflow, stores a new snapshot with the next {@link #version()} and appends history; a host
 * never builds one itself. Its fields are those of the table {@link TicketFields}, which checks
 * every value (texts against the limits below, counted in Unicode code points, by
 * {@link TextRule}); a store reads a ticket back through
 * {@link dev.ticketkit.core.store.StoredTicket}, the one storage path, which runs the same
 * checks. Instances are immutable and thread-safe.
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
  /** The most handoffs a ticket may have. */
  public static final int MAX_HANDOFFS = 50;
  /** The most custom fields on one ticket. */
  public static final int MAX_CUSTOM_FIELDS = 100;

  static {
    CoreAccess.register(new CoreAccess.Tickets() {
      @Override
      public Ticket assemble(Function<TicketField<?>, @Nullable Object> values) {
        TicketBuilder b = new TicketBuilder();
        TicketFields.all().forEach(f -> b.setChecked(f, values.apply(f)));
        return b.build();
      }

      @Override
      public Ticket renumber(Ticket ticket, long number) {
        return ticket.toBuilder().number(number).build();
      }
    });
  }

  private final Object[] values;

  Ticket(TicketBuilder b) {
    Object[] checked = new Object[TicketFields.all().size()];
    for (TicketField<?> f : TicketFields.all()) {
      checked[f.index()] = checkOne(f, b);
    }
    values = checked;
    TicketChecks.invariants(this);
  }

  private static <T> @Nullable T checkOne(TicketField<T> field, TicketBuilder b) {
    return field.check(b.get(field));
  }

  /** Returns an empty builder: the service's and the stores' way to make a ticket. */
  static TicketBuilder builder() {
    return new TicketBuilder();
  }

  /** Returns a builder holding this ticket's values, to make a changed copy. */
  TicketBuilder toBuilder() {
    return new TicketBuilder(this);
  }

  /**
   * Returns the value of one field of the table ({@link TicketFields}); the typed accessors
   * below return the same values.
   *
   * @param field the field
   * @param <T> the field's value type
   * @return the value, or null for an absent optional field
   */
  @SuppressWarnings("unchecked")
  public <T> @Nullable T get(TicketField<T> field) {
    return (T) values[field.index()];
  }

  /** Returns a field's value, which the table declares required (never null). */
  private <T> T must(TicketField<T> field) {
    return java.util.Objects.requireNonNull(get(field));
  }

  /** @return the tenant the ticket belongs to */
  public TenantId tenant() {
    return must(TicketFields.TENANT);
  }

  /** @return the ticket's id */
  public TicketId id() {
    return must(TicketFields.ID);
  }

  /** @return the human-friendly number, unique within the tenant, 1 or more */
  public long number() {
    return must(TicketFields.NUMBER);
  }

  /** @return the person who asked for help */
  public Requester requester() {
    return must(TicketFields.REQUESTER);
  }

  /** @return the channel the ticket arrived on */
  public Channel channel() {
    return must(TicketFields.CHANNEL);
  }

  /** @return the one-line subject */
  public String subject() {
    return must(TicketFields.SUBJECT);
  }

  /** @return the description */
  public String description() {
    return must(TicketFields.DESCRIPTION);
  }

  /** @return what the requester was doing when the problem appeared, or null */
  public @Nullable String scenario() {
    return get(TicketFields.SCENARIO);
  }

  /** @return the error message the requester saw, or null */
  public @Nullable String errorMessage() {
    return get(TicketFields.ERROR_MESSAGE);
  }

  /** @return the steps that reproduce the problem, or null */
  public @Nullable String reproductionSteps() {
    return get(TicketFields.REPRODUCTION_STEPS);
  }

  /** @return the attachments, in the order they were added */
  public List<Attachment> attachments() {
    return must(TicketFields.ATTACHMENTS);
  }

  /** @return the account or order number the ticket is about, or null */
  public @Nullable String accountReference() {
    return get(TicketFields.ACCOUNT_REFERENCE);
  }

  /** @return the category, or null while uncategorised */
  public @Nullable Category category() {
    return get(TicketFields.CATEGORY);
  }

  /** @return the priority */
  public Priority priority() {
    return must(TicketFields.PRIORITY);
  }

  /** @return the workflow state */
  public Status status() {
    return must(TicketFields.STATUS);
  }

  /** @return the state to return to when the requester answers, or null when not waiting */
  public @Nullable Status returnStatus() {
    return get(TicketFields.RETURN_STATUS);
  }

  /** @return when the ticket entered its current status */
  public Instant statusChangedAt() {
    return must(TicketFields.STATUS_CHANGED_AT);
  }

  /** @return the agent who accepted the ticket, or null before acceptance */
  public @Nullable AgentId acceptedBy() {
    return get(TicketFields.ACCEPTED_BY);
  }

  /** @return the agent working the ticket, or null when unassigned */
  public @Nullable AgentId assignee() {
    return get(TicketFields.ASSIGNEE);
  }

  /** @return the support tier that owns the ticket */
  public SupportTier tier() {
    return must(TicketFields.TIER);
  }

  /** @return the tags, sorted */
  public SortedSet<Tag> tags() {
    return must(TicketFields.TAGS);
  }

  /** @return the custom fields by key, sorted by key */
  public SortedMap<String, CustomFieldValue> customFields() {
    return must(TicketFields.CUSTOM_FIELDS);
  }

  /** @return the links to other tickets, in the order they were added */
  public List<TicketLink> links() {
    return must(TicketFields.LINKS);
  }

  /** @return the requester's rating of the current resolution cycle, or null */
  public @Nullable Rating rating() {
    return get(TicketFields.RATING);
  }

  /**
   * Returns when the team last updated the requester: intake, then each public reply by an agent
   * or the system.
   *
   * @return the instant
   */
  public Instant requesterUpdatedAt() {
    return must(TicketFields.REQUESTER_UPDATED_AT);
  }

  /** @return the handoffs to other departments, by number (open and closed) */
  public List<Handoff> handoffs() {
    return must(TicketFields.HANDOFFS);
  }

  /**
   * Returns what the ticket records as a problem (a defect behind incidents).
   *
   * @return the record, or null if the ticket is not a problem
   */
  public @Nullable ProblemRecord problem() {
    return get(TicketFields.PROBLEM);
  }

  /** @return the agent's summary of the resolution in the current cycle, or null */
  public @Nullable String resolutionSummary() {
    return get(TicketFields.RESOLUTION_SUMMARY);
  }

  /**
   * Returns the resolution cycle: 1 at intake, one more each time the ticket is reopened.
   *
   * @return the cycle number, 1 or more
   */
  public int cycle() {
    return must(TicketFields.CYCLE);
  }

  /** @return when the ticket was opened */
  public Instant createdAt() {
    return must(TicketFields.CREATED_AT);
  }

  /** @return when the ticket last changed */
  public Instant updatedAt() {
    return must(TicketFields.UPDATED_AT);
  }

  /**
   * Returns the version: 1 at intake, one more with every stored change.
   *
   * @return the version, 1 or more
   */
  public long version() {
    return must(TicketFields.VERSION);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof Ticket other && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tenant(), id(), version(), updatedAt(), status());
  }

  /** Returns a short description for logs: tenant, number, id, status and version. */
  @Override
  public String toString() {
    return "Ticket[" + tenant() + " #" + number() + " " + id() + " " + status() + " v" + version()
        + "]";
  }
}
