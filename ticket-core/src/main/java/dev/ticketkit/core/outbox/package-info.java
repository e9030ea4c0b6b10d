/**
 * The transactional outbox: events written in each ticket commit's own transaction and delivered
 * at least once by an {@link dev.ticketkit.core.outbox.OutboxRelay}, on every store.
 */
@NullMarked
package dev.ticketkit.core.outbox;

import org.jspecify.annotations.NullMarked;
