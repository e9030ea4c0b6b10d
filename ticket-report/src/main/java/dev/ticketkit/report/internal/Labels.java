package dev.ticketkit.report.internal;

import java.text.NumberFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.ResourceBundle;
import org.jspecify.annotations.Nullable;

/**
 * The renderers' words and number formats in English or Simplified Chinese, chosen by locale:
 * any {@code zh} locale gets Simplified Chinese, every other locale English. Immutable and
 * thread-safe.
 */
public final class Labels {

  private final ResourceBundle bundle;
  private final Locale locale;

  private Labels(Locale locale) {
    boolean chinese = "zh".equals(locale.getLanguage());
    this.locale = chinese ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    this.bundle = ResourceBundle.getBundle("dev.ticketkit.report.internal.labels",
        chinese ? Locale.CHINESE : Locale.ROOT,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /**
   * Returns the labels for a locale.
   *
   * @param locale the locale
   * @return the labels
   */
  public static Labels of(Locale locale) {
    return new Labels(locale);
  }

  /**
   * Returns a label.
   *
   * @param key the key
   * @return the text, or the key if there is none
   */
  public String get(String key) {
    return bundle.containsKey(key) ? bundle.getString(key) : key;
  }

  /** @return the language tag, {@code en} or {@code zh} */
  public String language() {
    return get("lang");
  }

  /** @return the locale the labels are for */
  public Locale locale() {
    return locale;
  }

  /** Names a dissatisfaction reason: its label when it has one, else its code. */
  String reason(String code) {
    String key = "reason_" + code;
    return bundle.containsKey(key) ? bundle.getString(key) : code;
  }

  /** Formats a count with grouping. */
  String count(double v) {
    return NumberFormat.getIntegerInstance(locale).format(Math.round(v));
  }

  /** Formats a fraction as a percentage with one decimal. */
  String percent(@Nullable Double v) {
    if (v == null) {
      return "–";
    }
    NumberFormat f = NumberFormat.getPercentInstance(locale);
    f.setMaximumFractionDigits(1);
    f.setMinimumFractionDigits(v == 0 || v == 1 ? 0 : 1);
    return f.format(v);
  }

  /** Formats a duration as days, hours and minutes ({@code 1d 3h}, {@code 25min}). */
  String duration(@Nullable Duration d) {
    if (d == null) {
      return "–";
    }
    long minutes = d.toMinutes();
    String sep = language().equals("zh") ? "" : " ";
    if (minutes < 60) {
      return minutes + sep + get("minute");
    }
    long days = minutes / (24 * 60);
    long hours = minutes % (24 * 60) / 60;
    long rest = minutes % 60;
    if (days > 0) {
      return days + sep + get("day") + (hours > 0 ? " " + hours + sep + get("hour") : "");
    }
    return hours + sep + get("hour") + (rest > 0 ? " " + rest + sep + get("minute") : "");
  }
}
