package dev.ticketkit.macro;

import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.TicketKitException;
import java.util.Locale;
import java.util.Objects;

/**
 * A macro's reply needs a variable that the ticket or the actor cannot give (no due time, an actor
 * that is not an agent): thrown before anything is written. Immutable once thrown.
 */
public class MissingVariableException extends TicketKitException {

  private static final long serialVersionUID = 1L;

  private final MacroVariable variable;
  private final String macroId;
  private final TicketId ticketId;
  private final Locale locale;

  /**
   * Creates the exception.
   *
   * @param variable the variable that has no value
   * @param macroId the macro
   * @param ticketId the ticket
   * @param locale the template's locale
   * @param why why it has no value
   */
  public MissingVariableException(MacroVariable variable, String macroId, TicketId ticketId,
      Locale locale, String why) {
    super(message(variable, macroId, ticketId, locale, why));
    this.variable = variable;
    this.macroId = macroId;
    this.ticketId = ticketId;
    this.locale = locale;
  }

  private static String message(MacroVariable variable, String macroId, TicketId ticketId,
      Locale locale, String why) {
    Objects.requireNonNull(variable, "variable");
    Objects.requireNonNull(macroId, "macroId");
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(locale, "locale");
    Objects.requireNonNull(why, "why");
    return "macro " + macroId + " (" + locale.toLanguageTag() + ") needs {{" + variable.key()
        + "}} for ticket " + ticketId + ", which has no value: " + why;
  }

  /** @return the variable that has no value */
  public MacroVariable variable() {
    return variable;
  }

  /** @return the macro's id */
  public String macroId() {
    return macroId;
  }

  /** @return the ticket */
  public TicketId ticketId() {
    return ticketId;
  }

  /** @return the locale of the template that was chosen */
  public Locale locale() {
    return locale;
  }
}
