package dev.ticketkit.core.routing;

import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.InvalidInputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The agents routing may choose, each in one group, and the weights that turn open tickets into
 * load. Agents of a group are kept in agent-id order, the order round robin takes them in.
 * Immutable and thread-safe; a host that changes its team builds a new roster (loads and turns
 * live in the {@link RosterStore}, so they carry over).
 */
public final class Roster {

  private final LoadWeights weights;
  private final Map<AgentId, AgentProfile> agents;
  private final Map<String, List<AgentProfile>> groups;

  private Roster(LoadWeights weights, Map<AgentId, AgentProfile> agents) {
    this.weights = weights;
    this.agents = agents;
    Map<String, List<AgentProfile>> byGroup = new TreeMap<>();
    agents.values().stream().sorted(Comparator.comparing(p -> p.agent().value()))
        .forEach(p -> byGroup.computeIfAbsent(p.group(), g -> new ArrayList<>()).add(p));
    byGroup.replaceAll((g, list) -> List.copyOf(list));
    this.groups = Map.copyOf(byGroup);
  }

  /**
   * Returns a roster.
   *
   * @param weights the load weights by priority
   * @param profiles the agents, each once
   * @return the roster
   * @throws InvalidInputException if an argument or a profile is null, or an agent is listed twice
   */
  public static Roster of(LoadWeights weights, Collection<AgentProfile> profiles) {
    if (weights == null) {
      throw new InvalidInputException("weights", null, "must not be null");
    }
    if (profiles == null) {
      throw new InvalidInputException("profiles", null, "must not be null");
    }
    Map<AgentId, AgentProfile> byAgent = new LinkedHashMap<>();
    for (AgentProfile p : profiles) {
      if (p == null) {
        throw new InvalidInputException("profiles", profiles, "must not contain null");
      }
      if (byAgent.putIfAbsent(p.agent(), p) != null) {
        throw new InvalidInputException("profiles", p.agent(), "lists the agent twice");
      }
    }
    return new Roster(weights, Map.copyOf(byAgent));
  }

  /**
   * Returns a roster with the {@linkplain LoadWeights#standard() standard weights}.
   *
   * @param profiles the agents
   * @return the roster
   * @throws InvalidInputException as {@link #of(LoadWeights, Collection)}
   */
  public static Roster of(AgentProfile... profiles) {
    return of(LoadWeights.standard(), List.of(profiles));
  }

  /** @return the load weights by priority */
  public LoadWeights weights() {
    return weights;
  }

  /**
   * Returns the agents of a group in agent-id order.
   *
   * @param group the group
   * @return the agents, empty for an unknown group
   */
  public List<AgentProfile> group(String group) {
    return groups.getOrDefault(group, List.of());
  }

  /**
   * Returns an agent's profile.
   *
   * @param agent the agent
   * @return the profile, or empty if the agent is not on the roster
   */
  public Optional<AgentProfile> profile(AgentId agent) {
    return Optional.ofNullable(agents.get(agent));
  }

  /** @return every agent's profile, in no particular order */
  public Collection<AgentProfile> profiles() {
    return agents.values();
  }

  @Override
  public String toString() {
    return "Roster" + groups.keySet() + " of " + agents.size() + " agents, " + weights;
  }
}
