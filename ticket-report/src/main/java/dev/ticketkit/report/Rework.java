package dev.ticketkit.report;

import org.jspecify.annotations.Nullable;

/**
 * Work that came back or went up. Instances are immutable and thread-safe.
 *
 * @param reopens cycles started by a reopen in the period
 * @param reopenRate reopens over cycles resolved in the period, or null when none resolved
 * @param tierEscalations cycles whose first tier raise (escalate operation or SLA action; not the
 *     reopen's own raise) happened in the period
 */
public record Rework(long reopens, @Nullable Double reopenRate, long tierEscalations) {}
