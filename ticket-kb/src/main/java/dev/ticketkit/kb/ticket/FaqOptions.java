package dev.ticketkit.kb.ticket;

import dev.ticketkit.core.InvalidInputException;

/**
 * How FAQ candidates are mined: how similar tickets must be to group, how large a group must be,
 * and how much of each group to show.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param minSimilarity the cosine similarity (TF-IDF) from which a ticket joins a group, in
 *     {@code (0, 1]} (default 0.25); with an embedding the cosine of the embeddings must reach
 *     {@code 0.6 + 0.4 * minSimilarity} (0.7 by default), as embeddings of unrelated support
 *     texts already have cosines around 0.4-0.6
 * @param minGroupSize the smallest group reported, at least 2 (default 3)
 * @param examples how many example ticket ids each candidate shows, positive (default 5)
 * @param terms how many common terms each candidate shows, positive (default 6)
 * @param maxCandidates the most candidates returned, positive (default 20)
 */
public record FaqOptions(
    double minSimilarity, int minGroupSize, int examples, int terms, int maxCandidates) {

  /**
   * Validates the options.
   *
   * @throws InvalidInputException if a value is out of its documented range
   */
  public FaqOptions {
    if (!(minSimilarity > 0 && minSimilarity <= 1)) {
      throw new InvalidInputException("minSimilarity", minSimilarity, "must be in (0, 1]");
    }
    if (minGroupSize < 2 || examples < 1 || terms < 1 || maxCandidates < 1) {
      throw new InvalidInputException("faqOptions",
          minGroupSize + "/" + examples + "/" + terms + "/" + maxCandidates,
          "group size must be 2+, counts positive");
    }
  }

  /**
   * Returns the defaults: similarity 0.25, groups of 3+, 5 examples, 6 terms, 20 candidates.
   *
   * @return the default options
   */
  public static FaqOptions defaults() {
    return new FaqOptions(0.25, 3, 5, 6, 20);
  }

  /**
   * Returns a copy with another smallest group size.
   *
   * @param size the smallest group reported, at least 2
   * @return the copy
   * @throws InvalidInputException if the size is below 2
   */
  public FaqOptions withMinGroupSize(int size) {
    return new FaqOptions(minSimilarity, size, examples, terms, maxCandidates);
  }
}
