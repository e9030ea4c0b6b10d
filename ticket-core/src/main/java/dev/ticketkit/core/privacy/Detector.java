package dev.ticketkit.core.privacy;

import dev.ticketkit.core.InvalidInputException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Finds one kind of personal data in text: a regular expression for the candidates and a check
 * that each candidate must pass (a checksum, a valid date). A {@link Redactor} replaces what a
 * detector finds with {@code [name]}.
 *
 * <p>The built-in detectors look for a whole token: a candidate that touches a letter or digit
 * (an order number {@code SF1381234567890}, a longer digit run) is not personal data. Instances
 * are immutable and thread-safe.
 */
public final class Detector {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
  private static final String BEFORE = "(?<![0-9A-Za-z_#/-])";
  private static final String AFTER = "(?![0-9A-Za-z_])";
  private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String ID_CHECK = "10X98765432";

  private static final Detector EMAIL = new Detector("email", Pattern.compile(
      "(?<![\\w.+%-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63})*"
          + "\\.[A-Za-z]{2,24}(?![\\w-])"), s -> true);
  private static final Detector MOBILE = new Detector("mobile", Pattern.compile(BEFORE
      + "(?:(?:\\+|00)86[ -]?)?1[3-9][0-9](?:[0-9]{8}|[ -][0-9]{4}[ -][0-9]{4})" + AFTER),
      s -> true);
  private static final Detector RESIDENT_ID = new Detector("resident-id", Pattern.compile(BEFORE
      + "[1-8][0-9]{5}(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}"
      + "[0-9Xx]" + AFTER), Detector::isResidentId);
  private static final Detector BANK_CARD = new Detector("bank-card", Pattern.compile(BEFORE
      + "(?:[2-6][0-9]{12,18}|[2-6][0-9]{3}(?:[ -][0-9]{4}){2,3}(?:[ -][0-9]{1,3})?)" + AFTER),
      s -> isCardNumber(s) && isCardBrand(s.replace(" ", "").replace("-", "")));
  private static final Pattern CARD_BRANDS = Pattern.compile("62[0-9]{14,17}|4[0-9]{15}"
      + "|5[1-5][0-9]{14}|2(?:22[1-9]|2[3-9][0-9]|[3-6][0-9]{2}|7[01][0-9]|720)[0-9]{12}"
      + "|3[47][0-9]{13}|35(?:2[89]|[3-8][0-9])[0-9]{12}|6011[0-9]{12}|65[0-9]{14}");

  private final String name;
  private final Pattern pattern;
  private final Predicate<String> check;

  private Detector(String name, Pattern pattern, Predicate<String> check) {
    this.name = name;
    this.pattern = pattern;
    this.check = check;
  }

  /**
   * Returns a detector of mainland China mobile numbers: 11 digits starting {@code 13} to
   * {@code 19}, optionally with {@code +86}/{@code 0086} and grouped {@code 3-4-4} by spaces or
   * hyphens.
   *
   * @return the detector, named {@code mobile}
   */
  public static Detector mainlandMobile() {
    return MOBILE;
  }

  /**
   * Returns a detector of 18-digit resident identity numbers (GB 11643): a region code, a valid
   * birth date and the ISO 7064 MOD 11-2 check character.
   *
   * @return the detector, named {@code resident-id}
   */
  public static Detector residentId() {
    return RESIDENT_ID;
  }

  /**
   * Returns a detector of payment card numbers, whole or in groups of four, that pass the Luhn
   * check and have the length and prefix of a card brand: UnionPay ({@code 62}, 16 to 19
   * digits), Visa ({@code 4}, 16), Mastercard ({@code 51}-{@code 55}, {@code 2221}-{@code 2720},
   * 16), American Express ({@code 34}, {@code 37}, 15), JCB ({@code 3528}-{@code 3589}, 16) and
   * Discover ({@code 6011}, {@code 65}, 16). The brand check keeps long order numbers (which pass
   * Luhn one time in ten) from being masked.
   *
   * @return the detector, named {@code bank-card}
   */
  public static Detector bankCard() {
    return BANK_CARD;
  }

  /**
   * Returns a detector of e-mail addresses (ASCII local part and domain).
   *
   * @return the detector, named {@code email}
   */
  public static Detector email() {
    return EMAIL;
  }

  /**
   * Returns a host-defined detector: everything the regular expression matches is masked.
   *
   * @param name the name the mask shows: 1 to 32 lower-case letters, digits, {@code _} or
   *     {@code -}, starting with a letter
   * @param regex the regular expression ({@link Pattern} syntax)
   * @return the detector
   * @throws InvalidInputException if the name is not of that form, or the expression does not
   *     compile or matches the empty text
   */
  public static Detector pattern(String name, String regex) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(regex, "regex");
    checkName(name);
    if (regex == null) {
      throw new InvalidInputException("regex", null, "must not be null");
    }
    Pattern p;
    try {
      p = Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new InvalidInputException("regex", regex, "is not a regular expression: "
          + e.getDescription());
    }
    if (p.matcher("").matches()) {
      throw new InvalidInputException("regex", regex, "must not match the empty text");
    }
    return new Detector(name, p, s -> true);
  }

  private static void checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidInputException("name", name,
          "must be 1-32 lower-case letters, digits, '_' or '-', starting with a letter");
    }
  }

  /**
   * Returns the detector's name, which masks show as {@code [name]}.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns a matcher of this detector's candidates over a text; use {@link #accepts(String)} on
   * each candidate.
   *
   * @param text the text
   * @return the matcher
   */
  Matcher matcher(CharSequence text) {
    return pattern.matcher(text);
  }

  /**
   * Tells whether a candidate the pattern matched is personal data of this kind.
   *
   * @param candidate the matched text
   * @return true if it passes the detector's check
   */
  boolean accepts(String candidate) {
    return check.test(candidate);
  }

  /**
   * Tells whether a text is an 18-character resident identity number with a valid birth date
   * and check character.
   *
   * @param text the text
   * @return true if it is one
   */
  public static boolean isResidentId(String text) {
    Objects.requireNonNull(text, "text");
    if (text.length() != 18) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      sum += (c - '0') * ID_WEIGHTS[i];
    }
    if (Character.toUpperCase(text.charAt(17)) != ID_CHECK.charAt(sum % 11)) {
      return false;
    }
    try {
      LocalDate.of(Integer.parseInt(text.substring(6, 10)), Integer.parseInt(text.substring(10, 12)),
          Integer.parseInt(text.substring(12, 14)));
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  /**
   * Tells whether a text's digits (spaces and hyphens ignored) are 13 to 19 digits that pass the
   * Luhn check.
   *
   * @param text the text
   * @return true if they do
   */
  public static boolean isCardNumber(String text) {
    Objects.requireNonNull(text, "text");
    String digits = text.replace(" ", "").replace("-", "");
    if (digits.length() < 13 || digits.length() > 19 || !digits.chars().allMatch(Character::isDigit)) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
    }
    return sum % 10 == 0;
  }

  private static boolean isCardBrand(String digits) {
    return CARD_BRANDS.matcher(digits).matches();
  }

  /** Returns the detector's name and pattern. */
  @Override
  public String toString() {
    return "Detector[" + name + ": " + pattern.pattern() + "]";
  }
}
