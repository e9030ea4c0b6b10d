/**
 * What-if replay of SLA policies: recompute a period's clocks from the recorded ticket history
 * under other targets, ladders or calendars, and compare them with what happened
 * ({@link dev.ticketkit.sla.whatif.WhatIf}, {@link dev.ticketkit.sla.whatif.SlaReplay}).
 */
@NullMarked
package dev.ticketkit.sla.whatif;

import org.jspecify.annotations.NullMarked;
