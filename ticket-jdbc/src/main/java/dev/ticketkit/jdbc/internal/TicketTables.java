package dev.ticketkit.jdbc.internal;

import static dev.ticketkit.jdbc.internal.Columns.bigint;
import static dev.ticketkit.jdbc.internal.Columns.instant;
import static dev.ticketkit.jdbc.internal.Columns.integer;
import static dev.ticketkit.jdbc.internal.Columns.jsonText;
import static dev.ticketkit.jdbc.internal.Columns.text;
import static dev.ticketkit.jdbc.internal.Columns.uuid;

import dev.ticketkit.core.store.StoredColumn;
import dev.ticketkit.core.store.StoredTicket;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * The ticket tables, declared by hand as typed jOOQ constants (see the migration scripts under
 * {@code dev/ticketkit/jdbc/migration} for their definition). Constants only; thread-safe.
 */
public final class TicketTables {

  private TicketTables() {}

  /**
   * {@code tk_ticket}: one row per ticket, at its latest version. Its columns are those of
   * ticket-core's field table ({@link StoredTicket#columns()}), each declared here by itself from
   * its name and type ({@link #column(String)}); the constants name the ones SQL filters, locks
   * or sorts by. The only column of the store's own is {@link #LAST_COMMIT}.
   */
  public static final class Tk {
    private static final String N = "tk_ticket";
    /** The table. */
    public static final Table<Record> TABLE = Columns.table(N);
    /** Column. */
    public static final Field<UUID> ID = uuid(N, "id");
    /** Column. */
    public static final Field<String> TENANT_ID = text(N, "tenant_id");
    /** Column. */
    public static final Field<Long> NUMBER = bigint(N, "number");
    /** Column. */
    public static final Field<Long> VERSION = bigint(N, "version");
    /** Column: the requester's id, kept apart from the requester's JSON to find by it. */
    public static final Field<String> REQUESTER_ID = text(N, "requester_id");
    /** Column. */
    public static final Field<String> CHANNEL = text(N, "channel");
    /** Column. */
    public static final Field<String> CATEGORY = text(N, "category");
    /** Column. */
    public static final Field<String> PRIORITY = text(N, "priority");
    /** Column. */
    public static final Field<String> STATUS = text(N, "status");
    /** Column. */
    public static final Field<String> STATUS_CATEGORY = text(N, "status_category");
    /** Column. */
    public static final Field<String> ASSIGNEE = text(N, "assignee");
    /** Column. */
    public static final Field<Integer> TIER = integer(N, "tier");
    /** Column (JSON). */
    public static final Field<String> TAGS = jsonText(N, "tags");
    /** Column (JSON). */
    public static final Field<String> LINKS = jsonText(N, "links");
    /** Column. */
    public static final Field<Instant> CREATED_AT = instant(N, "created_at");
    /** Column (JSON): the problem record of a problem ticket, null for others. */
    public static final Field<String> PROBLEM = jsonText(N, "problem");
    /** Column: the earliest opening instant of the ticket's open handoffs, null if none. */
    public static final Field<Instant> HANDOFF_OPEN_SINCE = instant(N, "handoff_open_since");
    /** Column: when the team last updated the requester (the follow-up ledger's order). */
    public static final Field<Instant> REQUESTER_UPDATED_AT = instant(N, "requester_updated_at");
    /** Column: the id of the commit that wrote the row last (resolves a failed COMMIT). */
    public static final Field<UUID> LAST_COMMIT = uuid(N, "last_commit");

    private static final Map<StoredColumn.Type, Class<?>> JAVA_TYPES = new EnumMap<>(Map.of(
        StoredColumn.Type.TEXT, String.class, StoredColumn.Type.JSON, String.class,
        StoredColumn.Type.BIGINT, Long.class, StoredColumn.Type.INTEGER, Integer.class,
        StoredColumn.Type.INSTANT, Instant.class, StoredColumn.Type.UUID, UUID.class));
    private static final Map<String, Field<?>> BY_NAME = declare(ID, TENANT_ID, NUMBER, VERSION,
        REQUESTER_ID, CHANNEL, CATEGORY, PRIORITY, STATUS, STATUS_CATEGORY, ASSIGNEE, TIER, TAGS,
        LINKS, CREATED_AT, PROBLEM, HANDOFF_OPEN_SINCE, REQUESTER_UPDATED_AT);

    /** Every column of a ticket, in the order of {@link StoredTicket#columns()}. */
    public static final Field<?>[] ALL = StoredTicket.columns().stream()
        .map(c -> BY_NAME.get(c.name())).toArray(Field<?>[]::new);

    private Tk() {}

    /**
     * Returns the column of a ticket column's name.
     *
     * @param name a name of {@link StoredTicket#columns()}
     * @return the column
     * @throws IllegalArgumentException if the ticket has no such column
     */
    public static Field<?> column(String name) {
      Field<?> column = BY_NAME.get(name);
      if (column == null) {
        throw new IllegalArgumentException("tk_ticket has no column " + name);
      }
      return column;
    }

    /** Indexes the named columns and declares the rest from the table, checking the types. */
    private static Map<String, Field<?>> declare(Field<?>... named) {
      Map<String, Field<?>> byName = new HashMap<>();
      for (Field<?> f : named) {
        byName.put(f.getName(), f);
      }
      for (StoredColumn c : StoredTicket.columns()) {
        Field<?> f = byName.computeIfAbsent(c.name(), n -> switch (c.type()) {
          case TEXT -> text(N, n);
          case JSON -> jsonText(N, n);
          case BIGINT -> bigint(N, n);
          case INTEGER -> integer(N, n);
          case INSTANT -> instant(N, n);
          case UUID -> uuid(N, n);
        });
        if (f.getType() != JAVA_TYPES.get(c.type()) || Columns.isJson(f) != (c.type() == StoredColumn.Type.JSON)) {
          throw new IllegalStateException(N + "." + c.name() + " is declared as "
              + f.getType().getSimpleName() + ", the field table stores it as " + c.type());
        }
      }
      return Map.copyOf(byName);
    }
  }

