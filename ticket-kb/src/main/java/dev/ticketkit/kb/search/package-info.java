/**
 * Full-text search over articles with Lucene: Chinese and Latin analysis, synonyms, typo tolerance, filters and highlighted snippets.
 *
 * <p>Everything here is not-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.ticketkit.kb.search;

import org.jspecify.annotations.NullMarked;
