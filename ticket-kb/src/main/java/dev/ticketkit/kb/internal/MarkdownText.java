package dev.ticketkit.kb.internal;

import java.util.regex.Pattern;

/**
 * Flattens Markdown into the plain text that is indexed and shown in snippets: link and image
 * targets, emphasis marks, heading and list markers, code fences and HTML tags are dropped, the
 * words stay.
 *
 * <p>Stateless and thread-safe.
 */
public final class MarkdownText {

  private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)\\]\\([^)]*\\)");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");
  private static final Pattern FENCE = Pattern.compile("(?m)^\\s*(```|~~~).*$");
  private static final Pattern HEADING = Pattern.compile("(?m)^\\s{0,3}(#{1,6}|>+)\\s*");
  private static final Pattern LIST = Pattern.compile("(?m)^\\s*([-*+]|\\d{1,3}[.)])\\s+");
  private static final Pattern TAG = Pattern.compile("<[^>\\n]{1,200}>");
  private static final Pattern MARKS = Pattern.compile("[*_`~]{1,3}");

  private MarkdownText() {}

  /**
   * Returns the plain text of a Markdown document.
   *
   * @param markdown the Markdown source
   * @return the text without markup, lines kept
   */
  public static String plain(String markdown) {
    String text = IMAGE.matcher(markdown).replaceAll("$1");
    text = LINK.matcher(text).replaceAll("$1");
    text = FENCE.matcher(text).replaceAll("");
    text = HEADING.matcher(text).replaceAll("");
    text = LIST.matcher(text).replaceAll("");
    text = TAG.matcher(text).replaceAll("");
    return MARKS.matcher(text).replaceAll("");
  }
}
