/**
 * TicketKit's jdbc module.
 *
 * <p>Everything here is not-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.ticketkit.jdbc;

import org.jspecify.annotations.NullMarked;
