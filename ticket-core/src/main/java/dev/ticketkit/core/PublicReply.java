package dev.ticketkit.core;

import java.time.Instant;
import java.util.List;

/**
 * A public reply as the requester sees it: who wrote it by kind (not the agent's id), when, on
 * which channel, and what.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param authorKind whether the support team, the requester or the system wrote it
 * @param channel the channel it came in or went out on
 * @param at when it was written
 * @param body the text
 * @param attachments the attachments, by reference
 */
public record PublicReply(
    ActorKind authorKind, Channel channel, Instant at, String body, List<Attachment> attachments) {

  /**
   * Validates the reply and copies the attachments.
   *
   * @throws NullPointerException if a part is null
   */
  public PublicReply {
    Texts.notNull("authorKind", authorKind);
    Texts.notNull("channel", channel);
    Texts.notNull("at", at);
    Texts.notNull("body", body);
    attachments = List.copyOf(Texts.notNull("attachments", attachments));
  }

  /**
   * Returns the requester's view of a public conversation entry.
   *
   * @param entry a public entry
   * @return the reply
   * @throws InvalidInputException if the entry is an internal note
   */
  public static PublicReply of(ConversationEntry entry) {
    if (!entry.isPublic()) {
      throw new InvalidInputException("entry", entry.visibility(), "must be public");
    }
    return new PublicReply(
        entry.author().kind(), entry.channel(), entry.at(), entry.body(), entry.attachments());
  }
}
