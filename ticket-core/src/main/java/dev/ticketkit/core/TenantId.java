package dev.ticketkit.core;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identifies a tenant: one customer organisation of the host product, whose tickets, articles
 * and service levels are invisible to every other tenant.
 *
 * <p>A tenant id is 1 to 64 characters of ASCII letters, digits, {@code .}, {@code _},
 * {@code -} and {@code :}, starting with a letter or digit. It is compared exactly
 * (case-sensitive). Instances are immutable and thread-safe.
 *
 * @param value the id's text, as returned by {@link #toString()}
 */
public record TenantId(String value) implements Comparable<TenantId> {

  /** The longest tenant id accepted. */
  public static final int MAX_LENGTH = 64;

  private static final Pattern FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

  /**
   * Validates the id.
   *
   * @throws NullPointerException if the value is null
   * @throws InvalidInputException if the value is not of the documented form
   */
  public TenantId {
    Objects.requireNonNull(value, "value");
    if (value == null || !FORM.matcher(value).matches()) {
      throw new InvalidInputException(
          "tenantId", value, "must be 1-64 ASCII letters, digits, '.', '_', '-' or ':'");
    }
  }

  /**
   * Returns the tenant id with the given text.
   *
   * @param value the id's text
   * @return the tenant id
   * @throws InvalidInputException if the value is not of the documented form
   */
  public static TenantId of(String value) {
    Objects.requireNonNull(value, "value");
    return new TenantId(value);
  }

  @Override
  public int compareTo(TenantId other) {
    return value.compareTo(other.value);
  }

  /** Returns the id's text, which {@link #of(String)} reads back. */
  @Override
  public String toString() {
    return value;
  }
}
