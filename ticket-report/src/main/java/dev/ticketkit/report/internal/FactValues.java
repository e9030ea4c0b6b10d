package dev.ticketkit.report.internal;

import dev.ticketkit.report.source.ClockFact;
import dev.ticketkit.report.source.CycleFact;
import dev.ticketkit.report.source.EscalationFact;
import dev.ticketkit.report.source.FactField;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@link FactField} of a fact row: the in-memory meaning of every column, in one place.
 * Stateless and thread-safe.
 */
final class FactValues {

  private FactValues() {}

  static @Nullable Instant instant(Object fact, FactField f) {
    if (fact instanceof CycleFact c) {
      return switch (f) {
        case TICKET_CREATED_AT -> c.ticketCreatedAt();
        case STARTED_AT -> c.startedAt();
        case ACCEPTED_AT -> c.acceptedAt();
        case FIRST_REPLY_AT -> c.firstReplyAt();
        case RESOLVED_AT -> c.resolvedAt();
        case WORK_ENDED_AT -> c.workEndedAt();
        case CLOSED_AT -> c.closedAt();
        case REOPENED_AT -> c.reopenedAt();
        case ESCALATED_AT -> c.escalatedAt();
        case RATED_AT -> c.ratedAt();
        default -> throw unknown(f);
      };
    }
    if (fact instanceof ClockFact c) {
      return switch (f) {
        case CLOCK_STARTED_AT -> c.startedAt();
        case CLOCK_STOPPED_AT -> c.stoppedAt();
        case CLOCK_MET_AT -> c.metAt();
        case CLOCK_BREACHED_AT -> c.breachedAt();
        case CLOCK_CANCELLED_AT -> c.cancelledAt();
        default -> throw unknown(f);
      };
    }
    if (f == FactField.FIRED_AT) {
      return ((EscalationFact) fact).firedAt();
    }
    throw unknown(f);
  }

  static @Nullable Long millis(Object fact, FactField f) {
    Duration d;
    if (fact instanceof CycleFact c) {
      d = switch (f) {
        case RESOLUTION_TIME -> c.resolutionTime();
        case FIRST_REPLY_TIME -> c.firstReplyTime();
        case ACCEPTANCE_TIME -> c.acceptanceTime();
        default -> throw unknown(f);
      };
    } else if (fact instanceof ClockFact c && f == FactField.CLOCK_BUSINESS_TIME) {
      d = c.businessTime();
    } else {
      throw unknown(f);
    }
    return d == null ? null : d.toMillis();
  }

  static @Nullable String key(Object fact, FactField f) {
    if (fact instanceof CycleFact c) {
      return switch (f) {
        case CYCLE -> Integer.toString(c.cycle());
        case CHANNEL -> c.channel().code();
        case CATEGORY -> text(c.category());
        case PRIORITY -> c.priority().name();
        case AGENT -> c.agent() == null ? null : c.agent().value();
        case CLOSE_KIND -> text(c.closeKind());
        case RATING -> text(c.rating());
        case RATING_COMMENT -> c.ratingComment();
        case DISSATISFACTION_REASON -> c.dissatisfactionReason();
        case FIRST_CONTACT_RESOLUTION -> Boolean.toString(c.isFirstContactResolution());
        default -> throw unknown(f);
      };
    }
    if (fact instanceof ClockFact c) {
      return switch (f) {
        case CLOCK_METRIC -> c.metric().name();
        case CLOCK_PRIORITY -> c.priority().name();
        case CLOCK_AGENT -> c.agent() == null ? null : c.agent().value();
        case CLOCK_TICKET_CYCLE -> Integer.toString(c.ticketCycle());
        default -> throw unknown(f);
      };
    }
    EscalationFact e = (EscalationFact) fact;
    return switch (f) {
      case ESCALATION_METRIC -> e.metric().name();
      case ESCALATION_LEVEL -> Integer.toString(e.level());
      default -> throw unknown(f);
    };
  }

  /**
   * Reads a key field as the object its text form comes from ({@link #key} gives that text, the
   * same for equal objects): no text is built. Not for {@link FactField#TAG}.
   */
  static @Nullable Object raw(Object fact, FactField f) {
    if (fact instanceof CycleFact c) {
      return switch (f) {
        case CYCLE -> c.cycle();
        case CHANNEL -> c.channel();
        case CATEGORY -> c.category();
        case PRIORITY -> c.priority();
        case AGENT -> c.agent();
        case CLOSE_KIND -> c.closeKind();
        case RATING -> c.rating();
        case RATING_COMMENT -> c.ratingComment();
        case DISSATISFACTION_REASON -> c.dissatisfactionReason();
        case FIRST_CONTACT_RESOLUTION -> c.isFirstContactResolution();
        default -> throw unknown(f);
      };
    }
    if (fact instanceof ClockFact c) {
      return switch (f) {
        case CLOCK_METRIC -> c.metric();
        case CLOCK_PRIORITY -> c.priority();
        case CLOCK_AGENT -> c.agent();
        case CLOCK_TICKET_CYCLE -> c.ticketCycle();
        default -> throw unknown(f);
      };
    }
    EscalationFact e = (EscalationFact) fact;
    return switch (f) {
      case ESCALATION_METRIC -> e.metric();
      case ESCALATION_LEVEL -> e.level();
      default -> throw unknown(f);
    };
  }

  /** Reads a duration field in milliseconds, or {@code absent} where it is null (no boxing). */
  static long millisOr(Object fact, FactField f, long absent) {
    if (fact instanceof ClockFact c && f == FactField.CLOCK_BUSINESS_TIME) {
      return c.stoppedAt() != null && c.state() != dev.ticketkit.sla.clock.ClockState.CANCELLED
          ? c.elapsed().toMillis() : absent;
    }
    if (fact instanceof CycleFact c) {
      Instant end = switch (f) {
        case RESOLUTION_TIME -> c.resolvedAt();
        case FIRST_REPLY_TIME -> c.firstReplyAt();
        case ACCEPTANCE_TIME -> c.acceptedAt();
        default -> throw unknown(f);
      };
      // as CycleFact's durations: between the cycle's start and the event
      return end == null ? absent : Duration.between(c.startedAt(), end).toMillis();
    }
    throw unknown(f);
  }

  /** Tells whether a field is null for a fact (TAG: whether it has no tag). */
  static boolean isNull(Object fact, FactField f) {
    return switch (f.kind()) {
      case INSTANT -> instant(fact, f) == null;
      case DURATION -> millis(fact, f) == null;
      case KEY -> f == FactField.TAG ? ((CycleFact) fact).tags().isEmpty() : key(fact, f) == null;
    };
  }

  private static @Nullable String text(@Nullable Object value) {
    return value == null ? null : Objects.toString(value);
  }

  private static IllegalArgumentException unknown(FactField f) {
    return new IllegalArgumentException("field " + f + " does not belong to this fact");
  }
}
