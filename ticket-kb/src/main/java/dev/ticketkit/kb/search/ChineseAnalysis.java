package dev.ticketkit.kb.search;

/**
 * How the search index cuts Chinese (Han) text into terms. Latin text gets the same treatment
 * either way: standard tokenization, lower case, English stop words, Porter stemming.
 *
 * <p>{@link #BIGRAM} is the default: on the knowledge base's evaluation corpus it reached the same
 * recall@3 as {@link #SMART}, a slightly higher MRR and faster bulk indexing, and it needs no
 * dictionary, so new product names and typos in Chinese still share bigrams with the right
 * article. {@link #SMART} was faster for searches with snippets (see {@code docs/benchmarks.md}).
 * Enum constants are immutable and thread-safe.
 */
public enum ChineseAnalysis {
  /** Overlapping character bigrams ({@code 支付失败} gives {@code 支付 付失 失败}). */
  BIGRAM,
  /** Dictionary words from Lucene's SmartChineseAnalyzer ({@code 支付失败} gives {@code 支付 失败}). */
  SMART
}
