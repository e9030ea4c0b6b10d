/**
 * jqwik arbitraries for a host's own tests: business calendars and instants near their working
 * boundaries, ticket intakes, and ticket stories with realistic gaps and engine ticks; and a
 * jqwik domain, {@link dev.ticketkit.testkit.jqwik.SlaDomain}.
 */
@NullMarked
package dev.ticketkit.testkit.jqwik;

import org.jspecify.annotations.NullMarked;
