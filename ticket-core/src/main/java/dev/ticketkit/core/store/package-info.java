/**
 * The storage SPI for tickets, its in-memory implementation, and queries with keyset paging.
 *
 * <p>A store commits one {@link dev.ticketkit.core.store.ChangeSet} atomically: the ticket's new
 * version, its history, its conversation entries and its events, plus whatever registered
 * {@link dev.ticketkit.core.store.CommitParticipant}s write in the same atomic section. Every
 * method names the tenant and never returns another tenant's data. Everything here is not-null
 * unless marked {@code @Nullable}.
 */
@NullMarked
package dev.ticketkit.core.store;

import org.jspecify.annotations.NullMarked;
