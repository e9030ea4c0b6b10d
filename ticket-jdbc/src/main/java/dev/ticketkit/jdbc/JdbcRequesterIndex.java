package dev.ticketkit.jdbc;

import dev.ticketkit.core.HandleKey;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.store.RequesterIndex;
import dev.ticketkit.core.store.TransactionContext;
import dev.ticketkit.jdbc.internal.Columns;
import dev.ticketkit.jdbc.internal.Database;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * The jOOQ {@link RequesterIndex}: table {@code tk_requester_handle}, primary key
 * {@code (tenant_id, handle_key, requester_id)}, so a look-up is one index range. Records are
 * written inside the ticket commit, on its connection, and ignored when already there.
 * Thread-safe.
 */
final class JdbcRequesterIndex implements RequesterIndex {

  private static final String N = "tk_requester_handle";
  private static final Table<Record> TABLE = Columns.table(N);
  private static final Field<String> TENANT_ID = Columns.text(N, "tenant_id");
  private static final Field<String> HANDLE_KEY = Columns.text(N, "handle_key");
  private static final Field<String> REQUESTER_ID = Columns.text(N, "requester_id");

  private final Database db;

  JdbcRequesterIndex(Database db) {
    this.db = db;
  }

  @Override
  public void record(TenantId tenant, String requesterId, Set<HandleKey> handles,
      TransactionContext transaction) {
    Objects.requireNonNull(requesterId, "requesterId");
    DSLContext sql = inCommit(transaction);
    String insert = switch (db.kind()) {
      case POSTGRESQL -> "insert into " + N + " (tenant_id, handle_key, requester_id)"
          + " values (?, ?, ?) on conflict do nothing";
      case MARIADB -> "insert ignore into " + N + " (tenant_id, handle_key, requester_id)"
          + " values (?, ?, ?)";
      case H2 -> "merge into " + N + " (tenant_id, handle_key, requester_id)"
          + " key (tenant_id, handle_key, requester_id) values (?, ?, ?)";
    };
    for (HandleKey h : handles) {
      sql.execute(insert, tenant.value(), h.toString(), requesterId);
    }
  }

  @Override
  public Set<String> requesterIds(TenantId tenant, HandleKey handle) {
    return db.read("find requesters by handle", sql -> Set.copyOf(new TreeSet<>(
        sql.select(REQUESTER_ID).from(TABLE).where(TENANT_ID.eq(tenant.value()))
            .and(HANDLE_KEY.eq(handle.toString())).fetch(REQUESTER_ID))));
  }

  private DSLContext inCommit(TransactionContext transaction) {
    if (transaction instanceof JdbcTransaction ours) {
      return db.adopt(ours.direct());
    }
    return db.adopt(transaction.unwrap(DSLContext.class).orElseThrow(() -> new StorageException(
        "the jOOQ requester index works inside a jOOQ ticket store's commit only")));
  }
}
