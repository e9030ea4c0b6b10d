package dev.ticketkit.core;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A contact handle in its normalised form, the key a requester is found by: e-mail addresses in
 * lower case; phone numbers as {@code +} and digits, with mainland China mobile numbers given the
 * {@code +86} prefix ({@code 138 0013 8000}, {@code 0086-138-0013-8000}, {@code +86 (138)
 * 00138000} are all {@code phone:+8613800138000}); WeChat OpenIDs and UnionIDs, Douyin ids and other
 * kinds trimmed but kept in their case (they are case-sensitive ids).
 *
 * <p>The text form is {@code kind:value}. Instances are immutable and thread-safe.
 *
 * @param kind the handle's kind
 * @param value the normalised value
 */
public record HandleKey(String kind, String value) {

  /**
   * Validates the key.
   *
   * @throws NullPointerException if a part is null
   */
  public HandleKey {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
  }

  /**
   * Returns the normalised key of a handle.
   *
   * @param handle the handle
   * @return the key
   * @throws NullPointerException if the handle is null
   * @throws InvalidInputException if a phone number has no digit
   */
  public static HandleKey of(ContactHandle handle) {
    Texts.notNull("handle", handle);
    String v = handle.value().strip();
    return switch (handle.kind()) {
      case ContactHandle.EMAIL -> new HandleKey(handle.kind(), v.toLowerCase(Locale.ROOT));
      case ContactHandle.PHONE -> new HandleKey(handle.kind(), phone(v));
      default -> new HandleKey(handle.kind(), v);
    };
  }

  /**
   * Parses the text form.
   *
   * @param text {@code kind:value}
   * @return the key of that handle, normalised
   * @throws InvalidInputException if the text is not a handle's text form
   */
  public static HandleKey parse(@Nullable String text) {
    return of(ContactHandle.parse(text));
  }

  private static String phone(String raw) {
    StringBuilder digits = new StringBuilder();
    raw.codePoints().filter(c -> c >= '0' && c <= '9').forEach(digits::appendCodePoint);
    if (digits.length() == 0) {
      throw new InvalidInputException("contactHandle.value", "phone without digits",
          "a phone number needs digits");
    }
    String d = digits.toString();
    boolean international = raw.startsWith("+");
    if (!international && d.startsWith("00")) {
      d = d.substring(2);
      international = true;
    }
    if (!international && d.length() == 11 && d.charAt(0) == '1') {
      return "+86" + d;
    }
    if (!international && d.length() == 13 && d.startsWith("861")) {
      return "+" + d;
    }
    return international ? "+" + d : d;
  }

  /** Returns {@code kind:value}, which {@link #parse(String)} reads back. */
  @Override
  public String toString() {
    return kind + ":" + value;
  }
}
