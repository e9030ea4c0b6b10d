package dev.ticketkit.jdbc.internal;

import static dev.ticketkit.jdbc.internal.Columns.bigint;
import static dev.ticketkit.jdbc.internal.Columns.instant;
import static dev.ticketkit.jdbc.internal.Columns.integer;
import static dev.ticketkit.jdbc.internal.Columns.jsonText;
import static dev.ticketkit.jdbc.internal.Columns.text;
import static dev.ticketkit.jdbc.internal.Columns.uuid;

import java.time.Instant;
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

  /** {@code tk_ticket}: one row per ticket, at its latest version. */
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
    /** Column. */
    public static final Field<String> REQUESTER_ID = text(N, "requester_id");
    /** Column (JSON). */
    public static final Field<String> REQUESTER = jsonText(N, "requester");
    /** Column. */
    public static final Field<String> CHANNEL = text(N, "channel");
    /** Column. */
    public static final Field<String> SUBJECT = text(N, "subject");
    /** Column. */
    public static final Field<String> DESCRIPTION = text(N, "description");
    /** Column. */
    public static final Field<String> SCENARIO = text(N, "scenario");
    /** Column. */
    public static final Field<String> ERROR_MESSAGE = text(N, "error_message");
    /** Column. */
    public static final Field<String> REPRODUCTION_STEPS = text(N, "reproduction_steps");
    /** Column (JSON). */
    public static final Field<String> ATTACHMENTS = jsonText(N, "attachments");
    /** Column. */
    public static final Field<String> ACCOUNT_REFERENCE = text(N, "account_reference");
    /** Column. */
    public static final Field<String> CATEGORY = text(N, "category");
    /** Column. */
    public static final Field<String> PRIORITY = text(N, "priority");
    /** Column. */
    public static final Field<String> STATUS = text(N, "status");
    /** Column. */
    public static final Field<String> STATUS_CATEGORY = text(N, "status_category");
    /** Column. */
    public static final Field<String> RETURN_STATUS = text(N, "return_status");
    /** Column. */
    public static final Field<Instant> STATUS_CHANGED_AT = instant(N, "status_changed_at");
    /** Column. */
    public static final Field<String> ACCEPTED_BY = text(N, "accepted_by");
    /** Column. */
    public static final Field<String> ASSIGNEE = text(N, "assignee");
    /** Column. */
    public static final Field<Integer> TIER = integer(N, "tier");
    /** Column (JSON). */
    public static final Field<String> TAGS = jsonText(N, "tags");
    /** Column (JSON). */
    public static final Field<String> CUSTOM_FIELDS = jsonText(N, "custom_fields");
    /** Column (JSON). */
    public static final Field<String> LINKS = jsonText(N, "links");
    /** Column. */
    public static final Field<String> RATING_SATISFACTION = text(N, "rating_satisfaction");
    /** Column. */
    public static final Field<String> RATING_COMMENT = text(N, "rating_comment");
    /** Column. */
    public static final Field<String> RESOLUTION_SUMMARY = text(N, "resolution_summary");
    /** Column. */
    public static final Field<Integer> CYCLE = integer(N, "cycle");
    /** Column. */
    public static final Field<Instant> CREATED_AT = instant(N, "created_at");
    /** Column. */
    public static final Field<Instant> UPDATED_AT = instant(N, "updated_at");
    /** Column: the id of the commit that wrote the row last (resolves a failed COMMIT). */
    public static final Field<UUID> LAST_COMMIT = uuid(N, "last_commit");

    /** Every column, in the order {@link TicketRows} reads them. */
    public static final Field<?>[] ALL = {ID, TENANT_ID, NUMBER, VERSION, REQUESTER, CHANNEL,
        SUBJECT, DESCRIPTION, SCENARIO, ERROR_MESSAGE, REPRODUCTION_STEPS, ATTACHMENTS,
        ACCOUNT_REFERENCE, CATEGORY, PRIORITY, STATUS, STATUS_CATEGORY, RETURN_STATUS,
        STATUS_CHANGED_AT, ACCEPTED_BY, ASSIGNEE, TIER, TAGS, CUSTOM_FIELDS, LINKS,
        RATING_SATISFACTION, RATING_COMMENT, RESOLUTION_SUMMARY, CYCLE, CREATED_AT, UPDATED_AT};

    private Tk() {}
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
