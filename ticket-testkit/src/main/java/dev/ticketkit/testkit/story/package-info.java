/**
 * A ticket's life as data: {@link dev.ticketkit.testkit.story.TicketStory}, its steps, the gaps
 * between them, the actions done through the ticket service, and the SLA engine ticks.
 */
@NullMarked
package dev.ticketkit.testkit.story;

import org.jspecify.annotations.NullMarked;
