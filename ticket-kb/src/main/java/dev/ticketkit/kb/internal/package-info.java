/**
 * Internals shared between the knowledge base's packages: text analysis, Markdown flattening, line diffs. Not part of the public API; may change without notice.
 *
 * <p>Everything here is not-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.ticketkit.kb.internal;

import org.jspecify.annotations.NullMarked;
