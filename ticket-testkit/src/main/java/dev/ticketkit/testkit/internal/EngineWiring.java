package dev.ticketkit.testkit.internal;

import dev.ticketkit.core.TicketService;
import dev.ticketkit.sla.SlaEngine;
import dev.ticketkit.sla.SlaEngineBuilder;
import dev.ticketkit.sla.escalation.EscalationAction;
import dev.ticketkit.sla.escalation.Notifier;
import dev.ticketkit.sla.policy.SlaPolicies;
import dev.ticketkit.sla.policy.SlaPolicy;
import dev.ticketkit.sla.store.SlaStore;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The one place where the testkit wires an {@link SlaEngine} to tickets. Stateless and
 * thread-safe.
 *
 * <p>Each node is a {@code TicketService} over the shared ticket store with its own engine
 * attached ({@code SlaEngineBuilder.tickets(service)}), all over one shared SLA store, as nodes
 * of a host share one database. Host callbacks that the policies name are registered as no-ops:
 * the properties test the SLA rules, not the host's callbacks.
 */
public final class EngineWiring {

  private EngineWiring() {}

  /**
   * Builds an engine over shared stores.
   *
   * @param service the node's service, whose commits the engine follows and through which its
   *     escalation actions change tickets
   * @param policies the policies
   * @param slaStore the SLA store, shared by every node
   * @param notifier receives the notifications
   * @return the attached engine; close it to detach
   */
  public static SlaEngine attach(TicketService service, SlaPolicies policies, SlaStore slaStore,
      Notifier notifier) {
    SlaEngineBuilder builder = SlaEngine.builder().tickets(service).policies(policies)
        .store(slaStore).notifier(notifier);
    callbackNames(policies).forEach(name -> builder.callback(name, context -> { }));
    return builder.build();
  }

  /** The names of the host callbacks the policies call; the engine requires each registered. */
  private static Set<String> callbackNames(SlaPolicies policies) {
    Set<String> names = new TreeSet<>();
    for (SlaPolicy p : policies.policies()) {
      Stream<EscalationAction> ladders = p.escalations().values().stream()
          .flatMap(b -> Stream.concat(b.specific().values().stream(), Stream.ofNullable(b.fallback())))
          .flatMap(l -> l.levels().stream()).flatMap(l -> l.actions().stream());
      Stream<EscalationAction> rules = p.events().stream().flatMap(r -> r.actions().stream());
      Stream.concat(ladders, rules).filter(a -> a instanceof EscalationAction.Callback)
          .forEach(a -> names.add(((EscalationAction.Callback) a).name()));
    }
    return names;
  }
}
