package dev.ticketkit.sla;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.ContactHandle;
import dev.ticketkit.core.Message;
import dev.ticketkit.core.NewTicket;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.Requester;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketEdit;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.core.workflow.StandardWorkflow;
import dev.ticketkit.sla.clock.ClockKey;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.clock.SlaMetric;
import dev.ticketkit.sla.escalation.Notification;
import dev.ticketkit.sla.policy.SlaPolicies;
import dev.ticketkit.sla.store.InMemorySlaStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A ticket service on an in-memory store with a manual clock, an SLA engine on the standard
 * policies and the China calendar, and a notifier that records what it is told.
 */
final class SlaFixture {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final TenantId ACME = TenantId.of("acme");
  static final Actor AGENT = Actor.agent("li");
  static final Actor REQUESTER = Actor.requester("wang");

  final MutableClock clock;
  final InMemoryTicketStore tickets = InMemoryTicketStore.create();
  final InMemorySlaStore slaStore;
  final TicketService service;
  final SlaPolicies policies;
  final List<Notification> notes = new CopyOnWriteArrayList<>();
  SlaEngine engine;

  SlaFixture(String shanghaiTime) {
    this(shanghaiTime, SlaPolicies.standard());
  }

  SlaFixture(String shanghaiTime, SlaPolicies policies) {
    this.clock = new MutableClock(cn(shanghaiTime));
    this.slaStore = InMemorySlaStore.create();
    this.policies = policies;
    this.service = TicketService.builder().store(tickets).clock(clock).build();
    this.engine = newEngine();
  }

  SlaEngine newEngine() {
    return SlaEngine.builder().tickets(service).policies(policies).store(slaStore)
        .notifier(notes::add).build();
  }

  /** Simulates a restart: detaches the engine and builds a new one over the same stores. */
  void restart() {
    engine.close();
    engine = newEngine();
  }

  static Instant cn(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
  }

  void at(String shanghaiTime) {
    clock.set(cn(shanghaiTime));
  }

  void advance(Duration d) {
    clock.advance(d);
  }

  Ticket open(Priority priority) {
    return openThrough(service, priority);
  }

  /** Opens a ticket through another service, which may write to the same ticket store. */
  Ticket openThrough(TicketService via, Priority priority) {
    return via.open(ACME, REQUESTER, NewTicket.builder()
        .requester(Requester.of("wang", "Wang Fang", ContactHandle.phone("+86 138 0000 0000")))
        .channel(Channel.WECHAT_OFFICIAL_ACCOUNT)
        .subject("Payment page shows error E1024")
        .description("Since this morning the payment page fails.")
        .priority(priority)
        .build());
  }

  /** Accepts, answers, fixes and resolves a ticket, all at the current instant. */
  Ticket resolved(Ticket t) {
    fire(t, AGENT, StandardWorkflow.ACCEPT);
    reply(t, AGENT);
    fire(t, AGENT, StandardWorkflow.DIAGNOSE);
    fire(t, AGENT, StandardWorkflow.START_FIX);
    Ticket c = current(t);
    service.edit(c.tenant(), AGENT, c.id(), c.version(),
        TicketEdit.builder().resolutionSummary("Cleared the cache").build());
    return fire(t, AGENT, StandardWorkflow.PROPOSE_RESOLUTION);
  }

  Ticket current(Ticket t) {
    return service.require(t.tenant(), t.id());
  }

  Ticket fire(Ticket t, Actor actor, String transition) {
    Ticket c = current(t);
    return service.fire(c.tenant(), actor, c.id(), c.version(), transition);
  }

  Ticket reply(Ticket t, Actor actor) {
    Ticket c = current(t);
    return service.reply(c.tenant(), actor, c.id(), c.version(),
        Message.of(Channel.WECHAT_OFFICIAL_ACCOUNT, "Thanks, looking into it."));
  }

  SlaClock clock(Ticket t, SlaMetric metric, int cycle) {
    return engine.clock(ClockKey.of(t.tenant(), t.id(), metric, cycle)).orElseThrow();
  }

  int tick() {
    return engine.tick(clock.instant());
  }

  List<String> notesFor(String recipient) {
    return notes.stream().filter(n -> n.recipient().equals(recipient))
        .map(n -> n.context().summary()).toList();
  }
}
