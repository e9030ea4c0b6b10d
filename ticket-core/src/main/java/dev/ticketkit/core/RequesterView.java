package dev.ticketkit.core;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A ticket as its requester may see it: what they asked, where it stands, and the public replies.
 *
 * <p>It never holds internal notes or internal fields: no assignee or accepting agent, support
 * tier, priority, tags, custom fields, links or agent ids. Build it with
 * {@link #of(Ticket, List)}, which drops every internal note. Instances are immutable and
 * thread-safe.
 *
 * @param tenant the ticket's tenant
 * @param id the ticket's id
 * @param number the per-tenant number the requester can quote
 * @param channel the channel the ticket arrived on
 * @param subject the subject
 * @param description the description
 * @param scenario the scenario, or null
 * @param errorMessage the error message, or null
 * @param reproductionSteps the reproduction steps, or null
 * @param accountReference the account or order number, or null
 * @param attachments the ticket's attachments
 * @param status the current status
 * @param resolutionSummary the proposed resolution, or null
 * @param rating the requester's rating of the current cycle, or null
 * @param createdAt when the ticket was opened
 * @param updatedAt when it last changed
 * @param replies the public replies, oldest first
 */
public record RequesterView(
    TenantId tenant,
    TicketId id,
    long number,
    Channel channel,
    String subject,
    String description,
    @Nullable String scenario,
    @Nullable String errorMessage,
    @Nullable String reproductionSteps,
    @Nullable String accountReference,
    List<Attachment> attachments,
    Status status,
    @Nullable String resolutionSummary,
    @Nullable Rating rating,
    Instant createdAt,
    Instant updatedAt,
    List<PublicReply> replies) {

  /**
   * Copies the lists.
   *
   * @throws NullPointerException if a list is null
   */
  public RequesterView {
    attachments = List.copyOf(attachments);
    replies = List.copyOf(replies);
  }

  /**
   * Returns the requester's view of a ticket and its conversation.
   *
   * @param ticket the ticket
   * @param conversation the ticket's conversation, oldest first; internal notes are dropped
   * @return the view
   * @throws InvalidInputException if an entry belongs to another ticket
   */
  public static RequesterView of(Ticket ticket, List<ConversationEntry> conversation) {
    List<PublicReply> replies = conversation.stream()
        .peek(e -> checkSameTicket(ticket, e))
        .filter(ConversationEntry::isPublic)
        .map(PublicReply::of)
        .toList();
    return new RequesterView(ticket.tenant(), ticket.id(), ticket.number(), ticket.channel(),
        ticket.subject(), ticket.description(), ticket.scenario(), ticket.errorMessage(),
        ticket.reproductionSteps(), ticket.accountReference(), ticket.attachments(),
        ticket.status(), ticket.resolutionSummary(), ticket.rating(), ticket.createdAt(),
        ticket.updatedAt(), replies);
  }

  private static void checkSameTicket(Ticket ticket, ConversationEntry entry) {
    if (!entry.ticketId().equals(ticket.id()) || !entry.tenant().equals(ticket.tenant())) {
      throw new InvalidInputException("conversation", entry.ticketId(), "belongs to another ticket");
    }
  }
}
