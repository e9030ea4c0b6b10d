/**
 * The knowledge-base figures of the report over ticket-kb: {@link KbKnowledge}. Only this package
 * refers to ticket-kb, which is an optional dependency of ticket-report: a host without a
 * knowledge base never loads it.
 */
@NullMarked
package dev.ticketkit.report.kb;

import org.jspecify.annotations.NullMarked;
