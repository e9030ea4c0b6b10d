package dev.ticketkit.testkit.internal;

import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.core.store.TicketStore;
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
 * <p>Today the engine joins a ticket store's commits and a service's events
 * ({@code SlaEngineBuilder.tickets(store, service)}). Two engines joined to one ticket store
 * would both apply every commit (issue 10), so a second node that only ticks joins a private,
 * never-used ticket store instead, while its service writes to the shared one. When the engine
 * attaches to {@code TicketService} in one call, attach each engine to its own service here and
 * drop the private store. Host callbacks that the policies name are registered as no-ops: the
 * properties test the SLA rules, not the host's callbacks.
 */
public final class EngineWiring {

  private EngineWiring() {}

  /**
   * Builds an engine over shared stores.
   *
   * @param tickets the ticket store the services write to
   * @param service the service whose commits the engine follows and through which its
   *     escalation actions change tickets
   * @param policies the policies
   * @param slaStore the SLA store, shared by every node
   * @param notifier receives the notifications
   * @param followsCommits true for the node that keeps clocks in step with ticket commits; false
   *     for a further node that only ticks
   * @return the attached engine; close it to detach
   */
  public static SlaEngine attach(TicketStore tickets, TicketService service, SlaPolicies policies,
      SlaStore slaStore, Notifier notifier, boolean followsCommits) {
    TicketStore joined = followsCommits ? tickets : InMemoryTicketStore.create();
    SlaEngineBuilder builder = SlaEngine.builder().tickets(joined, service).policies(policies)
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
