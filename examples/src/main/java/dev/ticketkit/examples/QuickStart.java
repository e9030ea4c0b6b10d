package dev.ticketkit.examples;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.ContactHandle;
import dev.ticketkit.core.Message;
import dev.ticketkit.core.NewTicket;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.Requester;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.event.TicketUrgentFlagged;
import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.core.workflow.StandardWorkflow;
import java.time.Clock;

/**
 * The README's embedding example, kept here so that it compiles with every build; a test checks
 * that the README shows exactly this code.
 */
public final class QuickStart {

  private QuickStart() {}

  /**
   * Opens a ticket, accepts it and replies, as a host application would.
   *
   * @param clock where the service takes time from ({@code Clock.systemUTC()} in production)
   * @return the ticket after the reply
   */
  public static Ticket run(Clock clock) {
    // README:start
    TicketService tickets = TicketService.builder()
        .store(InMemoryTicketStore.create())          // or JdbcTicketKit's store (ticket-jdbc)
        .workflow(StandardWorkflow.create())
        .clock(clock)                                  // TicketKit never reads the system clock
        .listener(TicketUrgentFlagged.class, e -> System.out.println("page the tier lead: " + e))
        .build();

    TenantId tenant = TenantId.of("acme-shop");
    Ticket ticket = tickets.open(tenant, Actor.requester("cust-42"), NewTicket.builder()
        .requester(Requester.of("cust-42", "Ada", ContactHandle.email("ada@example.com")))
        .channel(Channel.EMAIL)
        .subject("Cannot log in after password reset")
        .description("The reset link worked, but the app still says 'wrong password'.")
        .priority(Priority.HIGH)
        .build());

    Actor agent = Actor.agent("li.wei");
    ticket = tickets.fire(tenant, agent, ticket.id(), ticket.version(), StandardWorkflow.ACCEPT);
    ticket = tickets.reply(tenant, agent, ticket.id(), ticket.version(),
        Message.of(Channel.EMAIL, "Thanks Ada, we are looking into it."));
    // README:end
    return ticket;
  }
}
