package dev.ticketkit.kb.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts an article's plain text into passages for passage-level embeddings: paragraphs, and long
 * paragraphs into sentences; a passage shorter than {@value #MIN_CHARS} chars joins the next; an
 * article with more than {@value #MAX_PASSAGES} passages has neighbouring passages grouped so
 * that at most {@value #MAX_PASSAGES} remain (the index stores one vector per passage).
 *
 * <p>Exploration only (RelevanceFeatureDumpTest): passage vectors were measured and not shipped
 * (docs/benchmarks.md, issue 16, third pass). Stateless and thread-safe.
 */
final class Passages {

  /** The most passages an article has. */
  public static final int MAX_PASSAGES = 8;
  /** Passages shorter than this many chars join the next one. */
  static final int MIN_CHARS = 12;

  private static final Pattern PARAGRAPH = Pattern.compile("\\n\\s*\\n|\\n(?=\\s*\\S)");
  private static final Pattern SENTENCE =
      Pattern.compile("(?<=[。！？；!?;])\\s*|(?<=[.])\\s+(?=\\S)");

  private Passages() {}

  /**
   * Returns the passages of a plain text, in order, none blank.
   *
   * @param plain the text (Markdown already flattened)
   * @return the passages, at most {@value #MAX_PASSAGES}
   */
  public static List<String> of(String plain) {
    List<String> pieces = new ArrayList<>();
    for (String paragraph : PARAGRAPH.split(plain)) {
      for (String sentence : SENTENCE.split(paragraph.strip())) {
        if (!sentence.isBlank()) {
          pieces.add(sentence.strip());
        }
      }
    }
    List<String> joined = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    for (String piece : pieces) {
      pending.append(pending.length() == 0 ? "" : " ").append(piece);
      if (pending.length() >= MIN_CHARS) {
        joined.add(pending.toString());
        pending.setLength(0);
      }
    }
    if (pending.length() > 0) {
      if (joined.isEmpty()) {
        joined.add(pending.toString());
      } else {
        joined.set(joined.size() - 1, joined.get(joined.size() - 1) + " " + pending);
      }
    }
    return grouped(joined);
  }

  private static List<String> grouped(List<String> passages) {
    if (passages.size() <= MAX_PASSAGES) {
      return passages;
    }
    int per = (passages.size() + MAX_PASSAGES - 1) / MAX_PASSAGES;
    List<String> out = new ArrayList<>();
    for (int i = 0; i < passages.size(); i += per) {
      out.add(String.join(" ", passages.subList(i, Math.min(passages.size(), i + per))));
    }
    return out;
  }
}
