package dev.ticketkit.core;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Why a requester rated a resolution DISSATISFIED: the fix did not work, it did not meet what they
 * expected, the team communicated poorly, or something else.
 *
 * <p>An open set, like {@link Channel}: the constants are the well-known reasons, and a host may
 * name its own with {@link #of(String)}. A code is 1 to 40 upper-case ASCII letters, digits and
 * {@code _}, starting with a letter; the text form is the code. What each reason triggers is
 * policy data: the workflow's {@link dev.ticketkit.core.workflow.DissatisfactionPolicy} (reopen,
 * tell the team lead, close) and the SLA module's event rules, which may be limited to reasons. Instances are
 * immutable and thread-safe.
 *
 * @param code the reason's code, as returned by {@link #toString()}
 */
public record DissatisfactionReason(String code) implements Comparable<DissatisfactionReason> {

  // Declared first: the constants below are checked against it while the class initialises.
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

  /** The problem is not fixed. */
  public static final DissatisfactionReason NOT_FIXED = new DissatisfactionReason("NOT_FIXED");
  /** The resolution did not meet the requester's expectation. */
  public static final DissatisfactionReason UNMET_EXPECTATION =
      new DissatisfactionReason("UNMET_EXPECTATION");
  /** The team communicated poorly (late, unclear, impolite). */
  public static final DissatisfactionReason POOR_COMMUNICATION =
      new DissatisfactionReason("POOR_COMMUNICATION");
  /** Any other reason; the rating's comment says which. The reason of a rating that gave none. */
  public static final DissatisfactionReason OTHER = new DissatisfactionReason("OTHER");

  /**
   * Validates the code.
   *
   * @throws InvalidInputException if the code is null or not of the documented form
   */
  public DissatisfactionReason {
    if (code == null || !CODE.matcher(code).matches()) {
      throw new InvalidInputException("rating.reason", code,
          "must be 1-40 upper-case letters, digits or '_', starting with a letter");
    }
  }

  /**
   * Returns the reason with the given code.
   *
   * @param code the code, such as {@code "NOT_FIXED"}
   * @return the reason
   * @throws InvalidInputException if the code is not of the documented form
   */
  public static DissatisfactionReason of(String code) {
    return new DissatisfactionReason(code);
  }

  /**
   * Parses the text form, which is the code.
   *
   * @param text the code
   * @return the reason
   * @throws InvalidInputException if the text is not a valid code
   */
  public static DissatisfactionReason parse(@Nullable String text) {
    return new DissatisfactionReason(text);
  }

  @Override
  public int compareTo(DissatisfactionReason other) {
    return code.compareTo(other.code);
  }

  /** Returns the code, which {@link #parse(String)} reads back. */
  @Override
  public String toString() {
    return code;
  }
}
