/**
 * Test support for hosts that embed TicketKit and for store implementers: a manual clock
 * ({@link dev.ticketkit.testkit.MutableClock}), sample calendars and ticket intakes. Add
 * {@code dev.ticketkit:ticket-testkit} at test scope. Sub-packages: {@code contract} (store
 * contract suites), {@code jqwik} (arbitraries), {@code story} (ticket stories as data),
 * {@code sla} (a harness and ready properties for a host's own SLA rules).
 */
@NullMarked
package dev.ticketkit.testkit;

import org.jspecify.annotations.NullMarked;
