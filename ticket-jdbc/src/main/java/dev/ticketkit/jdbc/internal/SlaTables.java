package dev.ticketkit.jdbc.internal;

import static dev.ticketkit.jdbc.internal.Columns.bigint;
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
 * The SLA tables, declared by hand as typed jOOQ constants (see {@code V3__sla.sql}). Every
 * table starts with the clock key columns {@code tenant_id, ticket_id, metric, cycle}.
 * Constants only; thread-safe.
 */
public final class SlaTables {

  private SlaTables() {}

  /** {@code tk_sla_clock}: one row per clock, with its schedule's current generation. */
  public static final class Clock {
    private static final String N = "tk_sla_clock";
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
    public static final Field<String> POLICY_ID = text(N, "policy_id");
    /** Column. */
    public static final Field<String> PRIORITY = text(N, "priority");
    /** Column. */
    public static final Field<String> CALENDAR_ID = text(N, "calendar_id");
    /** Column. */
    public static final Field<Long> TARGET_NANOS = bigint(N, "target_nanos");
    /** Column. */
    public static final Field<String> REASON = text(N, "reason");
    /** Column. */
    public static final Field<Instant> STARTED_AT = instant(N, "started_at");
    /** Column. */
    public static final Field<String> STATE = text(N, "state");
    /** Column (JSON). */
    public static final Field<String> PAUSES = text(N, "pauses");
    /** Column. */
    public static final Field<Long> ELAPSED_NANOS = bigint(N, "elapsed_nanos");
    /** Column. */
    public static final Field<Instant> AS_OF = instant(N, "as_of");
    /** Column. */
    public static final Field<Instant> DUE_AT = instant(N, "due_at");
    /** Column. */
    public static final Field<Instant> STOPPED_AT = instant(N, "stopped_at");
    /** Column. */
    public static final Field<Long> GENERATION = bigint(N, "generation");

    /** The columns a clock is read from. */
    public static final Field<?>[] ALL = {TENANT_ID, TICKET_ID, METRIC, CYCLE, TICKET_CYCLE,
        POLICY_ID, PRIORITY, CALENDAR_ID, TARGET_NANOS, REASON, STARTED_AT, STATE, PAUSES,
        ELAPSED_NANOS, AS_OF, DUE_AT, STOPPED_AT};

    private Clock() {}
  }

  /** {@code tk_sla_due}: the time-ordered escalation index. */
  public static final class Due {
    private static final String N = "tk_sla_due";
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
    public static final Field<Long> GENERATION = bigint(N, "generation");
    /** Column. */
    public static final Field<Integer> LEVEL = integer(N, "level");
    /** Column. */
    public static final Field<Instant> DUE_AT = instant(N, "due_at");

    private Due() {}
  }

  /** {@code tk_sla_fired}: one row per fired (clock, level). */
  public static final class Fired {
    private static final String N = "tk_sla_fired";
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
    public static final Field<Integer> LEVEL = integer(N, "level");
    /** Column. */
    public static final Field<Instant> DUE_AT = instant(N, "due_at");
    /** Column. */
    public static final Field<Instant> FIRED_AT = instant(N, "fired_at");

    private Fired() {}
  }
}
