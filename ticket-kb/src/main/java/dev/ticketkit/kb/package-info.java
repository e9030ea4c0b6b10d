/**
 * The knowledge base: articles and their lifecycle, revisions and diffs, votes and views, the
 * review cycle, and the {@link dev.ticketkit.kb.KnowledgeBase} facade that ties the store, the
 * search index and the ticket links together.
 *
 * <p>Everything here is not-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.ticketkit.kb;

import org.jspecify.annotations.NullMarked;
