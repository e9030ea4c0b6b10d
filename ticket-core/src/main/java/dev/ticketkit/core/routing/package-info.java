/**
 * Routing: who takes a ticket at intake and after a tier escalation.
 *
 * <p>A {@link dev.ticketkit.core.routing.Routing} wires into
 * {@link dev.ticketkit.core.TicketServiceBuilder#routing}: a {@link dev.ticketkit.core.routing.Roster}
 * of agents (group, skills, capacity, load weights by priority), their
 * {@link dev.ticketkit.core.routing.Availability} (a business calendar's shifts through ticket-sla's
 * adapter), a {@link dev.ticketkit.core.routing.Router} that chooses among the candidates (built in:
 * round robin, least loaded, skills with a fallback), and a
 * {@link dev.ticketkit.core.routing.RosterStore} that keeps every agent's open load and every
 * group's round-robin turn, changed inside the ticket's own transaction so that no agent is ever
 * given more than their capacity. Everything here is not-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.ticketkit.core.routing;

import org.jspecify.annotations.NullMarked;
