package dev.ticketkit.macro;

import dev.ticketkit.core.ChangeCause;
import java.util.Locale;
import java.util.Objects;

/**
 * The cause {@link Macros#apply} records with its write: the history's first entry of the change
 * reads {@code macro <id> (<locale>)}, and a follower recognises a macro's change by it in the
 * change set. Instances are immutable and thread-safe.
 *
 * @param macroId the macro's id
 * @param locale the locale of the template that was rendered
 */
public record MacroApplied(String macroId, Locale locale) implements ChangeCause {

  /**
   * Validates the cause.
   *
   * @throws NullPointerException if a part is null
   */
  public MacroApplied {
    Objects.requireNonNull(macroId, "macroId");
    Objects.requireNonNull(locale, "locale");
  }

  /** Returns {@code macro <id> (<language tag>)}. */
  @Override
  public String describe() {
    return "macro " + macroId + " (" + locale.toLanguageTag() + ")";
  }
}
