/**
 * Test support for knowledge-base search: the issue-16 relevance set (Simplified and Traditional
 * Chinese and English support articles with queries of eight kinds and no-answer queries), its
 * measures (recall@k, MRR, nDCG@5, no-answer flagging) and plain-Lucene baselines to compare
 * with. Needs ticket-kb on the test class path (an optional dependency of the testkit).
 */
@NullMarked
package dev.ticketkit.testkit.kb;

import org.jspecify.annotations.NullMarked;