  /** {@code tk_ticket_tag}: one row per tag of a ticket, for tag filters. */
  public static final class Tag {
    private static final String N = "tk_ticket_tag";
    /** The table. */
    public static final Table<Record> TABLE = Columns.table(N);
    /** Column. */
    public static final Field<UUID> TICKET_ID = uuid(N, "ticket_id");
    /** Column. */
    public static final Field<String> TAG = text(N, "tag");
    /** Column. */
    public static final Field<String> TENANT_ID = text(N, "tenant_id");

    private Tag() {}
  }

  /** {@code tk_ticket_link}: one row per link of a ticket, for reverse look-ups. */
  public static final class Link {
    private static final String N = "tk_ticket_link";
    /** The table. */
    public static final Table<Record> TABLE = Columns.table(N);
    /** Column. */
    public static final Field<UUID> TICKET_ID = uuid(N, "ticket_id");
    /** Column. */
    public static final Field<String> LINK_TYPE = text(N, "link_type");
    /** Column. */
    public static final Field<UUID> TARGET_ID = uuid(N, "target_id");
    /** Column. */
    public static final Field<String> TENANT_ID = text(N, "tenant_id");

    private Link() {}
  }

  /** {@code tk_ticket_history}: the append-only history. */
  public static final class History {
    private static final String N = "tk_ticket_history";
    /** The table. */
    public static final Table<Record> TABLE = Columns.table(N);
    /** Column. */
    public static final Field<UUID> TICKET_ID = uuid(N, "ticket_id");
    /** Column. */
    public static final Field<Long> TICKET_VERSION = bigint(N, "ticket_version");
    /** Column. */
    public static final Field<Integer> POSITION = integer(N, "position");
    /** Column. */
    public static final Field<String> TENANT_ID = text(N, "tenant_id");
    /** Column. */
    public static final Field<String> ACTOR = text(N, "actor");
    /** Column. */
    public static final Field<Instant> AT = instant(N, "at");
    /** Column. */
    public static final Field<String> ACTION = text(N, "action");
    /** Column. */
    public static final Field<String> FIELD = text(N, "field");
    /** Column. */
    public static final Field<String> BEFORE_VALUE = text(N, "before_value");
    /** Column. */
    public static final Field<String> AFTER_VALUE = text(N, "after_value");

    private History() {}
  }

  /** {@code tk_ticket_conversation}: public replies and internal notes. */
  public static final class Conversation {
    private static final String N = "tk_ticket_conversation";
    /** The table. */
    public static final Table<Record> TABLE = Columns.table(N);
    /** Column. */
    public static final Field<UUID> TICKET_ID = uuid(N, "ticket_id");
    /** Column. */
    public static final Field<Long> TICKET_VERSION = bigint(N, "ticket_version");
    /** Column. */
    public static final Field<Integer> POSITION = integer(N, "position");
    /** Column. */
    public static final Field<String> TENANT_ID = text(N, "tenant_id");
    /** Column. */
    public static final Field<String> VISIBILITY = text(N, "visibility");
    /** Column. */
    public static final Field<String> AUTHOR = text(N, "author");
    /** Column. */
    public static final Field<String> CHANNEL = text(N, "channel");
    /** Column. */
    public static final Field<Instant> AT = instant(N, "at");
    /** Column. */
    public static final Field<String> BODY = text(N, "body");
    /** Column (JSON). */
    public static final Field<String> ATTACHMENTS = jsonText(N, "attachments");

    private Conversation() {}
  }

  /** {@code tk_ticket_number}: the last number allocated per tenant. */
  public static final class Number {
    private static final String N = "tk_ticket_number";
    /** The table. */
    public static final Table<Record> TABLE = Columns.table(N);
    /** Column. */
    public static final Field<String> TENANT_ID = text(N, "tenant_id");
    /** Column. */
    public static final Field<Long> LAST_NUMBER = bigint(N, "last_number");

    private Number() {}
  }

  /** {@code tk_outbox}: events waiting for (or past) delivery. */
  public static final class Outbox {
    private static final String N = "tk_outbox";
    /** The table. */
    public static final Table<Record> TABLE = Columns.table(N);
    /** Column. */
    public static final Field<Long> ID = bigint(N, "id");
    /** Column. */
    public static final Field<String> TENANT_ID = text(N, "tenant_id");
    /** Column. */
    public static final Field<UUID> TICKET_ID = uuid(N, "ticket_id");
    /** Column. */
    public static final Field<Long> TICKET_VERSION = bigint(N, "ticket_version");
    /** Column. */
    public static final Field<Integer> POSITION = integer(N, "position");
    /** Column. */
    public static final Field<String> EVENT_TYPE = text(N, "event_type");
    /** Column. */
    public static final Field<String> IDEMPOTENCY_KEY = text(N, "idempotency_key");
    /** Column (JSON). */
    public static final Field<String> PAYLOAD = jsonText(N, "payload");
    /** Column. */
    public static final Field<Instant> OCCURRED_AT = instant(N, "occurred_at");
    /** Column. */
    public static final Field<Instant> DELIVERED_AT = instant(N, "delivered_at");
    /** Column. */
    public static final Field<Integer> ATTEMPTS = integer(N, "attempts");
    /** Column. */
    public static final Field<String> LAST_ERROR = text(N, "last_error");

    private Outbox() {}
  }
}
