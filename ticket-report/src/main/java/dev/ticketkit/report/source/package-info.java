/**
 * The report's source SPI: the facts a report is computed from and the aggregate queries over
 * them.
 *
 * <p>A report is computed from three kinds of fact rows, each defined so that it can be a table
 * row written in the ticket's own transaction: {@link CycleFact} (one per ticket and resolution
 * cycle), {@link ClockFact} (one per SLA clock) and {@link EscalationFact} (one per fired
 * escalation level). A {@link ReportSource} opens a {@link FactReader} per report, which answers
 * {@link FactQuery aggregate queries} (filter, group by, count, sum, nearest-rank percentile) and
 * small bounded {@link SampleQuery samples}; it never hands out every ticket. The in-memory
 * source derives the facts from a ticket store and an SLA store; a SQL source keeps them in
 * tables and translates each query into one {@code SELECT ... GROUP BY}.
 */
@NullMarked
package dev.ticketkit.report.source;

import org.jspecify.annotations.NullMarked;
