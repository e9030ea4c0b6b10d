/**
 * Implementation details of the testkit; not API. The SLA engine wiring lives here, in one
 * method ({@link dev.ticketkit.testkit.internal.EngineWiring#attach}).
 */
@NullMarked
package dev.ticketkit.testkit.internal;

import org.jspecify.annotations.NullMarked;
