package dev.ticketkit.jdbc.internal;

import static dev.ticketkit.jdbc.internal.Columns.bigint;
import static dev.ticketkit.jdbc.internal.Columns.bool;
import static dev.ticketkit.jdbc.internal.Columns.instant;
import static dev.ticketkit.jdbc.internal.Columns.integer;
import static dev.ticketkit.jdbc.internal.Columns.text;
import static dev.ticketkit.jdbc.internal.Columns.uuid;

import java.time.Instant;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * The report tables, declared by hand as typed jOOQ constants (see {@code V7__report_facts.sql}).
 * Constants only; thread-safe.
 */
public final class ReportTables {

  private ReportTables() {}

  /** {@code tk_report_cycle}: one row per ticket and resolution cycle. */
  public static final class Cycle {
    private static final String N = "tk_report_cycle";
    /** The table. */
    public static final Table<Record> TABLE = Columns.table(N);
    /** Column. */
    public static final Field<String> TENANT_ID = text(N, "tenant_id");
    /** Column. */
    public static final Field<UUID> TICKET_ID = uuid(N, "ticket_id");
    /** Column. */
    public static final Field<Integer> CYCLE = integer(N, "cycle");
    /** Column. */
    public static final Field<Long> TICKET_NUMBER = bigint(N, "ticket_number");
    /** Column. */
    public static final Field<String> SUBJECT = text(N, "subject");
    /** Column. */
    public static final Field<String> CHANNEL = text(N, "channel");
    /** Column. */
    public static final Field<String> CATEGORY = text(N, "category");
    /** Column. */
    public static final Field<String> PRIORITY = text(N, "priority");
    /** Column. */
    public static final Field<String> AGENT = text(N, "agent");
    /** Column. */
    public static final Field<Instant> TICKET_CREATED_AT = instant(N, "ticket_created_at");
    /** Column. */
    public static final Field<Instant> STARTED_AT = instant(N, "started_at");
    /** Column. */
    public static final Field<Instant> ACCEPTED_AT = instant(N, "accepted_at");
    /** Column. */
    public static final Field<Instant> FIRST_REPLY_AT = instant(N, "first_reply_at");
    /** Column. */
    public static final Field<Instant> RESOLVED_AT = instant(N, "resolved_at");
    /** Column. */
    public static final Field<Instant> WORK_ENDED_AT = instant(N, "work_ended_at");
    /** Column. */
    public static final Field<Instant> CLOSED_AT = instant(N, "closed_at");
    /** Column. */
    public static final Field<String> CLOSE_KIND = text(N, "close_kind");
    /** Column. */
    public static final Field<Instant> REOPENED_AT = instant(N, "reopened_at");
    /** Column. */
    public static final Field<Instant> ESCALATED_AT = instant(N, "escalated_at");
    /** Column. */
    public static final Field<Integer> TIER_ESCALATIONS = integer(N, "tier_escalations");
    /** Column. */
    public static final Field<Integer> AGENT_REPLIES = integer(N, "agent_replies");
    /** Column. */
    public static final Field<Integer> REQUESTER_FOLLOW_UPS = integer(N, "requester_follow_ups");
    /** Column. */
    public static final Field<Integer> HANDOFFS = integer(N, "handoffs");
    /** Column. */
    public static final Field<String> RATING = text(N, "rating");
    /** Column. */
    public static final Field<String> RATING_COMMENT = text(N, "rating_comment");
    /** Column. */
    public static final Field<Instant> RATED_AT = instant(N, "rated_at");
    /** Column. */
    public static final Field<String> DISSATISFACTION_REASON = text(N, "dissatisfaction_reason");
    /** Column. */
    public static final Field<Boolean> FIRST_CONTACT = bool(N, "first_contact");
    /** Column. */
    public static final Field<Long> RESOLUTION_MS = bigint(N, "resolution_ms");
    /** Column. */
    public static final Field<Long> FIRST_REPLY_MS = bigint(N, "first_reply_ms");
    /** Column. */
    public static final Field<Long> ACCEPTANCE_MS = bigint(N, "acceptance_ms");
    /** Every column, in table order. */
    public static final Field<?>[] ALL = {
        TENANT_ID, TICKET_ID, CYCLE, TICKET_NUMBER, SUBJECT, CHANNEL, CATEGORY, PRIORITY,
        AGENT, TICKET_CREATED_AT, STARTED_AT, ACCEPTED_AT, FIRST_REPLY_AT, RESOLVED_AT,
        WORK_ENDED_AT, CLOSED_AT, CLOSE_KIND, REOPENED_AT, ESCALATED_AT, TIER_ESCALATIONS,
        AGENT_REPLIES, REQUESTER_FOLLOW_UPS, HANDOFFS, RATING, RATING_COMMENT, RATED_AT,
        DISSATISFACTION_REASON, FIRST_CONTACT, RESOLUTION_MS, FIRST_REPLY_MS, ACCEPTANCE_MS};

