package dev.ticketkit.report;

import org.jspecify.annotations.Nullable;

/**
 * Rating requests: a request is sent when a resolution cycle reaches a RESOLVED state; it is
 * answered by the requester's rating, expires when the auto-close sweep closes the ticket without
 * one (ticket-core's {@code TicketRatingExpired}), and is superseded by the next resolution.
 * Counts are of the requests sent in the period, as they stood at the report's instant.
 * Instances are immutable and thread-safe.
 *
 * @param sent requests sent in the period
 * @param answered of them, answered by the report's instant
 * @param expired of them, expired unanswered by then
 * @param unanswered of them, neither (still waiting, or superseded)
 * @param responseRate answered over sent, or null when none was sent
 * @param settledResponseRate answered over answered plus expired (the requests that have had
 *     their full chance), or null when there are none
 */
public record RatingRequestFigures(long sent, long answered, long expired, long unanswered,
    @Nullable Double responseRate, @Nullable Double settledResponseRate) {}
