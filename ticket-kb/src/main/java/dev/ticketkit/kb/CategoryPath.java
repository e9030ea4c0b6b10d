package dev.ticketkit.kb;

import dev.ticketkit.core.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Where an article sits in the knowledge base's category tree, from the root down, for example
 * {@code Account/Login}.
 *
 * <p>The text form joins the segments with {@code /}; {@link #parse(String)} reads it back. The
 * root is the empty path. Instances are immutable and thread-safe.
 *
 * @param segments the segments from the root, each 1 to 80 chars without {@code /}
 */
public record CategoryPath(List<String> segments) {

  /** The root of the tree: no segments. */
  public static final CategoryPath ROOT = new CategoryPath(List.of());

  /** The deepest path accepted. */
  public static final int MAX_DEPTH = 10;

  /**
   * Validates and copies the segments.
   *
   * @throws InvalidInputException if there are too many segments or one is blank, too long or
   *     contains {@code /}
   */
  public CategoryPath {
    Objects.requireNonNull(segments, "segments");
    if (segments == null || segments.size() > MAX_DEPTH) {
      throw new InvalidInputException("category", segments, "must have at most 10 segments");
    }
    for (String segment : segments) {
      Texts.requireText("category", segment, 80);
      if (segment.indexOf('/') >= 0 || !segment.equals(segment.strip())) {
        throw new InvalidInputException(
            "category", segment, "segment must not contain '/' or surrounding spaces");
      }
    }
    segments = List.copyOf(segments);
  }

  /**
   * Returns the path with the given segments.
   *
   * @param segments the segments from the root
   * @return the path
   * @throws InvalidInputException if a segment is not acceptable
   */
  public static CategoryPath of(String... segments) {
    return new CategoryPath(Arrays.asList(segments));
  }

  /**
   * Parses the text form, segments separated by {@code /}; the empty text is the root.
   *
   * @param text the text form
   * @return the path
   * @throws NullPointerException if the text is null
   * @throws InvalidInputException if a segment is not acceptable
   */
  public static CategoryPath parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text == null) {
      throw new InvalidInputException("category", null, "must not be null");
    }
    return text.isEmpty() ? ROOT : new CategoryPath(Arrays.asList(text.split("/", -1)));
  }

  /** Returns the segments joined with {@code /}, which {@link #parse(String)} reads back. */
  @Override
  public String toString() {
    return String.join("/", segments);
  }
}
