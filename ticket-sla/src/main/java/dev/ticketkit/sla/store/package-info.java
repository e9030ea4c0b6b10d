/**
 * Where SLA clocks and escalation bookkeeping live: the {@link dev.ticketkit.sla.store.SlaStore}
 * SPI, its values, and {@link dev.ticketkit.sla.store.InMemorySlaStore}.
 *
 * <p>A database store implements the same SPI and runs the abstract contract test
 * {@code dev.ticketkit.sla.store.SlaStoreContract} from ticket-sla's test-jar unchanged.
 * Everything here is not-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.ticketkit.sla.store;

import org.jspecify.annotations.NullMarked;
