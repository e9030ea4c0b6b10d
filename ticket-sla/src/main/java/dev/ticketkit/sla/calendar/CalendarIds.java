package dev.ticketkit.sla.calendar;

/**
 * The rule for calendar and holiday-set ids: one line of 1 to {@value #MAX_LENGTH} code points,
 * well-formed Unicode, no control character (so no U+0000), not blank. It is ticket-core's
 * {@code TextRule.line(200)}, restated here because the calendar package depends on the JDK only
 * (a test holds the two to the same answers). Stateless and thread-safe.
 */
final class CalendarIds {

  /** The most code points of an id. */
  static final int MAX_LENGTH = 200;

  private CalendarIds() {}

  /**
   * Checks an id.
   *
   * @param path where the id was given, for the error
   * @param id the id
   * @return the id, unchanged
   * @throws CalendarFormatException if the id breaks the rule
   */
  static String check(String path, String id) {
    String problem = problem(id);
    if (problem != null) {
      throw new CalendarFormatException(path, '"' + shown(id) + '"', "the id " + problem);
    }
    return id;
  }

  private static String problem(String id) {
    if (id.isBlank()) {
      return "must not be blank";
    }
    int count = 0;
    for (int i = 0; i < id.length(); count++) {
      int cp = id.codePointAt(i);
      if (Character.isSurrogate((char) cp) && cp <= 0xFFFF) {
        return "must be well-formed Unicode (a lone surrogate at index " + i + ")";
      }
      if (Character.isISOControl(cp)) {
        return "must not hold control characters (U+" + String.format("%04X", cp) + ")";
      }
      i += Character.charCount(cp);
    }
    return count > MAX_LENGTH ? "must be at most " + MAX_LENGTH + " code points" : null;
  }

  /** Shows at most 40 code points, with characters that cannot be shown escaped. */
  private static String shown(String id) {
    StringBuilder out = new StringBuilder();
    int n = 0;
    for (int i = 0; i < id.length() && n < 40; n++) {
      int cp = id.codePointAt(i);
      if (Character.isISOControl(cp) || (cp <= 0xFFFF && Character.isSurrogate((char) cp))) {
        out.append(String.format("\\u%04X", cp));
      } else {
        out.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    return n < 40 ? out.toString() : out + "...";
  }
}
