package dev.ticketkit.core;

import dev.ticketkit.core.store.StoredColumn;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One field of a ticket, as the field table ({@link TicketFields}) declares it once: its name,
 * Java type, text limit, who may see it, how history records it and how a store keeps it. The
 * string constants below are the field names history entries carry ({@link HistoryEntry#field()})
 * and are stored data: they never change.
 *
 * <p>Values are written in history with the value type's {@code toString} and read back with its
 * {@code parse} (or {@code of}), so a history can be stored as text and replayed; a set-valued
 * field records one entry per element added or removed. A custom field is named
 * {@link #CUSTOM_PREFIX} plus its key. Read a field of a ticket with {@link Ticket#get}; set one
 * through {@link NewTicket.Builder#set} at intake or {@link TicketEdit.Builder#set} later, as
 * {@link #isSettableAtIntake()} and {@link #isEditable()} allow; every other field is the
 * workflow's and the service's to set. Instances are immutable and thread-safe.
 *
 * @param <T> the type of the field's value
 */
public final class TicketField<T> {

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
  /** The {@link Handoff}s to other departments, recorded one at a time in JSON text form. */
  public static final String HANDOFFS = "handoffs";
  /** The {@link ProblemRecord} of a problem ticket, in its JSON text form. */
  public static final String PROBLEM = "problem";
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
  /**
   * The service's {@link dev.ticketkit.core.privacy.Redactor} masked personal data in the
   * change's text: {@code after} holds the counts per detector ({@code "email=1, mobile=2"}),
   * never the masked text. Not a field.
   */
  public static final String REDACTION = "redaction";
  /** The prefix of a custom field's name; the value is a {@link CustomFieldValue}'s text form. */
  public static final String CUSTOM_PREFIX = "custom.";
  /** The tenant (not recorded: every history entry names it). */
  public static final String TENANT = "tenant";
  /** The ticket's id (not recorded: every history entry names it). */
  public static final String ID = "id";
  /** When the ticket entered its status (not recorded: the instant of the status entry). */
  public static final String STATUS_CHANGED_AT = "statusChangedAt";
  /** The custom fields, recorded one key at a time under {@link #CUSTOM_PREFIX}. */
  public static final String CUSTOM_FIELDS = "customFields";
  /** When the ticket was opened (not recorded: the instant of the first entry). */
  public static final String CREATED_AT = "createdAt";
  /** When the ticket last changed (not recorded: the instant of the last entry). */
  public static final String UPDATED_AT = "updatedAt";
  /**
   * When the team last updated the requester: intake, then each public reply by an agent or the
   * system (not recorded: the instant of that reply's conversation entry).
   */
  public static final String REQUESTER_UPDATED_AT = "requesterUpdatedAt";
  /** The version (not recorded: the version of the last entry). */
  public static final String VERSION = "version";

  private final int index;
  private final String name;
  private final Class<?> valueType;
  private final Visibility visibility;
  private final boolean required;
  private final boolean atIntake;
  private final boolean editable;
  private final @Nullable TextRule text;
  private final @Nullable T initial;
  final FieldForms.Check<T> check;
  final FieldForms.HistoryForm<T> history;
  final FieldForms.StoredForm<T> stored;

  TicketField(int index, String name, Class<?> valueType, Visibility visibility, boolean required,
      boolean atIntake, boolean editable, @Nullable TextRule text, @Nullable T initial,
      FieldForms.Check<T> check, FieldForms.HistoryForm<T> history,
      FieldForms.StoredForm<T> stored) {
    this.index = index;
    this.name = name;
    this.valueType = valueType;
    this.visibility = visibility;
    this.required = required;
    this.atIntake = atIntake;
    this.editable = editable;
    this.text = text;
    this.initial = initial;
    this.check = check;
    this.history = history;
    this.stored = stored;
  }

  /** Returns the field's position in the table, which indexes a ticket's values. */
  int index() {
    return index;
  }

  /** Returns the value a new ticket starts with, or null. */
  @Nullable T initial() {
    return initial;
  }

  /**
   * Returns the field's name, as history entries and error messages carry it.
   *
   * @return the name, such as {@code "subject"}
   */
  public String name() {
    return name;
  }

  /**
   * Returns the Java type of the field's value ({@code List}, {@code SortedSet} or
   * {@code SortedMap} for the collections).
   *
   * @return the value type
   */
  public Class<?> valueType() {
    return valueType;
  }

  /**
   * Returns who may see the field: {@link Visibility#PUBLIC} for the requester too (it is part
   * of the {@link RequesterView}), {@link Visibility#INTERNAL} for the support team only.
   *
   * @return the visibility
   */
  public Visibility visibility() {
    return visibility;
  }

  /**
   * Tells whether every ticket has a value (a collection may still be empty).
   *
   * @return true if the value is never null
   */
  public boolean isRequired() {
    return required;
  }

  /**
   * Returns the text limit of a text field, in code points (see {@link TextRule}).
   *
   * @return the limit, or empty for a field that is not free text
   */
  public OptionalInt maxLength() {
    return text == null ? OptionalInt.empty() : OptionalInt.of(text.maxLength());
  }

  /**
   * Tells whether a caller may set the field when a ticket is taken in.
   *
   * @return true if {@link NewTicket.Builder#set} accepts the field
   */
  public boolean isSettableAtIntake() {
    return atIntake;
  }

  /**
   * Tells whether a caller may change the field with an edit.
   *
   * @return true if {@link TicketEdit.Builder#set} accepts the field
   */
  public boolean isEditable() {
    return editable;
  }

  /**
   * Tells whether history records the field under its own name; the others (tenant, id,
   * instants, version) come from the history entries themselves.
   *
   * @return true if history entries name the field
   */
  public boolean isRecorded() {
    return history.isRecorded();
  }

  /**
   * Returns the columns a store keeps the field in (see
   * {@link dev.ticketkit.core.store.StoredTicket}).
   *
   * @return the columns, one or more
   */
  public List<StoredColumn> columns() {
    return stored.columns();
  }

  /**
   * Writes a value into the columns a store keeps the field in: the row mapping of the field.
   *
   * @param value the value, or null for an absent optional field
   * @param row where to put each column's value, by column name (the Java types of
   *     {@link StoredColumn.Type})
   */
  public void toStored(@Nullable T value, Map<String, @Nullable Object> row) {
    stored.write(value, row);
  }

  /**
   * Reads a value back from the columns a store keeps the field in. The value is not yet
   * checked against the field's rules: {@link dev.ticketkit.core.store.StoredTicket#read} checks
   * the whole ticket.
   *
   * @param row each column's stored value, by column name
   * @return the value, or null if the columns hold none
   * @throws InvalidInputException if a column holds a value that is not the field's form
   */
  public @Nullable T fromStored(Function<String, @Nullable Object> row) {
    try {
      return stored.read(row);
    } catch (ClassCastException | IllegalArgumentException e) {
      if (e instanceof InvalidInputException invalid) {
        throw invalid;
      }
      throw new InvalidInputException(name, columns(), "holds a stored value of the wrong form: "
          + e.getMessage());
    }
  }

  /** Tells whether the value is a collection (set element by element, not with a setter). */
  boolean isCollection() {
    return java.util.Collection.class.isAssignableFrom(valueType)
        || Map.class.isAssignableFrom(valueType);
  }

  /** Checks a value for this field, as a ticket does. */
  @Nullable T check(@Nullable T value) {
    return check.check(name, value);
  }

  /** Returns the field's name. */
  @Override
  public String toString() {
    return name;
  }
}
