package dev.ticketkit.report;

import java.util.Objects;

/**
 * One line of a breakdown: a key (a channel code, a category path, a priority, a tag...), its
 * count and its share of the breakdown's total. Instances are immutable and thread-safe.
 *
 * @param key the key
 * @param count the count
 * @param share the count over the total, 0 when the total is 0
 */
public record Count(String key, long count, double share) {

  /**
   * Validates the line.
   *
   * @throws NullPointerException if the key is null
   */
  public Count {
    Objects.requireNonNull(key, "key");
  }
}
