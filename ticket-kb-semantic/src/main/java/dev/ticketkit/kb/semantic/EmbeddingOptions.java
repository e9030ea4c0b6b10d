package dev.ticketkit.kb.semantic;

import dev.ticketkit.core.InvalidInputException;

/**
 * How {@link BgeSmallZhEmbedding#load(EmbeddingOptions)} runs the model: the ONNX Runtime
 * session's intra-op threads and whether they spin while waiting for work, and how many query
 * vectors it keeps for repeated queries. Immutable.
 *
 * <p>The defaults ({@link #defaults()}): one intra-op thread (the model runs on the calling
 * thread, no worker threads) and no spinning, the session measured best on a 2-core machine
 * (docs/benchmarks.md, issue 16); and no query cache. The cache is off by default because it
 * keeps customers' query texts in memory, where an erasure request cannot reach them; a help
 * centre with many repeated queries turns it on with {@link #withQueryCache} (about 2 KB a
 * vector).
 *
 * @param intraOpThreads the ONNX Runtime intra-op threads, {@value #MIN_THREADS} to
 *     {@value #MAX_THREADS}; with 1 the model runs on the calling thread only
 * @param spinning whether idle intra-op worker threads spin (burning a core) instead of sleeping;
 *     meaningful with more than one thread
 * @param queryCache how many distinct query texts' vectors to keep, least recently used out
 *     first, 0 (no cache) to {@value #MAX_QUERY_CACHE}
 */
public record EmbeddingOptions(int intraOpThreads, boolean spinning, int queryCache) {

  /** The fewest intra-op threads. */
  public static final int MIN_THREADS = 1;
  /** The most intra-op threads. */
  public static final int MAX_THREADS = 64;
  /** The default size of the query cache: 0, no cache. */
  public static final int DEFAULT_QUERY_CACHE = 0;
  /** The largest query cache (about 200 MB of vectors). */
  public static final int MAX_QUERY_CACHE = 100_000;

  /**
   * Checks the options.
   *
   * @throws InvalidInputException naming {@code intraOpThreads} or {@code queryCache} if it is
   *     out of range
   */
  public EmbeddingOptions {
    if (intraOpThreads < MIN_THREADS || intraOpThreads > MAX_THREADS) {
      throw new InvalidInputException("intraOpThreads", intraOpThreads,
          "must be " + MIN_THREADS + " to " + MAX_THREADS);
    }
    if (queryCache < 0 || queryCache > MAX_QUERY_CACHE) {
      throw new InvalidInputException("queryCache", queryCache,
          "must be 0 (no cache) to " + MAX_QUERY_CACHE);
    }
  }

  /**
   * Returns the defaults: one intra-op thread, no spinning, no query cache.
   *
   * @return the default options
   */
  public static EmbeddingOptions defaults() {
    return new EmbeddingOptions(1, false, DEFAULT_QUERY_CACHE);
  }

  /**
   * Returns a copy with another number of intra-op threads.
   *
   * @param threads {@value #MIN_THREADS} to {@value #MAX_THREADS}
   * @return the copy
   * @throws InvalidInputException naming {@code intraOpThreads} if out of range
   */
  public EmbeddingOptions withIntraOpThreads(int threads) {
    return new EmbeddingOptions(threads, spinning, queryCache);
  }

  /**
   * Returns a copy in which idle intra-op threads spin or sleep.
   *
   * @param spin true to spin
   * @return the copy
   */
  public EmbeddingOptions withSpinning(boolean spin) {
    return new EmbeddingOptions(intraOpThreads, spin, queryCache);
  }

  /**
   * Returns a copy with another query cache size.
   *
   * @param size 0 (no cache) to {@value #MAX_QUERY_CACHE}
   * @return the copy
   * @throws InvalidInputException naming {@code queryCache} if out of range
   */
  public EmbeddingOptions withQueryCache(int size) {
    return new EmbeddingOptions(intraOpThreads, spinning, size);
  }
}
