/**
 * The monthly service report: its data model (pure data, no presentation), the engine that
 * computes it for a tenant and a period from a {@link dev.ticketkit.report.source.ReportSource},
 * and the process-improvement suggestion rules.
 *
 * <p>Sub-packages: {@code source} (the fact SPI and the in-memory source), {@code render} (JSON,
 * CSV and HTML renderers; CSV and HTML need optional dependencies), {@code spike} (the
 * complaint-spike early warning) and {@code kb} (the knowledge-base figures, for hosts that have
 * ticket-kb).
 */
@NullMarked
package dev.ticketkit.report;

import org.jspecify.annotations.NullMarked;
