/**
 * The knowledge base seen from tickets: article suggestions for a ticket's text, solution links, and FAQ candidates mined from resolved tickets.
 *
 * <p>Everything here is not-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.ticketkit.kb.ticket;

import org.jspecify.annotations.NullMarked;
