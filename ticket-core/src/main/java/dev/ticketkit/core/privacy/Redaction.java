package dev.ticketkit.core.privacy;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The result of redacting a text: the masked text and how many matches each detector masked (the
 * counts say that redaction happened, never what was removed). Instances are immutable and
 * thread-safe.
 *
 * @param text the text with every match replaced by {@code [detector name]}
 * @param counts the number of masked matches per detector name, only those above zero, sorted
 */
public record Redaction(String text, Map<String, Integer> counts) {

  /**
   * Validates the result and copies the counts.
   *
   * @throws NullPointerException if a part is null
   */
  public Redaction {
    Objects.requireNonNull(text, "text");
    counts = Map.copyOf(new TreeMap<>(counts));
  }

  /**
   * Tells whether anything was masked.
   *
   * @return true if a detector matched
   */
  public boolean changed() {
    return !counts.isEmpty();
  }

  /**
   * Returns the number of masked matches.
   *
   * @return the sum of the counts
   */
  public int total() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  /**
   * Returns the summary a history entry records: {@code "email=1, mobile=2"}, the detector names
   * in order with their counts.
   *
   * @return the summary, or the empty text if nothing was masked
   */
  public String summary() {
    StringBuilder out = new StringBuilder();
    new TreeMap<>(counts).forEach((k, v) -> out.append(out.length() == 0 ? "" : ", ")
        .append(k).append('=').append(v));
    return out.toString();
  }
}
