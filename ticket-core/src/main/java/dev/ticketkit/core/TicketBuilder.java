package dev.ticketkit.core;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link Ticket} from one value per field of the table ({@link TicketFields}): the
 * service makes a changed copy with it, stores read a ticket back through
 * {@link dev.ticketkit.core.store.StoredTicket}. Not public: a host never builds a ticket.
 *
 * <p>A builder may overwrite a value (it starts from a copy); {@link #build()} checks every field
 * as the table declares and names the first bad field. A new builder holds the table's initial
 * values (priority {@link Priority#MEDIUM}, tier {@link SupportTier#FIRST}, cycle and version 1,
 * empty collections). The typed setters name what the workflow and the operations set. Not
 * thread-safe: use one builder on one thread.
 */
final class TicketBuilder {

  private final @Nullable Object[] values;

  TicketBuilder() {
    values = new Object[TicketFields.all().size()];
    for (TicketField<?> f : TicketFields.all()) {
      values[f.index()] = f.initial();
    }
  }

  TicketBuilder(Ticket t) {
    values = new Object[TicketFields.all().size()];
    for (TicketField<?> f : TicketFields.all()) {
      values[f.index()] = t.get(f);
    }
  }

  /** Sets one field's value (checked by {@link #build()}). */
  <T> TicketBuilder set(TicketField<T> field, @Nullable T value) {
    values[field.index()] = value;
    return this;
  }

  /** Sets a value whose type is not known statically, checking it against the field's type. */
  TicketBuilder setChecked(TicketField<?> field, @Nullable Object value) {
    if (value != null && !field.valueType().isInstance(value)) {
      throw new InvalidInputException(field.name(), value,
          "must be a " + field.valueType().getSimpleName());
    }
    values[field.index()] = value;
    return this;
  }

  /** Returns one field's value as set so far. */
  @SuppressWarnings("unchecked")
  <T> @Nullable T get(TicketField<T> field) {
    return (T) values[field.index()];
  }

  TicketBuilder tenant(TenantId value) {
    return set(TicketFields.TENANT, value);
  }

  TicketBuilder id(TicketId value) {
    return set(TicketFields.ID, value);
  }

  TicketBuilder number(long value) {
    return set(TicketFields.NUMBER, value);
  }

  TicketBuilder priority(Priority value) {
    return set(TicketFields.PRIORITY, value);
  }

  TicketBuilder category(@Nullable Category value) {
    return set(TicketFields.CATEGORY, value);
  }

  TicketBuilder status(Status value) {
    return set(TicketFields.STATUS, value);
  }

  TicketBuilder returnStatus(@Nullable Status value) {
    return set(TicketFields.RETURN_STATUS, value);
  }

  TicketBuilder statusChangedAt(Instant value) {
    return set(TicketFields.STATUS_CHANGED_AT, value);
  }

  TicketBuilder acceptedBy(@Nullable AgentId value) {
    return set(TicketFields.ACCEPTED_BY, value);
  }

  TicketBuilder assignee(@Nullable AgentId value) {
    return set(TicketFields.ASSIGNEE, value);
  }

  @Nullable AgentId assignee() {
    return get(TicketFields.ASSIGNEE);
  }

  TicketBuilder tier(SupportTier value) {
    return set(TicketFields.TIER, value);
  }

  @Nullable SupportTier tier() {
    return get(TicketFields.TIER);
  }

  TicketBuilder tags(Collection<Tag> value) {
    SortedSet<Tag> tags = new TreeSet<>(value);
    return set(TicketFields.TAGS, tags);
  }

  TicketBuilder customFields(Map<String, CustomFieldValue> value) {
    SortedMap<String, CustomFieldValue> fields = new TreeMap<>(value);
    return set(TicketFields.CUSTOM_FIELDS, fields);
  }

  TicketBuilder attachments(List<Attachment> value) {
    return set(TicketFields.ATTACHMENTS, value);
  }

  TicketBuilder links(List<TicketLink> value) {
    return set(TicketFields.LINKS, value);
  }

  TicketBuilder rating(@Nullable Rating value) {
    return set(TicketFields.RATING, value);
  }

  TicketBuilder resolutionSummary(@Nullable String value) {
    return set(TicketFields.RESOLUTION_SUMMARY, value);
  }

  TicketBuilder cycle(int value) {
    return set(TicketFields.CYCLE, value);
  }

  int cycle() {
    Integer cycle = get(TicketFields.CYCLE);
    return cycle == null ? 0 : cycle;
  }

  TicketBuilder createdAt(Instant value) {
    return set(TicketFields.CREATED_AT, value);
  }

  TicketBuilder updatedAt(Instant value) {
    return set(TicketFields.UPDATED_AT, value);
  }

  TicketBuilder version(long value) {
    return set(TicketFields.VERSION, value);
  }

  /**
   * Checks every field and returns the ticket. A ticket whose requester was never updated by the
   * team counts from its creation ({@code requesterUpdatedAt} defaults to {@code createdAt}).
   *
   * @return the ticket
   * @throws InvalidInputException naming the first missing or bad field
   */
  Ticket build() {
    if (values[TicketFields.REQUESTER_UPDATED_AT.index()] == null) {
      values[TicketFields.REQUESTER_UPDATED_AT.index()] = values[TicketFields.CREATED_AT.index()];
    }
    return new Ticket(this);
  }
}
