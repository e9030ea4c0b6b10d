package dev.ticketkit.core;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A file attached to a ticket or a reply, by reference: the library stores where the file is,
 * never its bytes.
 *
 * <p>The text form is {@code size mediaType uri name}, separated by single spaces (the name last,
 * so it may contain spaces), for example {@code 48213 image/png https://files.example/a1 screen
 * shot.png}; {@link #parse(String)} reads it back. Instances are immutable and thread-safe.
 *
 * @param uri where the file is; absolute
 * @param name the file name to show: 1 to {@value #MAX_NAME_LENGTH} characters on one line
 * @param mediaType the media type, such as {@code image/png}
 * @param sizeBytes the size in bytes, zero or more
 */
public record Attachment(URI uri, String name, String mediaType, long sizeBytes) {

  /** The longest file name accepted. */
  public static final int MAX_NAME_LENGTH = 255;
  /** The longest URI accepted, in characters. */
  public static final int MAX_URI_LENGTH = 2048;

  private static final TextRule NAME = TextRule.line(MAX_NAME_LENGTH);
  private static final Pattern MEDIA_TYPE =
      Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9!#$&^_.+-]{0,63}/[a-zA-Z0-9][a-zA-Z0-9!#$&^_.+-]{0,63}");

  /**
   * Validates the attachment.
   *
   * @throws NullPointerException if the URI is null
   * @throws InvalidInputException if the URI is relative or too long, the name is not
   *     valid, the media type is not of the form {@code type/subtype}, or the size is negative
   */
  public Attachment {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mediaType, "mediaType");
    Texts.notNull("attachment.uri", uri);
    if (!uri.isAbsolute() || uri.toString().length() > MAX_URI_LENGTH) {
      throw new InvalidInputException(
          "attachment.uri", uri, "must be absolute and at most " + MAX_URI_LENGTH + " characters");
    }
    TextRule.wellFormed("attachment.uri", uri.toString());
    NAME.require("attachment.name", name);
    if (mediaType == null || !MEDIA_TYPE.matcher(mediaType).matches()) {
      throw new InvalidInputException("attachment.mediaType", mediaType, "must be type/subtype");
    }
    if (sizeBytes < 0) {
      throw new InvalidInputException("attachment.sizeBytes", sizeBytes, "must not be negative");
    }
  }

  /**
   * Returns an attachment.
   *
   * @param uri where the file is
   * @param name the file name
   * @param mediaType the media type
   * @param sizeBytes the size in bytes
   * @return the attachment
   * @throws InvalidInputException if a part is not valid
   */
  public static Attachment of(URI uri, String name, String mediaType, long sizeBytes) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mediaType, "mediaType");
    return new Attachment(uri, name, mediaType, sizeBytes);
  }

  /**
   * Parses the text form {@code size mediaType uri name}.
   *
   * @param text the text form
   * @return the attachment
   * @throws InvalidInputException if the text is null or not of the documented form
   */
  public static Attachment parse(@Nullable String text) {
    String[] parts = text == null ? new String[0] : text.split(" ", 4);
    if (parts.length != 4) {
      throw new InvalidInputException("attachment", text, "must be 'size mediaType uri name'");
    }
    try {
      return new Attachment(
          URI.create(parts[2]), parts[3], parts[1], Long.parseLong(parts[0]));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("attachment", text, "has a bad size or URI");
    }
  }

  /** Returns the text form, which {@link #parse(String)} reads back. */
  @Override
  public String toString() {
    return sizeBytes + " " + mediaType + " " + uri + " " + name;
  }
}
