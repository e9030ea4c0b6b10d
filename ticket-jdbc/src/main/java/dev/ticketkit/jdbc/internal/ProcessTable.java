package dev.ticketkit.jdbc.internal;

import static dev.ticketkit.jdbc.internal.Columns.bigint;
import static dev.ticketkit.jdbc.internal.Columns.instant;
import static dev.ticketkit.jdbc.internal.Columns.text;
import static dev.ticketkit.jdbc.internal.Columns.uuid;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * {@code tk_report_process} (V18): the report's support-process facts, declared by hand as typed
 * jOOQ constants. Constants only; thread-safe.
 */
public final class ProcessTable {

  private ProcessTable() {}

  private static final String N = "tk_report_process";
  /** The table. */
  public static final Table<Record> TABLE = Columns.table(N);
  /** Column. */
  public static final Field<String> TENANT_ID = text(N, "tenant_id");
  /** Column. */
  public static final Field<UUID> TICKET_ID = uuid(N, "ticket_id");
  /** Column. */
  public static final Field<String> KIND = text(N, "kind");
  /** Column. */
  public static final Field<Long> SEQ = bigint(N, "seq");
  /** Column. */
  public static final Field<Long> TICKET_NUMBER = bigint(N, "ticket_number");
  /** Column. */
  public static final Field<String> ITEM_KEY = text(N, "item_key");
  /** Column. */
  public static final Field<String> SUBJECT = text(N, "subject");
  /** Column. */
  public static final Field<Instant> OPENED_AT = instant(N, "opened_at");
  /** Column. */
  public static final Field<Long> OPENED_MS = bigint(N, "opened_ms");
  /** Column. */
  public static final Field<Instant> CLOSED_AT = instant(N, "closed_at");
  /** Column. */
  public static final Field<Long> CLOSED_MS = bigint(N, "closed_ms");
  /** Column. */
  public static final Field<String> STATE = text(N, "state");
  /** The primary key's columns. */
  public static final List<Field<?>> KEY = List.of(TENANT_ID, TICKET_ID, KIND, SEQ);
}
