/**
 * Typed ticket events and the listeners that receive them.
 *
 * <p>Every stored change produces one or more {@link dev.ticketkit.core.event.TicketEvent}s. They
 * are part of the change set the store commits atomically (a database store also writes them to
 * its outbox), and the service hands them to registered
 * {@link dev.ticketkit.core.event.TicketListener}s after the commit. Everything here is not-null
 * unless marked {@code @Nullable}.
 */
@NullMarked
package dev.ticketkit.core.event;

import org.jspecify.annotations.NullMarked;
