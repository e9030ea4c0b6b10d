package dev.ticketkit.macro;

import java.util.Objects;
import java.util.Optional;

/**
 * The variables a macro's reply template may use, as {@code {{name}}}. Enum constants are
 * thread-safe.
 */
public enum MacroVariable {
  /** {@code {{requesterName}}}: the requester's display name. Always available. */
  REQUESTER_NAME("requesterName"),
  /** {@code {{ticketNumber}}}: the ticket's number within its tenant. Always available. */
  TICKET_NUMBER("ticketNumber"),
  /**
   * {@code {{dueTime}}}: when the ticket is due, from the {@link Macros} due-time source,
   * formatted in the tenant's zone and the template's locale; missing when the source has none.
   */
  DUE_TIME("dueTime"),
  /**
   * {@code {{agentName}}}: the display name of the agent applying the macro, from the
   * {@link Macros} agent-name source; missing when the actor is not an agent or has no name.
   */
  AGENT_NAME("agentName");

  private final String key;

  MacroVariable(String key) {
    this.key = key;
  }

  /** @return the name used in templates, such as {@code requesterName} */
  public String key() {
    return key;
  }

  /**
   * Returns the variable a template name stands for.
   *
   * @param key the name used in the template
   * @return the variable, or empty if there is none of that name
   */
  public static Optional<MacroVariable> ofKey(String key) {
    Objects.requireNonNull(key, "key");
    for (MacroVariable v : values()) {
      if (v.key.equals(key)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
