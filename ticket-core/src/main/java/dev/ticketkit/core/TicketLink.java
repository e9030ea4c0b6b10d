package dev.ticketkit.core;

import org.jspecify.annotations.Nullable;

/**
 * A directed link from a ticket to another ticket of the same tenant.
 *
 * <p>The text form is {@code TYPE:target-uuid}, which {@link #parse(String)} reads back.
 * Instances are immutable and thread-safe.
 *
 * @param type how the tickets relate
 * @param target the other ticket
 */
public record TicketLink(LinkType type, TicketId target) {

  /**
   * Validates the link.
   *
   * @throws NullPointerException if a part is null
   */
  public TicketLink {
    Texts.notNull("link.type", type);
    Texts.notNull("link.target", target);
  }

  /**
   * Returns a link.
   *
   * @param type how the tickets relate
   * @param target the other ticket
   * @return the link
   */
  public static TicketLink of(LinkType type, TicketId target) {
    return new TicketLink(type, target);
  }

  /**
   * Parses the text form {@code TYPE:target-uuid}.
   *
   * @param text the text form
   * @return the link
   * @throws InvalidInputException if the text is null or not of the documented form
   */
  public static TicketLink parse(@Nullable String text) {
    int colon = text == null ? -1 : text.indexOf(':');
    if (colon <= 0) {
      throw new InvalidInputException("link", text, "must be of the form TYPE:ticket-id");
    }
    return new TicketLink(
        LinkType.parse(text.substring(0, colon)), TicketId.parse(text.substring(colon + 1)));
  }

  /** Returns {@code TYPE:target-uuid}, which {@link #parse(String)} reads back. */
  @Override
  public String toString() {
    return type + ":" + target;
  }
}
