package dev.ticketkit.report.source;

/**
 * A column of a fact table that queries filter, group or measure on.
 *
 * <p>Each field belongs to one {@link FactTable} and is of one {@link Kind}. Key fields are
 * grouped on and compared as text: numbers in decimal, enums by name, a channel by its code, a
 * category by its path ({@code payment/refund}), an agent by its id, the first-contact flag as
 * {@code true} or {@code false}. {@link #TAG} is multi-valued: a cycle fact with three tags falls
 * into three groups (a SQL source joins its tag table). A null value is a group of its own.
 * Enum constants are thread-safe.
 */
public enum FactField {
  /** {@link CycleFact#ticketCreatedAt()}. */
  TICKET_CREATED_AT(FactTable.CYCLES, Kind.INSTANT),
  /** {@link CycleFact#startedAt()}. */
  STARTED_AT(FactTable.CYCLES, Kind.INSTANT),
  /** {@link CycleFact#acceptedAt()}. */
  ACCEPTED_AT(FactTable.CYCLES, Kind.INSTANT),
  /** {@link CycleFact#firstReplyAt()}. */
  FIRST_REPLY_AT(FactTable.CYCLES, Kind.INSTANT),
  /** {@link CycleFact#resolvedAt()}. */
  RESOLVED_AT(FactTable.CYCLES, Kind.INSTANT),
  /** {@link CycleFact#workEndedAt()}. */
  WORK_ENDED_AT(FactTable.CYCLES, Kind.INSTANT),
  /** {@link CycleFact#closedAt()}. */
  CLOSED_AT(FactTable.CYCLES, Kind.INSTANT),
  /** {@link CycleFact#reopenedAt()}. */
  REOPENED_AT(FactTable.CYCLES, Kind.INSTANT),
  /** {@link CycleFact#escalatedAt()}. */
  ESCALATED_AT(FactTable.CYCLES, Kind.INSTANT),
  /** {@link CycleFact#ratedAt()}. */
  RATED_AT(FactTable.CYCLES, Kind.INSTANT),
  /** {@link CycleFact#cycle()}. */
  CYCLE(FactTable.CYCLES, Kind.KEY),
  /** {@link CycleFact#channel()}. */
  CHANNEL(FactTable.CYCLES, Kind.KEY),
  /** {@link CycleFact#category()}. */
  CATEGORY(FactTable.CYCLES, Kind.KEY),
  /** {@link CycleFact#priority()}. */
  PRIORITY(FactTable.CYCLES, Kind.KEY),
  /** {@link CycleFact#agent()}. */
  AGENT(FactTable.CYCLES, Kind.KEY),
  /** {@link CycleFact#closeKind()}. */
  CLOSE_KIND(FactTable.CYCLES, Kind.KEY),
  /** {@link CycleFact#rating()}. */
  RATING(FactTable.CYCLES, Kind.KEY),
  /** {@link CycleFact#ratingComment()} (for null tests; not meant for grouping). */
  RATING_COMMENT(FactTable.CYCLES, Kind.KEY),
  /** {@link CycleFact#dissatisfactionReason()}. */
  DISSATISFACTION_REASON(FactTable.CYCLES, Kind.KEY),
  /** {@link CycleFact#isFirstContactResolution()}. */
  FIRST_CONTACT_RESOLUTION(FactTable.CYCLES, Kind.KEY),
  /** Each of {@link CycleFact#tags()}: multi-valued. */
  TAG(FactTable.CYCLES, Kind.KEY),
  /** {@link CycleFact#resolutionTime()}. */
  RESOLUTION_TIME(FactTable.CYCLES, Kind.DURATION),
  /** {@link CycleFact#firstReplyTime()}. */
  FIRST_REPLY_TIME(FactTable.CYCLES, Kind.DURATION),
  /** {@link CycleFact#acceptanceTime()}. */
  ACCEPTANCE_TIME(FactTable.CYCLES, Kind.DURATION),

  /** {@link ClockFact#startedAt()}. */
  CLOCK_STARTED_AT(FactTable.CLOCKS, Kind.INSTANT),
  /** {@link ClockFact#stoppedAt()}. */
  CLOCK_STOPPED_AT(FactTable.CLOCKS, Kind.INSTANT),
  /** {@link ClockFact#metAt()}. */
  CLOCK_MET_AT(FactTable.CLOCKS, Kind.INSTANT),
  /** {@link ClockFact#breachedAt()}. */
  CLOCK_BREACHED_AT(FactTable.CLOCKS, Kind.INSTANT),
  /** {@link ClockFact#cancelledAt()}. */
  CLOCK_CANCELLED_AT(FactTable.CLOCKS, Kind.INSTANT),
  /** {@link ClockFact#metric()}. */
  CLOCK_METRIC(FactTable.CLOCKS, Kind.KEY),
  /** {@link ClockFact#priority()}. */
  CLOCK_PRIORITY(FactTable.CLOCKS, Kind.KEY),
  /** {@link ClockFact#agent()}. */
  CLOCK_AGENT(FactTable.CLOCKS, Kind.KEY),
  /** {@link ClockFact#ticketCycle()}. */
  CLOCK_TICKET_CYCLE(FactTable.CLOCKS, Kind.KEY),
  /** {@link ClockFact#businessTime()}. */
  CLOCK_BUSINESS_TIME(FactTable.CLOCKS, Kind.DURATION),

  /** {@link EscalationFact#firedAt()}. */
  FIRED_AT(FactTable.ESCALATIONS, Kind.INSTANT),
  /** {@link EscalationFact#metric()}. */
  ESCALATION_METRIC(FactTable.ESCALATIONS, Kind.KEY),
  /** {@link EscalationFact#level()}. */
  ESCALATION_LEVEL(FactTable.ESCALATIONS, Kind.KEY);

  /** What a field holds. */
  public enum Kind {
    /** An instant, possibly null. */
    INSTANT,
    /** A duration, measured in milliseconds, possibly null. */
    DURATION,
    /** A key compared and grouped as text, possibly null. */
    KEY
  }

  private final FactTable table;
  private final Kind kind;

  FactField(FactTable table, Kind kind) {
    this.table = table;
    this.kind = kind;
  }

  /**
   * Returns the table the field belongs to.
   *
   * @return the table
   */
  public FactTable table() {
    return table;
  }

  /**
   * Returns what the field holds.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }
}
