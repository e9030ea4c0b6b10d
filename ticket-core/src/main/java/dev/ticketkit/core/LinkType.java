package dev.ticketkit.core;

import org.jspecify.annotations.Nullable;

/**
 * How a ticket relates to another ticket. Enum constants are thread-safe.
 */
public enum LinkType {
  /** This ticket reports the same problem as the target. */
  DUPLICATE_OF,
  /** The tickets are related; no further meaning. */
  RELATED,
  /** This ticket is one incident of the target, a problem ticket. */
  INCIDENT_OF_PROBLEM,
  /** This ticket was merged into the target; set by the merge operation. */
  MERGED_INTO;

  /**
   * Returns the link type with the given name, ignoring case.
   *
   * @param text the name
   * @return the link type
   * @throws InvalidInputException if the text names no link type
   */
  public static LinkType parse(@Nullable String text) {
    return Enums.parse(LinkType.class, "linkType", text);
  }
}
