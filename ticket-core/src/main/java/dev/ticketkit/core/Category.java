package dev.ticketkit.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a ticket belongs in the host's topic tree, as a path such as {@code Billing/Refunds}.
 *
 * <p>An open set: any path of 1 to {@value #MAX_DEPTH} segments, each 1 to
 * {@value #MAX_SEGMENT_LENGTH} characters without {@code /} or control characters and without
 * leading or trailing spaces. The text form joins the segments with {@code /};
 * {@link #parse(String)} reads it back. Comparison is exact (case-sensitive). Instances are
 * immutable and thread-safe.
 *
 * @param segments the path from the root, outermost first
 */
public record Category(List<String> segments) implements Comparable<Category> {

  /** The deepest path accepted. */
  public static final int MAX_DEPTH = 8;
  /** The longest segment accepted. */
  public static final int MAX_SEGMENT_LENGTH = 64;

  private static final TextRule SEGMENT = TextRule.line(MAX_SEGMENT_LENGTH);

  /**
   * Validates and copies the segments.
   *
   * @throws InvalidInputException if the path is empty, too deep, or a segment is not valid
   */
  public Category {
    Texts.notNull("category", segments);
    if (segments.isEmpty() || segments.size() > MAX_DEPTH) {
      throw new InvalidInputException(
          "category", segments, "must have 1 to " + MAX_DEPTH + " segments");
    }
    for (int i = 0; i < segments.size(); i++) {
      checkSegment("category.segments[" + i + "]", segments.get(i));
    }
    segments = List.copyOf(segments);
  }

  /**
   * Returns the category with the given path.
   *
   * @param first the outermost segment
   * @param more the inner segments
   * @return the category
   * @throws InvalidInputException if a segment is not valid
   */
  public static Category of(String first, String... more) {
    Objects.requireNonNull(first, "first");
    List<String> path = new ArrayList<>();
    path.add(first);
    path.addAll(List.of(Texts.notNull("more", more)));
    return new Category(path);
  }

  /**
   * Parses the text form, segments joined by {@code /}.
   *
   * @param text the path, such as {@code "Billing/Refunds"}
   * @return the category
   * @throws InvalidInputException if the text is null or a segment is not valid
   */
  public static Category parse(@Nullable String text) {
    if (text == null) {
      throw new InvalidInputException("category", null, "must not be null");
    }
    return new Category(List.of(text.split("/", -1)));
  }

  /**
   * Returns the parent category, or null at the root.
   *
   * @return the parent, or null if this path has one segment
   */
  public @Nullable Category parent() {
    return segments.size() == 1 ? null : new Category(segments.subList(0, segments.size() - 1));
  }

  /**
   * Returns the child category with one more segment.
   *
   * @param segment the new innermost segment
   * @return the child
   * @throws InvalidInputException if the segment is not valid or the path would be too deep
   */
  public Category child(String segment) {
    List<String> path = new ArrayList<>(segments);
    path.add(segment);
    return new Category(path);
  }

  /**
   * Tells whether this category is the other one or lies below it.
   *
   * @param ancestor the other category
   * @return true if this path starts with the other's path
   */
  public boolean isWithin(Category ancestor) {
    return segments.size() >= ancestor.segments.size()
        && segments.subList(0, ancestor.segments.size()).equals(ancestor.segments);
  }

  @Override
  public int compareTo(Category other) {
    return toString().compareTo(other.toString());
  }

  /** Returns the segments joined by {@code /}, which {@link #parse(String)} reads back. */
  @Override
  public String toString() {
    return String.join("/", segments);
  }

  private static void checkSegment(String field, @Nullable String segment) {
    String text = SEGMENT.require(field, segment);
    if (text.indexOf('/') >= 0 || !text.strip().equals(text)) {
      throw new InvalidInputException(
          field, text, "must not contain '/' or leading or trailing spaces");
    }
  }
}
