/**
 * TicketKit's kb module.
 *
 * <p>Everything here is not-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.ticketkit.kb;

import org.jspecify.annotations.NullMarked;
