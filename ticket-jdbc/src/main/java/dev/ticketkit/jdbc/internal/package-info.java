/**
 * TicketKit's jdbc internals: table declarations, row mapping, JSON codecs and the transaction
 * helper. Not part of the API; anything here may change in any release.
 *
 * <p>Everything here is not-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.ticketkit.jdbc.internal;

import org.jspecify.annotations.NullMarked;
