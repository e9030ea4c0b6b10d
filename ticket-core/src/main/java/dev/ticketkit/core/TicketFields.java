package dev.ticketkit.core;

import static dev.ticketkit.core.FieldForms.column;
import static dev.ticketkit.core.FieldForms.columns;
import static dev.ticketkit.core.store.StoredColumn.Type.BIGINT;
import static dev.ticketkit.core.store.StoredColumn.Type.INSTANT;
import static dev.ticketkit.core.store.StoredColumn.Type.INTEGER;
import static dev.ticketkit.core.store.StoredColumn.Type.JSON;
import static dev.ticketkit.core.store.StoredColumn.Type.TEXT;
import static dev.ticketkit.core.store.StoredColumn.Type.UUID;

import dev.ticketkit.core.store.StoredColumn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The table of a ticket's fields: each field declared once, with its name, Java type, text limit,
 * who may see it, how history records it and how a store keeps it.
 *
 * <p>The table drives everything that lists fields: the ticket's checks, its equality, its
 * history (what a change records, and {@link TicketReplay}), the {@link RequesterView} (exactly
 * the {@link Visibility#PUBLIC} fields), intake and edits ({@link NewTicket.Builder#set},
 * {@link TicketEdit.Builder#set}) and storage ({@link dev.ticketkit.core.store.StoredTicket},
 * which database stores map to columns). A new field is one entry here, its typed accessor on
 * {@link Ticket}, and its column in each store's schema. The order of the entries is the order
 * in which a change records its fields. This class only holds constants.
 */
public final class TicketFields {

  private static final List<TicketField<?>> ALL = new ArrayList<>();

  /** The tenant; every store keeps it in {@code tenant_id}. */
  public static final TicketField<TenantId> TENANT = Define.<TenantId>of(TicketField.TENANT,
      TenantId.class).visible().required().notRecorded()
      .stored(column(text("tenant_id"), TenantId::value, v -> TenantId.of((String) v))).add();
  /** The ticket's id. */
  public static final TicketField<TicketId> ID = Define.<TicketId>of(TicketField.ID,
      TicketId.class).visible().required().notRecorded()
      .stored(column(new StoredColumn("id", UUID, false), TicketId::value,
          v -> TicketId.of((java.util.UUID) v))).add();
  /** The per-tenant number, 1 or more, which the store allocates. */
  public static final TicketField<Long> NUMBER = Define.<Long>of(TicketField.NUMBER, Long.class)
      .visible().required().history(Object::toString, t -> wholeNumber(TicketField.NUMBER, t))
      .check(TicketChecks::positive).stored(BIGINT, n -> n, v -> ((Number) v).longValue()).add();
  /** The requester; stores also keep its id apart ({@code requester_id}), to find by it. */
  public static final TicketField<Requester> REQUESTER = Define.<Requester>of(
      TicketField.REQUESTER, Requester.class).required().atIntake().editable()
      .history(ValueJson::requester, ValueJson::requester)
      .stored(columns(List.of(json(TicketField.REQUESTER), text("requester_id")),
          r -> List.of(ValueJson.requester(r), r.id()),
          v -> ValueJson.requester((String) v.get(0)))).add();
  /** The channel the ticket came in on. */
  public static final TicketField<Channel> CHANNEL = Define.<Channel>of(TicketField.CHANNEL,
      Channel.class).visible().required().atIntake().history(Channel::code, Channel::parse)
      .add();
  /** The subject: one line. */
  public static final TicketField<String> SUBJECT = Define.<String>of(TicketField.SUBJECT,
      String.class).visible().required().atIntake().editable()
      .text(TextRule.line(Ticket.MAX_SUBJECT_LENGTH)).add();
  /** The description. */
  public static final TicketField<String> DESCRIPTION = Define.<String>of(
      TicketField.DESCRIPTION, String.class).visible().required().atIntake().editable()
      .text(TextRule.text(Ticket.MAX_DESCRIPTION_LENGTH)).add();
  /** What the requester was doing. */
  public static final TicketField<String> SCENARIO = Define.<String>of(TicketField.SCENARIO,
      String.class).visible().atIntake().editable()
      .text(TextRule.text(Ticket.MAX_SCENARIO_LENGTH)).add();
  /** The error message the requester saw. */
  public static final TicketField<String> ERROR_MESSAGE = Define.<String>of(
      TicketField.ERROR_MESSAGE, String.class).visible().atIntake().editable()
      .text(TextRule.text(Ticket.MAX_ERROR_MESSAGE_LENGTH)).add();
  /** The steps that reproduce the problem. */
  public static final TicketField<String> REPRODUCTION_STEPS = Define.<String>of(
      TicketField.REPRODUCTION_STEPS, String.class).visible().atIntake().editable()
      .text(TextRule.text(Ticket.MAX_REPRODUCTION_STEPS_LENGTH)).add();
  /** The attachments, distinct by URI, in the order they were added. */
  public static final TicketField<List<Attachment>> ATTACHMENTS = Define.<List<Attachment>>of(
      TicketField.ATTACHMENTS, List.class).visible().required().atIntake().editable()
      .initial(List.of()).check((f, v) -> TicketChecks.attachments(v))
      .elements(v -> v, Attachment::parse, v -> v)
      .stored(JSON, ValueJson::attachments, v -> ValueJson.attachments((String) v)).add();
  /** The account or order number. */
  public static final TicketField<String> ACCOUNT_REFERENCE = Define.<String>of(
      TicketField.ACCOUNT_REFERENCE, String.class).visible().atIntake().editable()
      .text(TextRule.text(Ticket.MAX_ACCOUNT_REFERENCE_LENGTH)).add();
  /** The category. */
  public static final TicketField<Category> CATEGORY = Define.<Category>of(TicketField.CATEGORY,
      Category.class).atIntake().history(Category::toString, Category::parse).add();
  /** The priority; {@link Priority#MEDIUM} unless given. */
  public static final TicketField<Priority> PRIORITY = Define.<Priority>of(TicketField.PRIORITY,
      Priority.class).required().atIntake().initial(Priority.MEDIUM)
      .history(Priority::name, Priority::parse).add();
  /** The workflow state; stores also keep its category apart, to filter by it. */
  public static final TicketField<Status> STATUS = Define.<Status>of(TicketField.STATUS,
      Status.class).visible().required().history(Status::toString, Status::parse)
      .stored(columns(List.of(text(TicketField.STATUS), text("status_category")),
          s -> List.of(s.name(), s.category().name()),
          v -> Status.parse(v.get(0) + "(" + v.get(1) + ")"))).add();
  /** The state to return to when the requester answers. */
  public static final TicketField<Status> RETURN_STATUS = Define.<Status>of(
      TicketField.RETURN_STATUS, Status.class).history(Status::toString, Status::parse).add();
  /** When the ticket entered its status. */
  public static final TicketField<Instant> STATUS_CHANGED_AT = Define.<Instant>of(
      TicketField.STATUS_CHANGED_AT, Instant.class).required().notRecorded()
      .stored(INSTANT, t -> t, v -> (Instant) v).add();
  /** The accepting agent. */
  public static final TicketField<AgentId> ACCEPTED_BY = Define.<AgentId>of(
      TicketField.ACCEPTED_BY, AgentId.class).history(AgentId::value, AgentId::of).add();
  /** The assignee. */
  public static final TicketField<AgentId> ASSIGNEE = Define.<AgentId>of(TicketField.ASSIGNEE,
      AgentId.class).history(AgentId::value, AgentId::of).add();
  /** The support tier; {@link SupportTier#FIRST} unless given. */
  public static final TicketField<SupportTier> TIER = Define.<SupportTier>of(TicketField.TIER,
      SupportTier.class).required().atIntake().initial(SupportTier.FIRST)
      .history(SupportTier::toString, SupportTier::parse)
      .stored(INTEGER, SupportTier::level, v -> SupportTier.of(((Number) v).intValue())).add();
  /** The tags, sorted. */
  public static final TicketField<SortedSet<Tag>> TAGS = Define.<SortedSet<Tag>>of(
      TicketField.TAGS, SortedSet.class).required().atIntake()
      .initial(Collections.emptySortedSet())
      .check((f, v) -> Collections.unmodifiableSortedSet(new TreeSet<>(TicketChecks.tags(v))))
      .elements(v -> v, Tag::of, TreeSet::new)
      .stored(JSON, ValueJson::tags, v -> ValueJson.tags((String) v)).add();
  /** The custom fields by key, sorted by key. */
  public static final TicketField<SortedMap<String, CustomFieldValue>> CUSTOM_FIELDS =
      Define.<SortedMap<String, CustomFieldValue>>of(TicketField.CUSTOM_FIELDS,
          SortedMap.class).required().atIntake().editable().initial(Collections.emptySortedMap())
      .check((f, v) -> Collections.unmodifiableSortedMap(TicketChecks.customFields(v)))
      .history(FieldForms.keyed())
      .stored(JSON, ValueJson::customFields, v -> new TreeMap<>(
          ValueJson.customFields((String) v))).add();
  /** The links to other tickets, in the order they were added. */
  public static final TicketField<List<TicketLink>> LINKS = Define.<List<TicketLink>>of(
      TicketField.LINKS, List.class).required().initial(List.of())
      .check((f, v) -> TicketChecks.links(v)).elements(v -> v, TicketLink::parse, v -> v)
      .stored(JSON, ValueJson::links, v -> ValueJson.links((String) v)).add();
  /** The requester's rating of the current cycle; stores keep level, comment, reason apart. */
  public static final TicketField<Rating> RATING = Define.<Rating>of(TicketField.RATING,
      Rating.class).visible().history(Rating::toString, Rating::parse)
      .stored(columns(List.of(text("rating_satisfaction"), text("rating_comment"),
          text("rating_reason")),
          r -> Arrays.asList(r.satisfaction().name(), r.comment(),
              r.reason() == null ? null : r.reason().code()),
          v -> new Rating(Satisfaction.parse((String) v.get(0)), (String) v.get(1),
              v.get(2) == null ? null : DissatisfactionReason.parse((String) v.get(2))))).add();
  /** The agent's summary of the resolution in the current cycle. */
  public static final TicketField<String> RESOLUTION_SUMMARY = Define.<String>of(
      TicketField.RESOLUTION_SUMMARY, String.class).visible().editable()
      .text(TextRule.text(Ticket.MAX_RESOLUTION_SUMMARY_LENGTH)).add();
  /** The resolution cycle, 1 or more. */
  public static final TicketField<Integer> CYCLE = Define.<Integer>of(TicketField.CYCLE,
      Integer.class).required().initial(1)
      .history(Object::toString, t -> (int) wholeNumber(TicketField.CYCLE, t))
      .check((f, v) -> (int) TicketChecks.positive(f, v))
      .stored(INTEGER, c -> c, v -> ((Number) v).intValue()).add();
  /** What a problem ticket records; null unless the ticket is a problem. Internal. */
  public static final TicketField<ProblemRecord> PROBLEM = Define.<ProblemRecord>of(
      TicketField.PROBLEM, ProblemRecord.class)
      .history(ProblemRecord::toString, ProblemRecord::parse)
      .stored(JSON, ProblemRecord::toString, v -> ProblemRecord.parse((String) v)).add();
  /**
   * The handoffs to other departments, by number; stores also keep the earliest opening instant
   * of the open ones apart ({@code handoff_open_since}), to find tickets with open handoffs.
   */
  public static final TicketField<List<Handoff>> HANDOFFS = Define.<List<Handoff>>of(
      TicketField.HANDOFFS, List.class).required().initial(List.of())
      .check((f, v) -> TicketChecks.handoffs(v)).elements(v -> v, Handoff::parse, v -> v)
      .stored(columns(List.of(json(TicketField.HANDOFFS),
          new StoredColumn("handoff_open_since", INSTANT, true)),
          v -> Arrays.asList(Handoff.listJson(v), Handoff.openSince(v)),
          v -> Handoff.listFromJson((String) v.get(0)))).add();
  /** When the ticket was opened. */
  public static final TicketField<Instant> CREATED_AT = Define.<Instant>of(
      TicketField.CREATED_AT, Instant.class).visible().required().notRecorded()
      .stored(INSTANT, t -> t, v -> (Instant) v).add();
  /** When the ticket last changed. */
  public static final TicketField<Instant> UPDATED_AT = Define.<Instant>of(
      TicketField.UPDATED_AT, Instant.class).visible().required().notRecorded()
      .stored(INSTANT, t -> t, v -> (Instant) v).add();
  /**
   * When the team last updated the requester (intake, or the latest public reply by an agent or
   * the system); the follow-up ledger sorts by it.
   */
  public static final TicketField<Instant> REQUESTER_UPDATED_AT = Define.<Instant>of(
      TicketField.REQUESTER_UPDATED_AT, Instant.class).required().notRecorded()
      .stored(INSTANT, t -> t, v -> (Instant) v).add();
  /** The version, 1 or more. */
  public static final TicketField<Long> VERSION = Define.<Long>of(TicketField.VERSION,
      Long.class).required().initial(1L).notRecorded().check(TicketChecks::positive)
      .stored(BIGINT, n -> n, v -> ((Number) v).longValue()).add();

  private static final List<TicketField<?>> TABLE = List.copyOf(ALL);

  private TicketFields() {}

  /**
   * Returns every field, in table order.
   *
   * @return the fields
   */
  public static List<TicketField<?>> all() {
    return TABLE;
  }

  private static long wholeNumber(String field, String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new InvalidInputException(field, text, "must be a whole number");
    }
  }

  private static StoredColumn text(String name) {
    return new StoredColumn(Define.snake(name), TEXT, true);
  }

  private static StoredColumn json(String name) {
    return new StoredColumn(Define.snake(name), JSON, true);
  }

  /** Declares one field; {@link #add()} appends it to the table. Not thread-safe. */
  private static final class Define<T> {
    private final String name;
    private final Class<?> type;
    private Visibility visibility = Visibility.INTERNAL;
    private boolean required;
    private boolean atIntake;
    private boolean editable;
    private TextRule text;
    private T initial;
    private FieldForms.Check<T> check;
    private FieldForms.HistoryForm<T> history;
    private FieldForms.StoredForm<T> stored;

    private Define(String name, Class<?> type) {
      this.name = name;
      this.type = type;
    }

    static <T> Define<T> of(String name, Class<?> type) {
      return new Define<>(name, type);
    }

    static String snake(String name) {
      return name.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }

    Define<T> visible() {
      visibility = Visibility.PUBLIC;
      return this;
    }

    Define<T> required() {
      required = true;
      return this;
    }

    Define<T> atIntake() {
      atIntake = true;
      return this;
    }

    Define<T> editable() {
      editable = true;
      return this;
    }

    Define<T> initial(T value) {
      initial = value;
      return this;
    }

    Define<T> check(FieldForms.Check<T> more) {
      check = more;
      return this;
    }

    /** A free-text field: its rule checks it, history and the store keep the text itself. */
    @SuppressWarnings("unchecked")
    Define<T> text(TextRule rule) {
      text = rule;
      check = (f, v) -> (T) rule.require(f, (String) v);
      return history(v -> (String) v, v -> (T) v);
    }

    /** History keeps one text; unless told otherwise, the store keeps that text too. */
    Define<T> history(java.util.function.Function<T, String> format,
        java.util.function.Function<String, T> parse) {
      history = FieldForms.scalar(format, parse);
      if (stored == null) {
        stored = column(new StoredColumn(snake(name), TEXT, true), format::apply,
            v -> parse.apply((String) v));
      }
      return this;
    }

    Define<T> history(FieldForms.HistoryForm<T> form) {
      history = form;
      return this;
    }

    <E> Define<T> elements(java.util.function.Function<T, java.util.Collection<E>> elements,
        java.util.function.Function<String, E> parse,
        java.util.function.Function<List<E>, T> collect) {
      history = FieldForms.elements(elements, parse, collect);
      return this;
    }

    Define<T> notRecorded() {
      history = FieldForms.notRecorded();
      return this;
    }

    Define<T> stored(FieldForms.StoredForm<T> form) {
      stored = form;
      return this;
    }

    Define<T> stored(StoredColumn.Type columnType, java.util.function.Function<T, Object> write,
        java.util.function.Function<Object, T> read) {
      return stored(column(new StoredColumn(snake(name), columnType, true), write, read));
    }

    TicketField<T> add() {
      FieldForms.Check<T> more = check;
      boolean isRequired = required;
      FieldForms.Check<T> all = (f, v) -> {
        if (v == null) {
          if (isRequired) {
            throw new InvalidInputException(f, null, "must not be null");
          }
          return null;
        }
        return more == null ? v : more.check(f, v);
      };
      TicketField<T> field = new TicketField<>(ALL.size(), name, type, visibility, required,
          atIntake, editable, text, initial, all, history,
          required ? FieldForms.notNull(stored) : stored);
      ALL.add(field);
      return field;
    }
  }
}
