package dev.ticketkit.core;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who makes a change: an agent, the requester or the system, with an id from the host system.
 *
 * <p>The text form is {@code kind:id} in lower case kind, for example {@code agent:li.wei},
 * {@code requester:cust-1042} or {@code system:auto-close}; {@link #parse(String)} reads it back.
 * Every service call names its actor, and every history entry and event records it. Instances are
 * immutable and thread-safe.
 *
 * @param kind the kind of party
 * @param id the party's id in the host system: 1 to {@value #MAX_ID_LENGTH} characters without
 *     whitespace
 */
public record Actor(ActorKind kind, String id) {

  /** The longest actor id accepted. */
  public static final int MAX_ID_LENGTH = 128;

  /**
   * Validates the actor.
   *
   * @throws NullPointerException if the kind is null
   * @throws InvalidInputException if the id is blank, too long or contains
   *     whitespace
   */
  public Actor {
    Objects.requireNonNull(id, "id");
    Texts.notNull("actor.kind", kind);
    ID.require("actor.id", id);
  }

  private static final TextRule ID = TextRule.identifier(MAX_ID_LENGTH);

  /**
   * Returns an agent actor.
   *
   * @param agent the agent
   * @return the actor
   */
  public static Actor agent(AgentId agent) {
    return new Actor(ActorKind.AGENT, Texts.notNull("agent", agent).value());
  }

  /**
   * Returns an agent actor.
   *
   * @param id the agent's id
   * @return the actor
   * @throws InvalidInputException if the id is not valid
   */
  public static Actor agent(String id) {
    Objects.requireNonNull(id, "id");
    return new Actor(ActorKind.AGENT, id);
  }

  /**
   * Returns a requester actor.
   *
   * @param id the requester's id in the host system
   * @return the actor
   * @throws InvalidInputException if the id is not valid
   */
  public static Actor requester(String id) {
    Objects.requireNonNull(id, "id");
    return new Actor(ActorKind.REQUESTER, id);
  }

  /**
   * Returns a system actor, naming the rule or job that acts.
   *
   * @param id the name of the rule or job, such as {@code auto-close}
   * @return the actor
   * @throws InvalidInputException if the id is not valid
   */
  public static Actor system(String id) {
    Objects.requireNonNull(id, "id");
    return new Actor(ActorKind.SYSTEM, id);
  }

  /**
   * Parses the text form {@code kind:id}.
   *
   * @param text the text form
   * @return the actor
   * @throws InvalidInputException if the text is null or not of the form {@code kind:id}
   */
  public static Actor parse(@Nullable String text) {
    int colon = text == null ? -1 : text.indexOf(':');
    if (colon <= 0) {
      throw new InvalidInputException("actor", text, "must be of the form kind:id");
    }
    return new Actor(ActorKind.parse(text.substring(0, colon)), text.substring(colon + 1));
  }

  /**
   * Returns this actor as an agent id.
   *
   * @return the agent id
   * @throws InvalidInputException if this actor is not an agent
   */
  public AgentId asAgent() {
    if (kind != ActorKind.AGENT) {
      throw new InvalidInputException("actor", this, "must be an agent");
    }
    return AgentId.of(id);
  }

  /** Returns the text form {@code kind:id}, which {@link #parse(String)} reads back. */
  @Override
  public String toString() {
    return kind.prefix() + ":" + id;
  }
}
