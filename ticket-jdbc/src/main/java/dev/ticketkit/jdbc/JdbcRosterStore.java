package dev.ticketkit.jdbc;

import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.routing.RosterStore;
import dev.ticketkit.core.routing.Turn;
import dev.ticketkit.core.store.TransactionContext;
import dev.ticketkit.jdbc.internal.Columns;
import dev.ticketkit.jdbc.internal.Database;
import dev.ticketkit.jdbc.internal.SqlErrors;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;

/**
 * The jOOQ {@link RosterStore}: tables {@code tk_routing_load} and {@code tk_routing_turn}, both
 * read and written by primary key {@code (tenant_id, agent_id)} / {@code (tenant_id, group_name)}.
 *
 * <p>Inside a ticket commit it works on the commit's connection: a reservation is
 * {@code UPDATE ... SET open_load = open_load + w WHERE ... AND open_load + w <= capacity}, which
 * on every supported database takes the row lock and evaluates the condition on the latest
 * committed load (PostgreSQL re-checks it after waiting; InnoDB's update is a locking read at any
 * isolation; H2 re-reads the locked row), so concurrent reservations of one agent queue and none
 * passes the capacity. The turn moves with {@code UPDATE ... WHERE turn = seen}. A missing row is
 * created with a zero load (or the first turn) by an insert that ignores a concurrent one. A
 * snapshot read of loads creates the missing rows of the agents it reads, outside any commit, so
 * that commits update existing rows and do not take InnoDB's gap locks. Thread-safe.
 */
final class JdbcRosterStore implements RosterStore {

  private static final String L = "tk_routing_load";
  private static final Table<Record> LOAD = Columns.table(L);
  private static final Field<String> L_TENANT = Columns.text(L, "tenant_id");
  private static final Field<String> L_AGENT = Columns.text(L, "agent_id");
  private static final Field<Integer> L_OPEN = Columns.integer(L, "open_load");

  private static final String T = "tk_routing_turn";
  private static final Table<Record> TURN = Columns.table(T);
  private static final Field<String> T_TENANT = Columns.text(T, "tenant_id");
  private static final Field<String> T_GROUP = Columns.text(T, "group_name");
  private static final Field<Long> T_TURN = Columns.bigint(T, "turn");
  private static final Field<String> T_LAST = Columns.text(T, "last_agent");

  private final Database db;

  JdbcRosterStore(Database db) {
    this.db = db;
  }

  @Override
  public Map<AgentId, Integer> loads(TenantId tenant, Collection<AgentId> agents) {
    Objects.requireNonNull(tenant, "tenant");
    List<String> ids = agents.stream().map(AgentId::value).distinct().toList();
    Map<AgentId, Integer> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    Map<String, Integer> stored = db.read("read the loads of agents of tenant " + tenant,
        sql -> sql.select(L_AGENT, L_OPEN).from(LOAD).where(L_TENANT.eq(tenant.value()))
            .and(L_AGENT.in(ids)).fetchMap(L_AGENT, L_OPEN));
    List<String> missing = ids.stream().filter(id -> !stored.containsKey(id)).toList();
    if (!missing.isEmpty()) {
      db.read("create the load rows of agents of tenant " + tenant, sql -> {
        for (String id : missing) {
          createLoadRow(sql, tenant, id);
        }
        return null;
      });
    }
    for (AgentId a : agents) {
      out.put(a, stored.getOrDefault(a.value(), 0));
    }
    return out;
  }

