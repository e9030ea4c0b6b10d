/**
 * Test support for report sources: a simulated helpdesk ({@link
 * dev.ticketkit.testkit.report.SupportWorld}) played through the public API, a slow oracle that
 * computes the report's figures from the raw history, and the contract every
 * {@code ReportSource} must pass ({@link dev.ticketkit.testkit.report.ReportSourceContract}).
 * Needs ticket-report on the test class path (an optional dependency of the testkit).
 */
@NullMarked
package dev.ticketkit.testkit.report;

import org.jspecify.annotations.NullMarked;
