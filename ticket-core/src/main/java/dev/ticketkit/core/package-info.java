/**
 * The TicketKit domain: tickets, their values, the workflow, the service and the store SPI.
 *
 * <p>Everything here is not-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.ticketkit.core;

import org.jspecify.annotations.NullMarked;
