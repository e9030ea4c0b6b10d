/**
 * The article store SPI, its thread-safe in-memory implementation, and the values it keeps besides articles (ticket links, vote tallies).
 *
 * <p>Everything here is not-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.ticketkit.kb.store;

import org.jspecify.annotations.NullMarked;
