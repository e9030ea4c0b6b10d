/**
 * Property-testing SLA rules: {@link dev.ticketkit.testkit.sla.SlaPolicyProperties} to extend
 * with your policies, {@link dev.ticketkit.testkit.sla.SlaChecks} with the invariants,
 * {@link dev.ticketkit.testkit.sla.SlaHarness} to play stories, and
 * {@link dev.ticketkit.testkit.sla.ForwardingSlaStore} to inject faults into a store.
 */
@NullMarked
package dev.ticketkit.testkit.sla;

import org.jspecify.annotations.NullMarked;
