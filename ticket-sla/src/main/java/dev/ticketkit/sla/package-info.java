/**
 * TicketKit's SLA engine: clocks per ticket, metric and cycle that follow ticket-core's events,
 * targets from {@linkplain dev.ticketkit.sla.policy policies} on
 * {@linkplain dev.ticketkit.sla.calendar business calendars}, and escalation ladders that fire
 * exactly once from a time-ordered index.
 *
 * <pre>{@code
 * TicketStore tickets = InMemoryTicketStore.create();
 * TicketService service = TicketService.builder().store(tickets).clock(clock).build();
 * SlaEngine sla = SlaEngine.builder()
 *     .tickets(tickets, service)
 *     .policies(SlaPolicies.standard())          // or SlaPolicies.fromJson(json, calendars)
 *     .store(InMemorySlaStore.create())          // or the jOOQ store from ticket-jdbc
 *     .notifier(myNotifier)
 *     .build();
 * SlaTickRunner runner = sla.startRunner(scheduler, clock, Duration.ofSeconds(15));
 * String why = sla.explain(sla.clocks(tenant, ticketId).get(0), clock.instant());
 * }</pre>
 *
 * <p>Everything here is not-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.ticketkit.sla;

import org.jspecify.annotations.NullMarked;
