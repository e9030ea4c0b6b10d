package dev.ticketkit.core;

import java.util.Locale;
import java.util.Objects;

/**
 * The kind of party that makes a change: a support agent, the requester, or the system itself
 * (an automatic rule, a scheduled sweep, an integration).
 *
 * <p>Workflow transitions name the kinds that may fire them. Enum constants are thread-safe.
 */
public enum ActorKind {
  /** A person on the support team. */
  AGENT,
  /** The person who asked for help. */
  REQUESTER,
  /** The library or the host acting on its own, such as the auto-close sweep. */
  SYSTEM;

  /**
   * Returns the kind with the given name, ignoring case.
   *
   * @param text {@code "AGENT"}, {@code "REQUESTER"} or {@code "SYSTEM"}, in any case
   * @return the kind
   * @throws InvalidInputException if the text names no kind
   */
  public static ActorKind parse(String text) {
    Objects.requireNonNull(text, "text");
    return Enums.parse(ActorKind.class, "actorKind", text);
  }

  /** Returns the lower-case prefix used in an actor's text form. */
  String prefix() {
    return name().toLowerCase(Locale.ROOT);
  }
}
