package dev.ticketkit.core.workflow;

import dev.ticketkit.core.CustomFieldValue;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.Satisfaction;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketField;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A condition a ticket must meet before a transition may fire, checked on the ticket as it is
 * before the transition.
 *
 * <p>All implementations are immutable and thread-safe.
 */
public sealed interface Guard permits Guard.RequiredField, Guard.RatingIn {

  /** The field names a {@link RequiredField} guard may name, besides custom fields. */
  Set<String> REQUIRABLE_FIELDS = Set.of(
      TicketField.CATEGORY, TicketField.ASSIGNEE, TicketField.ACCEPTED_BY,
      TicketField.RESOLUTION_SUMMARY, TicketField.RATING, TicketField.ACCOUNT_REFERENCE,
      TicketField.SCENARIO, TicketField.ERROR_MESSAGE, TicketField.REPRODUCTION_STEPS);

  /**
   * Returns why the ticket fails this guard.
   *
   * @param ticket the ticket before the transition
   * @return the reason, or empty if the ticket passes
   */
  Optional<String> violation(Ticket ticket);

  /**
   * Returns a guard that requires a field to have a value.
   *
   * @param field one of {@link #REQUIRABLE_FIELDS}, or {@code custom.<key>}
   * @return the guard
   * @throws InvalidInputException if the field cannot be required
   */
  static Guard requiredField(String field) {
    Objects.requireNonNull(field, "field");
    return new RequiredField(field);
  }

  /**
   * Returns a guard that requires a rating with one of the levels.
   *
   * @param levels the accepted levels
   * @return the guard
   * @throws InvalidInputException if no level is given
   */
  static Guard ratingIn(Satisfaction... levels) {
    return new RatingIn(Set.of(levels));
  }

  /**
   * Returns a guard that requires a rating of any level.
   *
   * @return the guard
   */
  static Guard ratingPresent() {
    return new RatingIn(EnumSet.allOf(Satisfaction.class));
  }

  /**
   * Requires a field to have a value.
   *
   * @param field one of {@link #REQUIRABLE_FIELDS}, or {@code custom.<key>}
   */
  record RequiredField(String field) implements Guard {

    /**
     * Validates the field name.
     *
     * @throws InvalidInputException if the field cannot be required
     */
    public RequiredField {
      Objects.requireNonNull(field, "field");
      if (field == null || !(REQUIRABLE_FIELDS.contains(field) || isCustom(field))) {
        throw new InvalidInputException("requiredField", field,
            "must be one of " + REQUIRABLE_FIELDS.stream().sorted().toList() + " or custom.<key>");
      }
    }

    private static boolean isCustom(String field) {
      if (!field.startsWith(TicketField.CUSTOM_PREFIX)) {
        return false;
      }
      CustomFieldValue.checkKey(field.substring(TicketField.CUSTOM_PREFIX.length()));
      return true;
    }

    @Override
    public Optional<String> violation(Ticket ticket) {
      return valueOf(ticket) == null
          ? Optional.of("field " + field + " must have a value")
          : Optional.empty();
    }

    private @Nullable Object valueOf(Ticket t) {
      if (field.startsWith(TicketField.CUSTOM_PREFIX)) {
        return t.customFields().get(field.substring(TicketField.CUSTOM_PREFIX.length()));
      }
      return switch (field) {
        case TicketField.CATEGORY -> t.category();
        case TicketField.ASSIGNEE -> t.assignee();
        case TicketField.ACCEPTED_BY -> t.acceptedBy();
        case TicketField.RESOLUTION_SUMMARY -> t.resolutionSummary();
        case TicketField.RATING -> t.rating();
        case TicketField.ACCOUNT_REFERENCE -> t.accountReference();
        case TicketField.SCENARIO -> t.scenario();
        case TicketField.ERROR_MESSAGE -> t.errorMessage();
        default -> t.reproductionSteps();
      };
    }
  }

  /**
   * Requires a rating with one of the levels.
   *
   * @param levels the accepted levels, at least one
   */
  record RatingIn(Set<Satisfaction> levels) implements Guard {

    /**
     * Validates and copies the levels.
     *
     * @throws InvalidInputException if no level is given
     */
    public RatingIn {
      Objects.requireNonNull(levels, "levels");
      if (levels.isEmpty()) {
        throw new InvalidInputException("ratingIn", levels, "must name at least one level");
      }
      levels = Set.copyOf(levels);
    }

    @Override
    public Optional<String> violation(Ticket ticket) {
      if (ticket.rating() == null) {
        return Optional.of("a rating is required");
      }
      return levels.contains(ticket.rating().satisfaction())
          ? Optional.empty()
          : Optional.of("rating must be one of " + levels + ", was " + ticket.rating().satisfaction());
    }
  }
}
