package dev.ticketkit.kb;

import dev.ticketkit.core.InvalidInputException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rule for an article's locale: a well-formed BCP 47 tag of a language (2-3 letters), an
 * optional script (4 letters), an optional region (2 letters or 3 digits) and an optional
 * variant, without extensions, at most {@value #MAX_TAG} chars, which {@link Locale} reads back
 * unchanged from its tag. Checked at the door, so no store ever holds a locale that cannot be
 * read back. Stateless and thread-safe.
 */
final class ArticleLocales {

  /** The longest language tag accepted (the BCP 47 recommended buffer size). */
  static final int MAX_TAG = 35;
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
  private static final Pattern SCRIPT = Pattern.compile("([A-Z][a-z]{3})?");
  private static final Pattern REGION = Pattern.compile("([A-Z]{2}|[0-9]{3})?");
  private static final Pattern VARIANT = Pattern.compile("(([0-9A-Za-z]{5,8}|[0-9][0-9A-Za-z]{3})"
      + "(_([0-9A-Za-z]{5,8}|[0-9][0-9A-Za-z]{3}))*)?");

  private ArticleLocales() {}

  static void check(Locale locale) {
    String tag = locale.toLanguageTag();
    boolean wellFormed = LANGUAGE.matcher(locale.getLanguage()).matches()
        && SCRIPT.matcher(locale.getScript()).matches()
        && REGION.matcher(locale.getCountry()).matches()
        && VARIANT.matcher(locale.getVariant()).matches()
        && locale.getExtensionKeys().isEmpty()
        && tag.length() <= MAX_TAG
        && Locale.forLanguageTag(tag).equals(locale);
    if (!wellFormed) {
      throw new InvalidInputException("locale", abbreviate(locale.toString()),
          "must be a well-formed BCP 47 language tag (language, optional script, region and"
              + " variant, no extensions) of at most " + MAX_TAG + " chars");
    }
  }

  private static String abbreviate(String value) {
    return value.length() <= 60 ? value : value.substring(0, 60) + "...";
  }
}
