package dev.ticketkit.core;

import java.util.List;
import java.util.Objects;

/**
 * What a caller writes into a ticket's conversation: a body, the channel it came on or goes out
 * on, and attachments by reference.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param channel the channel, such as {@link Channel#EMAIL}
 * @param body the text: 1 to {@value ConversationEntry#MAX_BODY_LENGTH} characters
 * @param attachments the attachments, distinct by URI, at most {@value Ticket#MAX_ATTACHMENTS}
 */
public record Message(Channel channel, String body, List<Attachment> attachments) {

  /**
   * Validates the message and copies the attachments.
   *
   * @throws NullPointerException if the channel is null
   * @throws InvalidInputException if the body blank or too long, or an
   *     attachment null or repeated
   */
  public Message {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(attachments, "attachments");
    Texts.notNull("message.channel", channel);
    ConversationEntry.BODY.require("message.body", body);
    attachments = TicketChecks.attachments(Texts.notNull("message.attachments", attachments));
  }

  /**
   * Returns a message without attachments.
   *
   * @param channel the channel
   * @param body the text
   * @return the message
   * @throws NullPointerException if the channel is null
   * @throws InvalidInputException if the body blank or too long
   */
  public static Message of(Channel channel, String body) {
    Objects.requireNonNull(body, "body");
    return new Message(channel, body, List.of());
  }
}
