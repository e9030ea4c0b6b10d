/**
 * Implementation of the SLA engine: clock arithmetic, the clock state machine, escalation
 * planning and actions, explanations. Not part of the public API: it may change in any release,
 * and the module exports nothing here.
 */
@NullMarked
package dev.ticketkit.sla.internal;

import org.jspecify.annotations.NullMarked;
