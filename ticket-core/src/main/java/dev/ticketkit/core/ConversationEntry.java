package dev.ticketkit.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One entry in a ticket's conversation: a public reply or an internal note.
 *
 * <p>Each entry is written by the change that produced ticket version {@code ticketVersion}, so
 * {@code (ticketId, ticketVersion)} identifies it; a ticket's entries in version order are its
 * conversation. Instances are immutable and thread-safe.
 *
 * @param tenant the ticket's tenant
 * @param ticketId the ticket
 * @param ticketVersion the ticket version the entry was written with
 * @param visibility public reply or internal note
 * @param author who wrote it
 * @param channel the channel it came in or went out on
 * @param at when it was written
 * @param body the text: 1 to {@value #MAX_BODY_LENGTH} characters
 * @param attachments the attachments, by reference
 */
public record ConversationEntry(
    TenantId tenant,
    TicketId ticketId,
    long ticketVersion,
    Visibility visibility,
    Actor author,
    Channel channel,
    Instant at,
    String body,
    List<Attachment> attachments) {

  /** The longest body accepted. */
  public static final int MAX_BODY_LENGTH = 50_000;

  /** The rule of a body. */
  static final TextRule BODY = TextRule.text(MAX_BODY_LENGTH);

  /**
   * Validates the entry and copies the attachments.
   *
   * @throws NullPointerException if a part is null
   * @throws InvalidInputException if the version below 1, or the body blank or
   *     too long
   */
  public ConversationEntry {
    Objects.requireNonNull(visibility, "visibility");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(attachments, "attachments");
    Texts.notNull("tenant", tenant);
    Texts.notNull("ticketId", ticketId);
    TicketChecks.positive("ticketVersion", ticketVersion);
    Texts.notNull("visibility", visibility);
    Texts.notNull("author", author);
    Texts.notNull("channel", channel);
    Texts.notNull("at", at);
    BODY.require("body", body);
    attachments = TicketChecks.attachments(Texts.notNull("attachments", attachments));
  }

  /**
   * Tells whether the requester may see this entry.
   *
   * @return true for a public reply
   */
  public boolean isPublic() {
    return visibility == Visibility.PUBLIC;
  }
}
