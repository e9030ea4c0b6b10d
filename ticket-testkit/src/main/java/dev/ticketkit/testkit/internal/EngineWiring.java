package dev.ticketkit.testkit.internal;

import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.core.store.TicketStore;
import dev.ticketkit.sla.SlaEngine;
import dev.ticketkit.sla.escalation.Notifier;
import dev.ticketkit.sla.policy.SlaPolicies;
import dev.ticketkit.sla.store.SlaStore;

/**
 * The one place where the testkit wires an {@link SlaEngine} to tickets. Stateless and
 * thread-safe.
 *
 * <p>Today the engine joins a ticket store's commits and a service's events
 * ({@code SlaEngineBuilder.tickets(store, service)}). Two engines joined to one ticket store
 * would both apply every commit (issue 10), so a second node that only ticks joins a private,
 * never-used ticket store instead, while its service writes to the shared one. When the engine
 * attaches to {@code TicketService} in one call, attach each engine to its own service here and
 * drop the private store.
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
    return SlaEngine.builder().tickets(joined, service).policies(policies).store(slaStore)
        .notifier(notifier).build();
  }
}
