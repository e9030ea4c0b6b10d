package dev.ticketkit.kb.semantic;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The vectors of the last {@code capacity} distinct query texts, the least recently used (read
 * or written) forgotten first. A {@link LinkedHashMap} in access order under one lock: a hit
 * costs a hash lookup, against milliseconds for the model. Holds the arrays it is given; callers
 * hand out copies. Thread-safe.
 */
final class QueryCache {

  private final Map<String, float[]> vectors;

  /**
   * Creates an empty cache.
   *
   * @param capacity the most vectors kept, positive
   */
  QueryCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.vectors = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
        return size() > capacity;
      }
    };
  }

  /** Returns the text's vector and marks it used, or null if it is not kept. */
  synchronized float @Nullable [] get(String text) {
    return vectors.get(text);
  }

  /** Keeps the text's vector, forgetting the least recently used one if the cache is full. */
  synchronized void put(String text, float[] vector) {
    vectors.put(text, vector);
  }

  /** Tells whether the text's vector is kept, without marking it used. */
  synchronized boolean contains(String text) {
    return vectors.containsKey(text);
  }

  /** Returns how many vectors are kept. */
  synchronized int size() {
    return vectors.size();
  }
}
