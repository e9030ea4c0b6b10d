/**
 * Complaint-spike early warning: a detector over a tenant's stream of ticket signals (new
 * tickets, complaints, dissatisfied ratings) per category and channel that raises one
 * {@link SpikeDetected} event per spike episode, claimed through {@link EpisodeClaims} so that
 * several nodes raise it once. See {@link SpikeDetector} for the statistical test.
 */
@NullMarked
package dev.ticketkit.report.spike;

import org.jspecify.annotations.NullMarked;
