package dev.ticketkit.core;

import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The channel a ticket or a reply arrived on: e-mail, phone, web form, online chat, in-app,
 * Douyin, WeChat Channels, a WeChat official account, a community forum, instant messaging, an API.
 *
 * <p>An open set: the constants are the well-known channels, and a host may name its own with
 * {@link #of(String)}. A code is 1 to 40 upper-case ASCII letters, digits and {@code _}, starting
 * with a letter; the text form is the code. Instances are immutable and thread-safe.
 *
 * @param code the channel's code, as returned by {@link #toString()}
 */
public record Channel(String code) implements Comparable<Channel> {

  // Declared first: the constants below are checked against it while the class initialises.
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

  /** E-mail. */
  public static final Channel EMAIL = new Channel("EMAIL");
  /** A phone call or hotline. */
  public static final Channel PHONE = new Channel("PHONE");
  /** A web form on the host's site. */
  public static final Channel WEB_FORM = new Channel("WEB_FORM");
  /** An online chat session. */
  public static final Channel ONLINE_CHAT = new Channel("ONLINE_CHAT");
  /** A support entry point inside the host's app. */
  public static final Channel IN_APP = new Channel("IN_APP");
  /** Douyin (direct messages or comments). */
  public static final Channel DOUYIN = new Channel("DOUYIN");
  /** WeChat Channels. */
  public static final Channel WECHAT_CHANNELS = new Channel("WECHAT_CHANNELS");
  /** A WeChat official account. */
  public static final Channel WECHAT_OFFICIAL_ACCOUNT = new Channel("WECHAT_OFFICIAL_ACCOUNT");
  /** A community forum post. */
  public static final Channel COMMUNITY_FORUM = new Channel("COMMUNITY_FORUM");
  /** An instant-messaging system. */
  public static final Channel IM = new Channel("IM");
  /** An integration calling the host's API. */
  public static final Channel API = new Channel("API");

  /**
   * Validates the code.
   *
   * @throws NullPointerException if the code is null
   * @throws InvalidInputException if the code is not of the documented form
   */
  public Channel {
    Objects.requireNonNull(code, "code");
    if (code == null || !CODE.matcher(code).matches()) {
      throw new InvalidInputException(
          "channel", code, "must be 1-40 upper-case letters, digits or '_', starting with a letter");
    }
  }

  /**
   * Returns the channel with the given code.
   *
   * @param code the code, such as {@code "WECHAT_OFFICIAL_ACCOUNT"}
   * @return the channel
   * @throws InvalidInputException if the code is not of the documented form
   */
  public static Channel of(String code) {
    Objects.requireNonNull(code, "code");
    return new Channel(code);
  }

  /**
   * Parses the text form, which is the code.
   *
   * @param text the code
   * @return the channel
   * @throws InvalidInputException if the text is not a valid code
   */
  public static Channel parse(@Nullable String text) {
    if (text == null) {
      throw new InvalidInputException("channel", null, "must not be null");
    }
    return new Channel(text);
  }

  @Override
  public int compareTo(Channel other) {
    return code.compareTo(other.code);
  }

  /** Returns the code, which {@link #parse(String)} reads back. */
  @Override
  public String toString() {
    return code;
  }
}
