package dev.ticketkit.core;

/**
 * The field names used in {@link HistoryEntry#field()}, with the text form of their values.
 *
 * <p>Values are written with the value type's {@code toString} and read back with its
 * {@code parse} (or {@code of}), so a history can be stored as text and replayed. A custom field
 * is named {@link #CUSTOM_PREFIX} plus its key. This class only holds constants.
 */
public final class TicketField {

  /** The per-tenant number, as decimal digits. */
  public static final String NUMBER = "number";
  /** The requester, as JSON {@code {"id":..,"displayName":..,"handles":["kind:value",..]}}. */
  public static final String REQUESTER = "requester";
  /** The channel code ({@link Channel}). */
  public static final String CHANNEL = "channel";
  /** The subject. */
  public static final String SUBJECT = "subject";
  /** The description. */
  public static final String DESCRIPTION = "description";
  /** The scenario. */
  public static final String SCENARIO = "scenario";
  /** The error message. */
  public static final String ERROR_MESSAGE = "errorMessage";
  /** The reproduction steps. */
  public static final String REPRODUCTION_STEPS = "reproductionSteps";
  /** A set of {@link Attachment}s; each entry adds or removes one. */
  public static final String ATTACHMENTS = "attachments";
  /** The account or order number. */
  public static final String ACCOUNT_REFERENCE = "accountReference";
  /** The {@link Category} path. */
  public static final String CATEGORY = "category";
  /** The {@link Priority} name. */
  public static final String PRIORITY = "priority";
  /** The {@link Status} as {@code NAME(CATEGORY)}. */
  public static final String STATUS = "status";
  /** The status to return to when the requester answers. */
  public static final String RETURN_STATUS = "returnStatus";
  /** The accepting {@link AgentId}. */
  public static final String ACCEPTED_BY = "acceptedBy";
  /** The assignee's {@link AgentId}. */
  public static final String ASSIGNEE = "assignee";
  /** The {@link SupportTier} as {@code L<level>}. */
  public static final String TIER = "tier";
  /** A set of {@link Tag}s; each entry adds or removes one. */
  public static final String TAGS = "tags";
  /** A set of {@link TicketLink}s; each entry adds or removes one. */
  public static final String LINKS = "links";
  /** The {@link Rating}. */
  public static final String RATING = "rating";
  /** The resolution summary. */
  public static final String RESOLUTION_SUMMARY = "resolutionSummary";
  /** The resolution cycle, as decimal digits. */
  public static final String CYCLE = "cycle";
  /** A conversation entry was added; {@code after} is its {@link Visibility}. Not a field. */
  public static final String CONVERSATION = "conversation";
  /**
   * A workflow transition fired: {@code before} is the name of the state it left, {@code after}
   * the transition's name; the STATUS entry that follows holds the new state. Not a field.
   */
  public static final String TRANSITION = "transition";
  /**
   * A module made the change ({@link ChangeCause}): {@code after} describes why (an SLA
   * escalation that fired, a macro). Not a field.
   */
  public static final String CAUSE = "cause";
  /** The prefix of a custom field's name; the value is a {@link CustomFieldValue}'s text form. */
  public static final String CUSTOM_PREFIX = "custom.";

  private TicketField() {}
}
