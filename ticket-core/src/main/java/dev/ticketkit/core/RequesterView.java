package dev.ticketkit.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * A ticket as its requester may see it: exactly the fields the field table ({@link TicketFields})
 * marks {@link Visibility#PUBLIC}, and the public replies.
 *
 * <p>It never holds internal notes or internal fields: no requester record, assignee or accepting
 * agent, support tier, priority, category, tags, custom fields, links or agent ids. Read a field
 * with its typed accessor or with {@link #get(TicketField)}; {@link #fields()} lists what the
 * view holds. Build it with {@link #of(Ticket, List)}, which drops every internal note. Instances
 * are immutable and thread-safe.
 */
public final class RequesterView {

  private static final List<TicketField<?>> VISIBLE = TicketFields.all().stream()
      .filter(f -> f.visibility() == Visibility.PUBLIC).toList();

  private final @Nullable Object[] values;
  private final List<PublicReply> replies;

  private RequesterView(Ticket ticket, List<PublicReply> replies) {
    values = new Object[TicketFields.all().size()];
    VISIBLE.forEach(f -> values[f.index()] = ticket.get(f));
    this.replies = List.copyOf(replies);
  }

  /**
   * Returns the requester's view of a ticket and its conversation.
   *
   * @param ticket the ticket
   * @param conversation the ticket's conversation, oldest first; internal notes are dropped
   * @return the view
   * @throws NullPointerException if an argument is null
   * @throws InvalidInputException if an entry belongs to another ticket
   */
  public static RequesterView of(Ticket ticket, List<ConversationEntry> conversation) {
    Texts.notNull("ticket", ticket);
    List<PublicReply> replies = new ArrayList<>();
    for (ConversationEntry e : Texts.notNull("conversation", conversation)) {
      checkSameTicket(ticket, e);
      if (e.isPublic()) {
        replies.add(PublicReply.of(e));
      }
    }
    return new RequesterView(ticket, replies);
  }

  private static void checkSameTicket(Ticket ticket, ConversationEntry entry) {
    if (!entry.ticketId().equals(ticket.id()) || !entry.tenant().equals(ticket.tenant())) {
      throw new InvalidInputException("conversation", entry.ticketId(), "belongs to another ticket");
    }
  }

  /**
   * Returns the fields the view holds: those the table marks {@link Visibility#PUBLIC}.
   *
   * @return the fields, in table order
   */
  public static List<TicketField<?>> fields() {
    return VISIBLE;
  }

  /**
   * Returns the value of a field the requester may see.
   *
   * @param field a {@link Visibility#PUBLIC} field
   * @param <T> the field's value type
   * @return the value, or null for an absent optional field
   * @throws InvalidInputException if the field is internal
   */
  @SuppressWarnings("unchecked")
  public <T> @Nullable T get(TicketField<T> field) {
    if (field.visibility() != Visibility.PUBLIC) {
      throw new InvalidInputException("field", field, "is internal: the requester never sees it");
    }
    return (T) values[field.index()];
  }

  private <T> T must(TicketField<T> field) {
    return Objects.requireNonNull(get(field));
  }

  /** @return the ticket's tenant */
  public TenantId tenant() {
    return must(TicketFields.TENANT);
  }

  /** @return the ticket's id */
  public TicketId id() {
    return must(TicketFields.ID);
  }

  /** @return the per-tenant number the requester can quote */
  public long number() {
    return must(TicketFields.NUMBER);
  }

  /** @return the channel the ticket arrived on */
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

  /** @return the account or order number, or null */
  public @Nullable String accountReference() {
    return get(TicketFields.ACCOUNT_REFERENCE);
  }

  /** @return the ticket's attachments */
  public List<Attachment> attachments() {
    return must(TicketFields.ATTACHMENTS);
  }

  /** @return the current status */
  public Status status() {
    return must(TicketFields.STATUS);
  }

  /** @return the proposed resolution, or null */
  public @Nullable String resolutionSummary() {
    return get(TicketFields.RESOLUTION_SUMMARY);
  }

  /** @return the requester's rating of the current cycle, or null */
  public @Nullable Rating rating() {
    return get(TicketFields.RATING);
  }

  /** @return when the ticket was opened */
  public Instant createdAt() {
    return must(TicketFields.CREATED_AT);
  }

  /** @return when it last changed */
  public Instant updatedAt() {
    return must(TicketFields.UPDATED_AT);
  }

  /** @return the public replies, oldest first */
  public List<PublicReply> replies() {
    return replies;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof RequesterView other && Arrays.equals(values, other.values)
        && replies.equals(other.replies);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(values), replies);
  }

  /** Returns every field the view holds and the replies, for logs. */
  @Override
  public String toString() {
    StringJoiner out = new StringJoiner(", ", "RequesterView[", "]");
    VISIBLE.forEach(f -> out.add(f.name() + "=" + values[f.index()]));
    return out.add("replies=" + replies).toString();
  }
}
