package dev.ticketkit.core.routing;

import dev.ticketkit.core.AgentId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Round robin and least loaded: stateless, thread-safe. */
final class BuiltInRouters {

  static final Router ROUND_ROBIN = new Router() {
    @Override
    public String name() {
      return "round-robin";
    }

    @Override
    public Optional<AgentId> choose(RoutingRequest request) {
      List<Candidate> in = request.candidates();
      if (in.isEmpty()) {
        return Optional.empty();
      }
      AgentId last = request.lastTurn();
      String after = last == null ? "" : last.value();
      return Optional.of(in.stream().filter(c -> c.agent().value().compareTo(after) > 0)
          .findFirst().orElse(in.get(0)).agent());
    }

    @Override
    public boolean takesTurns() {
      return true;
    }

    @Override
    public String toString() {
      return name();
    }
  };

  static final Router LEAST_LOADED = new Router() {
    private final Comparator<Candidate> order = Comparator.comparingInt(Candidate::load)
        .thenComparingDouble(Candidate::utilisation)
        .thenComparing(c -> c.agent().value());

    @Override
    public String name() {
      return "least-loaded";
    }

    @Override
    public Optional<AgentId> choose(RoutingRequest request) {
      return request.candidates().stream().min(order).map(Candidate::agent);
    }

    @Override
    public String toString() {
      return name();
    }
  };

  private BuiltInRouters() {}
}
