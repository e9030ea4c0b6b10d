/**
 * The storage SPI for tickets, its in-memory implementation, and queries with keyset paging.
 *
 * <p>A store commits one {@link dev.ticketkit.core.store.ChangeSet} atomically: the ticket's new
 * version, its history, its conversation entries and its events (appended to the store's
 * outbox), plus what the {@link dev.ticketkit.core.store.UnitOfWork} of the service's followers
 * writes in the same transaction. A store is storage only. Every
 * method names the tenant and never returns another tenant's data. Everything here is not-null
 * unless marked {@code @Nullable}.
 */
@NullMarked
package dev.ticketkit.core.store;

import org.jspecify.annotations.NullMarked;
