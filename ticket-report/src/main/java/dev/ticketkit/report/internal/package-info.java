/**
 * Implementation of the report module: fact derivation from ticket histories, the in-memory
 * aggregation, the report computation and the renderers' helpers. Not an API: anything here may
 * change without notice.
 */
@NullMarked
package dev.ticketkit.report.internal;

import org.jspecify.annotations.NullMarked;
