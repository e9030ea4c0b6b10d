package dev.ticketkit.jdbc.internal;

import static dev.ticketkit.jdbc.internal.Columns.bigint;
import static dev.ticketkit.jdbc.internal.Columns.bool;
import static dev.ticketkit.jdbc.internal.Columns.instant;
import static dev.ticketkit.jdbc.internal.Columns.integer;
import static dev.ticketkit.jdbc.internal.Columns.text;
import static dev.ticketkit.jdbc.internal.Columns.uuid;

import java.time.Instant;
import java.util.List;
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
    public static final Field<String> PAUSES = Columns.jsonText(N, "pauses");
    /** Column. */
    public static final Field<Long> ELAPSED_NANOS = bigint(N, "elapsed_nanos");
    /** Column. */
    public static final Field<Instant> AS_OF = instant(N, "as_of");
    /** Column. */
    public static final Field<Instant> DUE_AT = instant(N, "due_at");
    /** Column. */
    public static final Field<Instant> STOPPED_AT = instant(N, "stopped_at");
    /** Column: the ticket version of the change that wrote the clock last (0: unknown). */
    public static final Field<Long> TICKET_VERSION = bigint(N, "ticket_version");
    /** Column: true for the latest clock of its metric (the open ones among them). */
    public static final Field<Boolean> LATEST = bool(N, "latest");

    /** The columns a clock is read from. */
    public static final Field<?>[] ALL = {TENANT_ID, TICKET_ID, METRIC, CYCLE, TICKET_CYCLE,
        POLICY_ID, PRIORITY, CALENDAR_ID, TARGET_NANOS, REASON, STARTED_AT, STATE, PAUSES,
        ELAPSED_NANOS, AS_OF, DUE_AT, STOPPED_AT};

    private Clock() {}
  }

  /** The columns {@code tk_sla_work} and {@code tk_sla_done} share: one piece of due work. */
  public static class WorkColumns {
    /** The table. */
    public final Table<Record> table;
    /** Column. */
    public final Field<String> tenantId;
    /** Column. */
    public final Field<UUID> ticketId;
    /** Column: {@code DueWork.key()}. */
    public final Field<String> workKey;
    /** Column: LEVEL or RULE. */
    public final Field<String> kind;
    /** Column (LEVEL). */
    public final Field<String> metric;
    /** Column (LEVEL). */
    public final Field<Integer> cycle;
    /** Column (LEVEL). */
    public final Field<Integer> level;
    /** Column (RULE). */
    public final Field<Long> ticketVersion;
    /** Column (RULE). */
    public final Field<String> trigger;
    /** Column (RULE). */
    public final Field<Integer> ruleIndex;
    /** Column (RULE). */
    public final Field<String> policyId;
    /** Column (RULE). */
    public final Field<Integer> baseTier;
    /** Column. */
    public final Field<Instant> dueAt;

    WorkColumns(String n) {
      table = Columns.table(n);
      tenantId = text(n, "tenant_id");
      ticketId = uuid(n, "ticket_id");
      workKey = text(n, "work_key");
      kind = text(n, "kind");
      metric = text(n, "metric");
      cycle = integer(n, "cycle");
      level = integer(n, "level");
      ticketVersion = bigint(n, "ticket_version");
      trigger = text(n, "trigger_name");
      ruleIndex = integer(n, "rule_index");
      policyId = text(n, "policy_id");
      baseTier = integer(n, "base_tier");
      dueAt = instant(n, "due_at");
    }

    /** @return every column of a piece of work, in the order rows are read */
    public List<Field<?>> all() {
      return List.of(tenantId, ticketId, workKey, kind, metric, cycle, level, ticketVersion,
          trigger, ruleIndex, policyId, baseTier, dueAt);
    }
  }

  /** {@code tk_sla_work}: pending due work, ladder levels and event rules, ordered by time. */
  public static final WorkColumns WORK = new WorkColumns("tk_sla_work");

  /**
   * {@code tk_sla_work.later} (V17): of a ladder level row, the levels of its clock's schedule
   * that follow it, which become due work one at a time as the one before is done (see
   * {@link SlaRows#later}); empty for the last level and for event rules.
   */
  public static final Field<String> WORK_LATER = text("tk_sla_work", "later");

  /** {@code tk_sla_done}: one row per piece of work done, unique per ticket and work key. */
  public static final class DoneColumns extends WorkColumns {
    /** Column. */
    public final Field<Instant> doneAt;

    DoneColumns() {
      super("tk_sla_done");
      doneAt = instant("tk_sla_done", "done_at");
    }
  }

  /** {@code tk_sla_done}. */
  public static final DoneColumns DONE = new DoneColumns();
}
