package dev.ticketkit.core;

import dev.ticketkit.core.event.TicketEvent;
import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.core.workflow.StandardWorkflow;
import dev.ticketkit.core.workflow.Workflow;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A service on an in-memory store with a mutable clock, recording every published event. */
final class ServiceFixture {

  static final TenantId ACME = TenantId.of("acme");
  static final TenantId GLOBEX = TenantId.of("globex");
  static final Actor LI = Actor.agent("li");
  static final Actor ZHANG = Actor.agent("zhang");
  static final Actor WANG = Actor.requester("wang");

  final MutableClock clock = MutableClock.standard();
  final InMemoryTicketStore store = InMemoryTicketStore.create();
  final List<TicketEvent> events = new CopyOnWriteArrayList<>();
  final TicketService service;

  ServiceFixture() {
    this(StandardWorkflow.create());
  }

  ServiceFixture(Workflow workflow) {
    service = TicketService.builder().store(store).clock(clock).workflow(workflow)
        .listener(events::add).build();
  }

  static NewTicket.Builder intake() {
    return NewTicket.builder()
        .requester(Requester.of("wang", "Wang Fang", ContactHandle.wechatOpenId("oAbc123"),
            ContactHandle.phone("+86 138 0000 0000")))
        .channel(Channel.WECHAT_OFFICIAL_ACCOUNT)
        .subject("Payment page shows error E1024")
        .description("Since this morning the payment page fails.");
  }

  Ticket open() {
    return open(ACME);
  }

  Ticket open(TenantId tenant) {
    return service.open(tenant, WANG, intake().build());
  }

  Ticket fire(Ticket t, Actor actor, String transition) {
    return service.fire(t.tenant(), actor, t.id(), t.version(), transition);
  }

  /** Opens a ticket and walks it along the main path to the named state. */
  Ticket openIn(String state) {
    Ticket t = open();
    List<String> path = List.of(StandardWorkflow.NEW, StandardWorkflow.ACCEPTED,
        StandardWorkflow.DIAGNOSING, StandardWorkflow.RESOLVING,
        StandardWorkflow.AWAITING_CONFIRMATION, StandardWorkflow.CLOSED);
    String[] moves = {StandardWorkflow.ACCEPT, StandardWorkflow.DIAGNOSE,
        StandardWorkflow.START_FIX, StandardWorkflow.PROPOSE_RESOLUTION,
        StandardWorkflow.CONFIRM};
    if (state.equals(StandardWorkflow.WAITING_ON_REQUESTER)) {
      return fire(openIn(StandardWorkflow.DIAGNOSING), LI, StandardWorkflow.WAIT_ON_REQUESTER);
    }
    if (state.equals(StandardWorkflow.CANCELLED)) {
      return fire(t, WANG, StandardWorkflow.CANCEL);
    }
    for (int i = 0; i < path.indexOf(state); i++) {
      t = step(t, moves[i]);
    }
    return t;
  }

  private Ticket step(Ticket t, String move) {
    if (move.equals(StandardWorkflow.PROPOSE_RESOLUTION)) {
      t = service.edit(ACME, LI, t.id(), t.version(),
          TicketEdit.builder().resolutionSummary("Cleared the payment cache").build());
    }
    if (move.equals(StandardWorkflow.CONFIRM)) {
      return service.rate(ACME, WANG, t.id(), t.version(), Rating.of(Satisfaction.SATISFIED));
    }
    return fire(t, LI, move);
  }

  /** Returns everything stored about a ticket and the number of events, to compare later. */
  List<Object> snapshot(Ticket t) {
    return List.of(store.get(t.tenant(), t.id()), store.history(t.tenant(), t.id()),
        store.conversation(t.tenant(), t.id()),
        events.stream().filter(e -> e.ticketId().equals(t.id())).count());
  }

  <E extends TicketEvent> List<E> eventsOf(Class<E> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
