/**
 * ticket-core's internals shared between its packages: the bridge that keeps the
 * {@code ChangeSet} and {@code Ticket} constructors out of the API, and the builders' set-once
 * check. Not API, not exported; nothing here is for hosts. Everything here is not-null unless
 * marked {@code @Nullable}.
 */
@NullMarked
package dev.ticketkit.core.internal;

import org.jspecify.annotations.NullMarked;
