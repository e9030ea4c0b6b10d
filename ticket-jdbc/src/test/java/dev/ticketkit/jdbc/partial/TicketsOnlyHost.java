package dev.ticketkit.jdbc.partial;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.NewTicket;
import dev.ticketkit.core.Requester;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.workflow.StandardWorkflow;
import dev.ticketkit.jdbc.JdbcTicketKit;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A host that stores only tickets: run by {@code PartialClasspathTest} in a JVM whose class path
 * has neither ticket-sla nor ticket-kb nor Lucene. Prints {@code OK <number> <version>}.
 */
public final class TicketsOnlyHost {

  private TicketsOnlyHost() {}

  /**
   * Opens and accepts a ticket on an in-memory H2 database.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    for (String absent : new String[] {"dev.ticketkit.sla.SlaEngine",
        "dev.ticketkit.kb.KnowledgeBase", "org.apache.lucene.index.IndexWriter"}) {
      try {
        Class.forName(absent);
        throw new IllegalStateException(absent + " is on the class path");
      } catch (ClassNotFoundException expected) {
        // as intended: the host did not ask for it
      }
    }
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:tickets-only;DB_CLOSE_DELAY=-1");
    JdbcTicketKit kit = JdbcTicketKit.create(ds);
    TicketService tickets = TicketService.builder().store(kit.ticketStore())
        .clock(Clock.fixed(Instant.parse("2026-03-02T01:30:00Z"), ZoneOffset.UTC)).build();
    TenantId tenant = TenantId.of("acme");
    Ticket t = tickets.open(tenant, Actor.requester("c-1"), NewTicket.builder()
        .requester(Requester.of("c-1", "Ada")).channel(Channel.EMAIL)
        .subject("Cannot log in").description("The app says wrong password.").build());
    t = tickets.fire(tenant, Actor.agent("li"), t.id(), t.version(), StandardWorkflow.ACCEPT);
    System.out.println("OK " + t.number() + " " + t.version());
  }
}
