/**
 * TicketKit's sla module.
 *
 * <p>Everything here is not-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.ticketkit.sla;

import org.jspecify.annotations.NullMarked;
