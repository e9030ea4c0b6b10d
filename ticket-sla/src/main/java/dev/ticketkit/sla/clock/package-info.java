/**
 * SLA clocks as values: the metrics a support team is measured on, the key of one clock, its
 * target, its pauses and its state.
 *
 * <p>A {@link dev.ticketkit.sla.clock.SlaClock} is an immutable snapshot written by the SLA engine
 * and kept by an {@link dev.ticketkit.sla.store.SlaStore}. Everything here is not-null unless
 * marked {@code @Nullable}.
 */
@NullMarked
package dev.ticketkit.sla.clock;

import org.jspecify.annotations.NullMarked;
