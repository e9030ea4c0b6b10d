package dev.ticketkit.report;

import org.jspecify.annotations.Nullable;

/**
 * First-contact resolution over the tickets closed in the period.
 *
 * <p>The population is every resolution cycle that closed after a resolution ({@code
 * CloseKind.CLOSED}) in the period and had not been reopened by the report's instant: one per
 * ticket that finished. A ticket counts as a first-contact resolution by the definition of
 * {@link dev.ticketkit.report.source.CycleFact#isFirstContactResolution()}: closed in cycle 1, not
 * reopened, no tier escalation, no hand-off (vacuous until hand-offs exist), and no requester
 * follow-up after the first agent reply. Instances are immutable and thread-safe.
 *
 * @param closed tickets closed in the period
 * @param firstContact of them, first-contact resolutions
 * @param rate firstContact over closed, or null when nothing closed
 */
public record FirstContactResolution(long closed, long firstContact, @Nullable Double rate) {}
