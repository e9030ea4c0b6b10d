/**
 * Workflows as data: states with categories, named transitions with actor kinds, guards and
 * effects, triggers, the standard support workflow, and its JSON form.
 *
 * <p>Everything here is not-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.ticketkit.core.workflow;

import org.jspecify.annotations.NullMarked;
