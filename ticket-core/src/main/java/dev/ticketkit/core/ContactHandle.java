package dev.ticketkit.core;

import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One way to reach a requester: an e-mail address, a phone number, a WeChat OpenID, a Douyin id.
 *
 * <p>The kind is an open set of lower-case names; the constants name the well-known ones. The
 * text form is {@code kind:value}, for example {@code email:li@example.com}, which
 * {@link #parse(String)} reads back. The value is kept as given (no normalisation). Instances are
 * immutable and thread-safe.
 *
 * @param kind the kind of handle: 1 to 32 lower-case ASCII letters, digits and {@code _},
 *     starting with a letter
 * @param value the handle itself: 1 to {@value #MAX_VALUE_LENGTH} characters, no line breaks
 */
public record ContactHandle(String kind, String value) {

  /** The longest handle value accepted. */
  public static final int MAX_VALUE_LENGTH = 254;
  /** An e-mail address. */
  public static final String EMAIL = "email";
  /** A phone number. */
  public static final String PHONE = "phone";
  /** A WeChat OpenID (per official account or mini program). */
  public static final String WECHAT_OPENID = "wechat_openid";
  /** A WeChat UnionID (across one developer's apps). */
  public static final String WECHAT_UNIONID = "wechat_unionid";
  /** A Douyin user id. */
  public static final String DOUYIN_ID = "douyin_id";
  /** A user id in an instant-messaging system. */
  public static final String IM = "im";

  private static final TextRule VALUE = TextRule.line(MAX_VALUE_LENGTH).personal();
  private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9_]{0,31}");

  /**
   * Validates the handle.
   *
   * @throws InvalidInputException if the kind is not of the documented form or the value is
   *     blank, too long or contains control characters
   */
  public ContactHandle {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    if (kind == null || !KIND.matcher(kind).matches()) {
      throw new InvalidInputException(
          "contactHandle.kind", kind, "must be 1-32 lower-case letters, digits or '_'");
    }
    VALUE.require("contactHandle.value", value);
  }

  /**
   * Returns a handle of the given kind.
   *
   * @param kind the kind, such as {@link #EMAIL}
   * @param value the handle
   * @return the handle
   * @throws InvalidInputException if either part is not valid
   */
  public static ContactHandle of(String kind, String value) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    return new ContactHandle(kind, value);
  }

  /**
   * Returns an e-mail handle.
   *
   * @param address the e-mail address
   * @return the handle
   * @throws InvalidInputException if the address is blank or too long
   */
  public static ContactHandle email(String address) {
    Objects.requireNonNull(address, "address");
    return new ContactHandle(EMAIL, address);
  }

  /**
   * Returns a phone handle.
   *
   * @param number the phone number, as given
   * @return the handle
   * @throws InvalidInputException if the number is blank or too long
   */
  public static ContactHandle phone(String number) {
    Objects.requireNonNull(number, "number");
    return new ContactHandle(PHONE, number);
  }

  /**
   * Returns a WeChat OpenID handle.
   *
   * @param openId the OpenID
   * @return the handle
   * @throws InvalidInputException if the id is blank or too long
   */
  public static ContactHandle wechatOpenId(String openId) {
    Objects.requireNonNull(openId, "openId");
    return new ContactHandle(WECHAT_OPENID, openId);
  }

  /**
   * Returns a Douyin id handle.
   *
   * @param douyinId the Douyin user id
   * @return the handle
   * @throws InvalidInputException if the id is blank or too long
   */
  public static ContactHandle douyinId(String douyinId) {
    Objects.requireNonNull(douyinId, "douyinId");
    return new ContactHandle(DOUYIN_ID, douyinId);
  }

  /**
   * Parses the text form {@code kind:value}.
   *
   * @param text the text form
   * @return the handle
   * @throws InvalidInputException if the text is null or not of the documented form
   */
  public static ContactHandle parse(@Nullable String text) {
    int colon = text == null ? -1 : text.indexOf(':');
    if (colon <= 0) {
      throw new InvalidInputException(
          "contactHandle", text, "must be of the form kind:value", true);
    }
    return new ContactHandle(text.substring(0, colon), text.substring(colon + 1));
  }

  /**
   * Returns the text form {@code kind:value}, which {@link #parse(String)} reads back. It holds
   * the handle itself: personal data, for storage, not for logs.
   *
   * @return the text form
   */
  public String text() {
    return kind + ":" + value;
  }

  /**
   * Returns the kind and the masked value, for logs and messages: {@code email:"l***" (16 chars,
   * masked)}. Use {@link #text()} for the form {@link #parse(String)} reads.
   */
  @Override
  public String toString() {
    return kind + ":" + TextRule.excerpt(value, true);
  }
}
