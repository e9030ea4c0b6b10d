package dev.ticketkit.sla;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.sla.escalation.EscalationAction;
import dev.ticketkit.sla.escalation.EscalationLevel;
import dev.ticketkit.sla.escalation.EventRule;
import dev.ticketkit.sla.escalation.Notifier;
import dev.ticketkit.sla.escalation.SlaCallback;
import dev.ticketkit.sla.policy.ByPriority;
import dev.ticketkit.sla.policy.SlaPolicies;
import dev.ticketkit.sla.policy.SlaPolicy;
import dev.ticketkit.sla.store.InMemorySlaStore;
import dev.ticketkit.sla.store.SlaStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Builds an {@link SlaEngine}. The ticket service is required; the policies default to
 * {@link SlaPolicies#standard()}, the store to a new {@link InMemorySlaStore}, the notifier to
 * {@link Notifier#logging()}, the actor to {@code system:sla}, the batch size to 500 and the
 * conflict attempts to 5. Each setter checks its value at once and may be called once; callbacks
 * may be added many times under distinct names. Not thread-safe.
 */
public final class SlaEngineBuilder {

  private final Set<String> set = new HashSet<>();
  @Nullable TicketService service;
  @Nullable SlaPolicies policies;
  @Nullable SlaStore store;
  Notifier notifier = Notifier.logging();
  Actor actor = Actor.system("sla");
  int batchSize = 500;
  int maxAttempts = 5;
  final Map<String, SlaCallback> callbacks = new LinkedHashMap<>();

  SlaEngineBuilder() {}

  private void once(String name) {
    if (!set.add(name)) {
      throw new IllegalStateException(name + " is already set");
    }
  }

  /**
   * Sets the ticket service the engine follows: {@link #build()} attaches the engine to it
   * ({@link TicketService#attach}), so that clocks are written in each ticket commit's
   * transaction, and the engine's escalations change tickets through it.
   *
   * @param ticketService the ticket service
   * @return this builder
   * @throws IllegalStateException if already set
   */
  public SlaEngineBuilder tickets(TicketService ticketService) {
    once("tickets");
    service = Objects.requireNonNull(ticketService, "ticketService");
    return this;
  }

  /**
   * Sets the policies.
   *
   * @param value the policies
   * @return this builder
   * @throws IllegalStateException if already set
   */
  public SlaEngineBuilder policies(SlaPolicies value) {
    once("policies");
    policies = Objects.requireNonNull(value, "policies");
    return this;
  }

  /**
   * Sets the SLA store.
   *
   * @param value the store
   * @return this builder
   * @throws IllegalStateException if already set
   */
  public SlaEngineBuilder store(SlaStore value) {
    once("store");
    store = Objects.requireNonNull(value, "store");
    return this;
  }

  /**
   * Sets the notifier.
   *
   * @param value the notifier
   * @return this builder
   * @throws IllegalStateException if already set
   */
  public SlaEngineBuilder notifier(Notifier value) {
    once("notifier");
    notifier = Objects.requireNonNull(value, "notifier");
    return this;
  }

  /**
   * Sets the actor the engine's ticket changes are made by.
   *
   * @param value the actor, usually a system actor
   * @return this builder
   * @throws IllegalStateException if already set
   */
  public SlaEngineBuilder actor(Actor value) {
    once("actor");
    actor = Objects.requireNonNull(value, "actor");
    return this;
  }

  /**
   * Sets how many due escalations one store call claims at most.
   *
   * @param value 1 or more
   * @return this builder
   * @throws InvalidInputException if below 1
   * @throws IllegalStateException if already set
   */
  public SlaEngineBuilder batchSize(int value) {
    once("batchSize");
    if (value < 1) {
      throw new InvalidInputException("batchSize", value, "must be 1 or more");
    }
    batchSize = value;
    return this;
  }

  /**
   * Sets how many times a ticket-changing action is attempted on optimistic conflicts.
   *
   * @param value 1 or more
   * @return this builder
   * @throws InvalidInputException if below 1
   * @throws IllegalStateException if already set
   */
  public SlaEngineBuilder maxAttempts(int value) {
    once("maxAttempts");
    if (value < 1) {
      throw new InvalidInputException("maxAttempts", value, "must be 1 or more");
    }
    maxAttempts = value;
    return this;
  }

  /**
   * Registers a host callback under a name that {@code callback} actions use.
   *
   * @param name the name
   * @param callback the callback
   * @return this builder
   * @throws InvalidInputException if the name is blank or already registered
   */
  public SlaEngineBuilder callback(String name, SlaCallback callback) {
    Objects.requireNonNull(callback, "callback");
    if (Objects.requireNonNull(name, "name").isBlank() || callbacks.containsKey(name)) {
      throw new InvalidInputException("callback", name, "must be a new, non-blank name");
    }
    callbacks.put(name, callback);
    return this;
  }

  /**
   * Builds the engine and attaches it: attaches it to the ticket service as a follower
   * and its listener with the service.
   *
   * @return the engine
   * @throws IllegalStateException if the tickets are not set
   * @throws InvalidInputException if a policy calls a callback that is not registered
   */
  public SlaEngine build() {
    if (service == null) {
      throw new IllegalStateException("an SlaEngine needs tickets(service)");
    }
    if (policies == null) {
      policies = SlaPolicies.standard();
    }
    if (store == null) {
      store = InMemorySlaStore.create();
    }
    for (String name : callbackNames(policies)) {
      if (!callbacks.containsKey(name)) {
        throw new InvalidInputException("callback", name, "is used by a policy but not registered");
      }
    }
    return new SlaEngine(this);
  }

  private static List<String> callbackNames(SlaPolicies policies) {
    List<String> names = new ArrayList<>();
    for (SlaPolicy p : policies.policies()) {
      Stream<EscalationAction> actions = Stream.concat(
          p.escalations().values().stream().flatMap(SlaEngineBuilder::ladders)
              .flatMap(l -> l.actions().stream()),
          p.events().stream().map(EventRule::actions).flatMap(List::stream));
      actions.filter(a -> a instanceof EscalationAction.Callback)
          .forEach(a -> names.add(((EscalationAction.Callback) a).name()));
    }
    return names;
  }

  private static Stream<EscalationLevel> ladders(ByPriority<dev.ticketkit.sla.escalation.EscalationLadder> b) {
    Stream<dev.ticketkit.sla.escalation.EscalationLadder> all = Stream.concat(
        b.specific().values().stream(), Stream.ofNullable(b.fallback()));
    return all.flatMap(l -> l.levels().stream());
  }
}