  @Override
  public Turn turn(TenantId tenant, String group) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(group, "group");
    Record r = db.read("read the round-robin turn of group " + group + " of tenant " + tenant,
        sql -> sql.select(T_TURN, T_LAST).from(TURN).where(T_TENANT.eq(tenant.value()))
            .and(T_GROUP.eq(group)).fetchOne());
    return r == null ? Turn.FIRST : new Turn(r.get(T_TURN), AgentId.of(r.get(T_LAST)));
  }

  @Override
  public boolean reserve(TransactionContext transaction, TenantId tenant, AgentId agent,
      int weight, int capacity) {
    return inCommit("reserve load for agent " + agent + " of tenant " + tenant, transaction,
        sql -> {
          if (raise(sql, tenant, agent, weight, capacity) == 1) {
            return true;
          }
          if (exists(sql, tenant, agent)) {
            return false;
          }
          createLoadRow(sql, tenant, agent.value());
          return raise(sql, tenant, agent, weight, capacity) == 1;
        });
  }

  @Override
  public void adjust(TransactionContext transaction, TenantId tenant, AgentId agent, int delta) {
    inCommit("change the load of agent " + agent + " of tenant " + tenant, transaction, sql -> {
      if (add(sql, tenant, agent, delta) == 0) {
        createLoadRow(sql, tenant, agent.value());
        add(sql, tenant, agent, delta);
      }
      return null;
    });
  }

  @Override
  public boolean advance(TransactionContext transaction, TenantId tenant, String group, Turn seen,
      Turn next) {
    Objects.requireNonNull(next.last(), "next.last");
    return inCommit("move the turn of group " + group + " of tenant " + tenant, transaction,
        sql -> {
          if (seen.number() == 0) {
            return insertIfAbsent(sql, TURN, List.of(T_TENANT, T_GROUP, T_TURN, T_LAST),
                tenant.value(), group, next.number(), next.last().value()) == 1;
          }
          return sql.update(TURN).set(T_TURN, next.number()).set(T_LAST, next.last().value())
              .where(T_TENANT.eq(tenant.value())).and(T_GROUP.eq(group))
              .and(T_TURN.eq(seen.number())).execute() == 1;
        });
  }

  private static int raise(DSLContext sql, TenantId tenant, AgentId agent, int weight,
      int capacity) {
    return sql.update(LOAD).set(L_OPEN, L_OPEN.plus(weight))
        .where(L_TENANT.eq(tenant.value())).and(L_AGENT.eq(agent.value()))
        .and(L_OPEN.plus(weight).le(capacity)).execute();
  }

  private static int add(DSLContext sql, TenantId tenant, AgentId agent, int delta) {
    return sql.update(LOAD).set(L_OPEN, L_OPEN.plus(delta))
        .where(L_TENANT.eq(tenant.value())).and(L_AGENT.eq(agent.value())).execute();
  }

  private static boolean exists(DSLContext sql, TenantId tenant, AgentId agent) {
    return sql.fetchExists(LOAD, L_TENANT.eq(tenant.value()).and(L_AGENT.eq(agent.value())));
  }

  private static void createLoadRow(DSLContext sql, TenantId tenant, String agent) {
    insertIfAbsent(sql, LOAD, List.of(L_TENANT, L_AGENT, L_OPEN), tenant.value(), agent, 0);
  }

  /**
   * Inserts a row unless its key is taken (by a committed row or, after waiting, a concurrent
   * one) and returns the number of rows inserted. The first two columns are the key. jOOQ renders {@code ON CONFLICT DO NOTHING} on
   * PostgreSQL, {@code INSERT IGNORE} on MariaDB and a {@code MERGE} on H2, where a concurrent
   * insert of the same key may still fail as a duplicate (counted as not inserted).
   */
  private static int insertIfAbsent(DSLContext sql, Table<Record> table, List<Field<?>> columns,
      Object... values) {
    try {
      return sql.insertInto(table).columns(columns).values(List.of(values))
          .onConflict(columns.get(0), columns.get(1)).doNothing().execute();
    } catch (DataAccessException e) {
      if (SqlErrors.isUniqueViolation(e)) {
        return 0;
      }
      throw e;
    }
  }

  private <T> T inCommit(String what, TransactionContext transaction,
      Function<DSLContext, T> work) {
    Objects.requireNonNull(transaction, "transaction");
    DSLContext sql;
    if (transaction instanceof JdbcTransaction ours) {
      sql = db.adopt(ours.direct());
    } else {
      sql = db.adopt(transaction.unwrap(DSLContext.class).orElseThrow(() -> new StorageException(
          "the jOOQ roster store works inside a jOOQ ticket store's commit only")));
    }
    try {
      return work.apply(sql);
    } catch (DataAccessException e) {
      throw new StorageException("cannot " + what + " (" + db.kind() + ")", e);
    }
  }
}