    private Cycle() {}
  }

  /**
   * {@code tk_report_clock}: one row per stopped SLA clock, as the report reads it (see
   * {@code V16__report_clock.sql}). The report also reads the open clocks of
   * {@code tk_sla_clock} under this table's column names (see {@code ReportSql}).
   */
  public static final class ReportClock {
    private static final String N = "tk_report_clock";
    /** The table. */
    public static final Table<Record> TABLE = Columns.table(N);
    /** Column. */
    public static final Field<String> TENANT_ID = text(N, "tenant_id");
    /** Column. */
    public static final Field<UUID> TICKET_ID = uuid(N, "ticket_id");
    /** Column. */
    public static final Field<String> METRIC = text(N, "metric");
    /** Column. */
    public static final Field<Integer> CYCLE = integer(N, "cycle");
    /** Column. */
    public static final Field<Integer> TICKET_CYCLE = integer(N, "ticket_cycle");
    /** Column. */
    public static final Field<String> PRIORITY = text(N, "priority");
    /** Column. */
    public static final Field<Instant> STARTED_AT = instant(N, "started_at");
    /** Column: null only for the open clocks read beside the table. */
    public static final Field<Instant> STOPPED_AT = instant(N, "stopped_at");
    /** Column: the stop instant of a MET clock. */
    public static final Field<Instant> MET_AT = instant(N, "met_at");
    /** Column: the due instant of a BREACHED clock (or of a RUNNING one, read beside). */
    public static final Field<Instant> BREACHED_AT = instant(N, "breached_at");
    /** Column: the stop instant of a CANCELLED clock. */
    public static final Field<Instant> CANCELLED_AT = instant(N, "cancelled_at");
    /** Column: the business time of a MET or BREACHED stopped clock, in milliseconds. */
    public static final Field<Long> BUSINESS_MS = bigint(N, "business_ms");
    /** Column: the latest of stopped_at and breached_at. */
    public static final Field<Instant> LAST_AT = instant(N, "last_at");
    /** Every column, in table order. */
    public static final Field<?>[] ALL = {TENANT_ID, TICKET_ID, METRIC, CYCLE, TICKET_CYCLE,
        PRIORITY, STARTED_AT, STOPPED_AT, MET_AT, BREACHED_AT, CANCELLED_AT, BUSINESS_MS,
        LAST_AT};

    private ReportClock() {}
  }

  /** {@code tk_report_episode}: one row per claimed spike episode. */
  public static final class Episode {
    private static final String N = "tk_report_episode";
    /** The table. */
    public static final Table<Record> TABLE = Columns.table(N);
    /** Column. */
    public static final Field<String> TENANT_ID = text(N, "tenant_id");
    /** Column. */
    public static final Field<String> SERIES = text(N, "series");
    /** Column. */
    public static final Field<Instant> STARTED_AT = instant(N, "started_at");

    private Episode() {}
  }
}
