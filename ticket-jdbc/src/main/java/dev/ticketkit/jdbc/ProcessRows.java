package dev.ticketkit.jdbc;

import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.jdbc.internal.ProcessTable;
import dev.ticketkit.jdbc.internal.ShapedSql;
import dev.ticketkit.report.internal.ProcessDerivation;
import dev.ticketkit.report.internal.ProcessFact;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * Writes the report's support-process facts ({@code tk_report_process}, V18): a ticket change's
 * effect ({@link ProcessDerivation#change}) as at most one UPDATE per kind it closes and one
 * upsert of the rows it puts, with no read (the statements touch different rows, so PostgreSQL
 * may run them in the commit's one statement); and a tenant's rows rebuilt from whole histories.
 * Stateless and thread-safe.
 */
final class ProcessRows {

  private static final int BATCH = 100;

  private ProcessRows() {}

  /** The statements that write a change's effect; none if it has none. */
  static List<ShapedSql.Statement> writes(ShapedSql shaped, Ticket t, List<HistoryEntry> change) {
    ProcessDerivation.Change fx = ProcessDerivation.change(t.tenant(), t.id(), t.number(),
        t.subject(), t.handoffs(), ProcessDerivation.activeBefore(t, change), change);
    if (fx.isEmpty()) {
      return List.of();
    }
    List<ShapedSql.Statement> out = new ArrayList<>();
    for (ProcessDerivation.Close c : fx.closes()) {
      out.add(shaped.statement("reportProcessClose", () -> DSL.update(ProcessTable.TABLE)
              .set(ProcessTable.CLOSED_AT, ShapedSql.param(ProcessTable.CLOSED_AT))
              .set(ProcessTable.CLOSED_MS, ShapedSql.param(ProcessTable.CLOSED_MS))
              .set(ProcessTable.STATE, ShapedSql.param(ProcessTable.STATE))
              .where(ProcessTable.TENANT_ID.eq(ShapedSql.param(ProcessTable.TENANT_ID)))
              .and(ProcessTable.TICKET_ID.eq(ShapedSql.param(ProcessTable.TICKET_ID)))
              .and(ProcessTable.KIND.eq(ShapedSql.param(ProcessTable.KIND)))
              .and(ProcessTable.CLOSED_AT.isNull()),
          List.of(ProcessTable.CLOSED_AT, ProcessTable.CLOSED_MS, ProcessTable.STATE,
              ProcessTable.TENANT_ID, ProcessTable.TICKET_ID, ProcessTable.KIND),
          List.of(c.at(), c.at().toEpochMilli(), c.state(), t.tenant().value(), t.id().value(),
              c.kind().name())));
    }
    if (!fx.puts().isEmpty()) {
      List<Map<Field<?>, Object>> rows = new ArrayList<>();
      fx.puts().forEach(f -> rows.add(values(f)));
      out.add(shaped.upsertStatement(ProcessTable.TABLE, rows, ProcessTable.KEY));
    }
    return out;
  }

  /** Rewrites the rows of some tickets of a tenant from their whole histories. */
  static void rebuild(DSLContext sql, ShapedSql shaped, TenantId tenant, List<Ticket> tickets,
      Map<UUID, List<HistoryEntry>> histories) throws SQLException {
    List<UUID> ids = tickets.stream().map(t -> t.id().value()).toList();
    sql.deleteFrom(ProcessTable.TABLE).where(ProcessTable.TENANT_ID.eq(tenant.value()))
        .and(ProcessTable.TICKET_ID.in(ids)).execute();
    List<Map<Field<?>, Object>> rows = new ArrayList<>();
    for (Ticket t : tickets) {
      for (ProcessFact f : ProcessDerivation.forTicket(t,
          histories.getOrDefault(t.id().value(), List.of()))) {
        rows.add(values(f));
      }
    }
    Connection c = dev.ticketkit.jdbc.internal.Database.connection(sql);
    for (int i = 0; i < rows.size(); i += BATCH) {
      shaped.insert(c, ProcessTable.TABLE, rows.subList(i, Math.min(rows.size(), i + BATCH)));
    }
  }

  /** The row of a fact, every column. */
  static Map<Field<?>, @Nullable Object> values(ProcessFact f) {
    Map<Field<?>, @Nullable Object> row = new LinkedHashMap<>();
    row.put(ProcessTable.TENANT_ID, f.tenant().value());
    row.put(ProcessTable.TICKET_ID, f.ticketId().value());
    row.put(ProcessTable.KIND, f.kind().name());
    row.put(ProcessTable.SEQ, f.seq());
    row.put(ProcessTable.TICKET_NUMBER, f.ticketNumber());
    row.put(ProcessTable.ITEM_KEY, f.key());
    row.put(ProcessTable.SUBJECT, f.subject());
    row.put(ProcessTable.OPENED_AT, f.openedAt());
    row.put(ProcessTable.OPENED_MS, f.openedAt().toEpochMilli());
    row.put(ProcessTable.CLOSED_AT, f.closedAt());
    row.put(ProcessTable.CLOSED_MS, f.closedAt() == null ? null : f.closedAt().toEpochMilli());
    row.put(ProcessTable.STATE, f.state());
    return row;
  }
}
