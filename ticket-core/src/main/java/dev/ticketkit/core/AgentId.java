package dev.ticketkit.core;

import java.util.Objects;

/**
 * Identifies a support agent in the host system: the accepting agent and the assignee of a ticket.
 *
 * <p>1 to {@value Actor#MAX_ID_LENGTH} characters without whitespace, compared exactly.
 * Instances are immutable and thread-safe.
 *
 * @param value the id's text, as returned by {@link #toString()}
 */
public record AgentId(String value) implements Comparable<AgentId> {

  /**
   * Validates the id.
   *
   * @throws NullPointerException if the value is null
   * @throws InvalidInputException if the value is blank, too long or contains whitespace
   */
  public AgentId {
    Objects.requireNonNull(value, "value");
    ID.require("agentId", value);
  }

  private static final TextRule ID = TextRule.identifier(Actor.MAX_ID_LENGTH);

  /**
   * Returns the agent id with the given text.
   *
   * @param value the id's text
   * @return the agent id
   * @throws InvalidInputException if the value is not valid
   */
  public static AgentId of(String value) {
    Objects.requireNonNull(value, "value");
    return new AgentId(value);
  }

  @Override
  public int compareTo(AgentId other) {
    return value.compareTo(other.value);
  }

  /** Returns the id's text, which {@link #of(String)} reads back. */
  @Override
  public String toString() {
    return value;
  }
}
