package dev.ticketkit.jdbc.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.jdbc.DatabaseKind;
import dev.ticketkit.jdbc.internal.SlaTables.Clock;
import dev.ticketkit.sla.clock.ClockKey;
import dev.ticketkit.sla.clock.ClockState;
import dev.ticketkit.sla.clock.ClockTarget;
import dev.ticketkit.sla.clock.PauseInterval;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.clock.SlaMetric;
import dev.ticketkit.sla.escalation.TicketTrigger;
import dev.ticketkit.sla.store.DueWork;
import dev.ticketkit.sla.store.EventRuleDue;
import dev.ticketkit.sla.store.LadderLevelDue;
import dev.ticketkit.core.SupportTier;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;

/**
 * Maps SLA clocks to {@code tk_sla_clock} rows and back, and builds clock-key conditions for the
 * SLA tables. Durations are stored as nanoseconds; pauses as a JSON array of their text forms
 * ({@code ["2026-03-02T02:10:00Z/2026-03-02T02:20:00Z", "2026-03-02T02:30:00Z/"]}). Stateless
 * and thread-safe.
 */
public final class SlaRows {

  private SlaRows() {}

  /**
   * Returns a condition matching one clock's key in a table whose first four columns are the key.
   *
   * @param key the clock key
   * @param tenant the table's tenant column
   * @param ticket the table's ticket column
   * @param metric the table's metric column
   * @param cycle the table's cycle column
   * @return the condition
   */
  public static Condition key(ClockKey key, Field<String> tenant, Field<UUID> ticket,
      Field<String> metric, Field<Integer> cycle) {
    return tenant.eq(key.tenant().value()).and(ticket.eq(key.ticket().value()))
        .and(metric.eq(key.metric().name())).and(cycle.eq(key.cycle()));
  }

  /**
   * Reads a clock key from a row.
   *
   * @param r the row
   * @param tenant the tenant column
   * @param ticket the ticket column
   * @param metric the metric column
   * @param cycle the cycle column
   * @return the key
   */
  public static ClockKey key(Record r, Field<String> tenant, Field<UUID> ticket,
      Field<String> metric, Field<Integer> cycle) {
    return ClockKey.of(TenantId.of(r.get(tenant)), TicketId.of(r.get(ticket)),
        SlaMetric.valueOf(r.get(metric)), r.get(cycle));
  }

  /** The columns of a clock row as {@link #appendClock} writes them: the key first. */
  public static final List<Field<?>> CLOCK_COLUMNS = List.of(Clock.TENANT_ID, Clock.TICKET_ID,
      Clock.METRIC, Clock.CYCLE, Clock.TICKET_CYCLE, Clock.POLICY_ID, Clock.PRIORITY,
      Clock.CALENDAR_ID, Clock.TARGET_NANOS, Clock.REASON, Clock.STARTED_AT, Clock.STATE,
      Clock.PAUSES, Clock.ELAPSED_NANOS, Clock.AS_OF, Clock.DUE_AT, Clock.STOPPED_AT,
      Clock.TICKET_VERSION, Clock.LATEST);

  /**
   * Returns a clock's column values (key included; the pauses as JSON text).
   *
   * @param c the clock
   * @param ticketVersion the ticket version of the change that writes it
   * @param latest whether it is the latest clock of its metric
   * @return the values by column
   */
  public static Map<Field<?>, Object> values(SlaClock c, long ticketVersion, boolean latest) {
    List<@Nullable Object> values = new ArrayList<>(CLOCK_COLUMNS.size());
    appendClock(values, c, ticketVersion, latest);
    Map<Field<?>, Object> v = new LinkedHashMap<>();
    for (int i = 0; i < CLOCK_COLUMNS.size(); i++) {
      v.put(CLOCK_COLUMNS.get(i), values.get(i));
    }
    return v;
  }

  /**
   * Appends a clock's column values in the order of {@link #CLOCK_COLUMNS}: what a write binds
   * for each clock, without a map per row.
   *
   * @param out the values so far
   * @param c the clock
   * @param ticketVersion the ticket version of the change that writes it
   * @param latest whether it is the latest clock of its metric
   */
  public static void appendClock(List<@Nullable Object> out, SlaClock c, long ticketVersion,
      boolean latest) {
    ClockKey k = c.key();
    ClockTarget t = c.target();
    out.add(k.tenant().value());
    out.add(k.ticket().value());
    out.add(k.metric().name());
    out.add(k.cycle());
    out.add(c.ticketCycle());
    out.add(t.policyId());
    out.add(t.priority().name());
    out.add(t.calendarId());
    out.add(t.target().toNanos());
    out.add(t.reason());
    out.add(c.startedAt());
    out.add(c.state().name());
    out.add(pauses(c.pauses()));
    out.add(c.elapsed().toNanos());
    out.add(c.asOf());
    out.add(c.dueAt());
    out.add(c.stoppedAt());
    out.add(ticketVersion);
    out.add(latest);
  }

  /**
   * Reads a clock of a known ticket from the current row of a result whose columns are
   * {@link Clock#ALL}, by position and without a map per row (the ticket's current clocks are
   * read in every ticket change). The tenant and ticket are those the query selected by.
   *
   * @param rs the result set, on a row
   * @param tenant the tenant the row belongs to
   * @param ticket the ticket the row belongs to
   * @return the clock
   * @throws SQLException if reading fails
   */
  public static SlaClock clock(ResultSet rs, TenantId tenant, TicketId ticket)
      throws SQLException {
    // positions in Clock.ALL (1-based), checked against it by the class initialiser
    ClockTarget target = new ClockTarget(rs.getString(6), Priority.valueOf(rs.getString(7)),
        rs.getString(8), Duration.ofNanos(rs.getLong(9)), rs.getString(10));
    ClockKey key = ClockKey.of(tenant, ticket, SlaMetric.valueOf(rs.getString(3)),
        rs.getInt(4));
    return new SlaClock(key, rs.getInt(5), target, ShapedSql.instant(rs, 11),
        ClockState.valueOf(rs.getString(12)), pauses(rs.getString(13)),
        Duration.ofNanos(rs.getLong(14)), ShapedSql.instant(rs, 15), ShapedSql.instant(rs, 16),
        ShapedSql.instant(rs, 17));
  }

  static {
    // clock(ResultSet, ...) reads Clock.ALL by position: the same order as CLOCK_COLUMNS
    if (!List.of(Clock.ALL).equals(CLOCK_COLUMNS.subList(0, Clock.ALL.length))) {
      throw new IllegalStateException("Clock.ALL and SlaRows.CLOCK_COLUMNS differ");
    }
  }

  /**
   * Reads a clock from a row holding {@link Clock#ALL}.
   *
   * @param r the row
   * @return the clock
   */
  public static SlaClock clock(Record r) {
    return clock(r::get);
  }

  /**
   * Reads a clock from a row's values by column (e.g. {@link ShapedSql#row}).
   *
   * @param r the value of each column of {@link Clock#ALL}
   * @return the clock
   */
  public static SlaClock clock(Function<Field<?>, @Nullable Object> r) {
    ClockTarget target = new ClockTarget((String) r.apply(Clock.POLICY_ID),
        Priority.valueOf((String) r.apply(Clock.PRIORITY)), (String) r.apply(Clock.CALENDAR_ID),
        Duration.ofNanos((Long) r.apply(Clock.TARGET_NANOS)), (String) r.apply(Clock.REASON));
    ClockKey key = ClockKey.of(TenantId.of((String) r.apply(Clock.TENANT_ID)),
        TicketId.of((UUID) r.apply(Clock.TICKET_ID)),
        SlaMetric.valueOf((String) r.apply(Clock.METRIC)), (Integer) r.apply(Clock.CYCLE));
    return new SlaClock(key, (Integer) r.apply(Clock.TICKET_CYCLE), target,
        (Instant) r.apply(Clock.STARTED_AT), ClockState.valueOf((String) r.apply(Clock.STATE)),
        pauses((String) r.apply(Clock.PAUSES)),
        Duration.ofNanos((Long) r.apply(Clock.ELAPSED_NANOS)), (Instant) r.apply(Clock.AS_OF),
        (Instant) r.apply(Clock.DUE_AT), (Instant) r.apply(Clock.STOPPED_AT));
  }

  /**
   * Returns the column values of a piece of due work.
   *
   * @param t the table's columns
   * @param w the work
   * @return the values by column
   */
  public static Map<Field<?>, Object> values(SlaTables.WorkColumns t, DueWork w) {
    List<Field<?>> columns = t.all();
    List<@Nullable Object> values = new ArrayList<>(columns.size());
    appendWork(values, w);
    Map<Field<?>, Object> v = new LinkedHashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      v.put(columns.get(i), values.get(i));
    }
    return v;
  }

  /**
   * Appends the column values of a piece of due work in the order of
   * {@link SlaTables.WorkColumns#all()}, without a map per row.
   *
   * @param out the values so far
   * @param w the work
   */
  public static void appendWork(List<@Nullable Object> out, DueWork w) {
    out.add(w.tenant().value());
    out.add(w.ticket().value());
    out.add(w.key());
    if (w instanceof LadderLevelDue l) {
      out.add(LEVEL);
      out.add(l.clock().metric().name());
      out.add(l.clock().cycle());
      out.add(l.level());
      out.add(null);
      out.add(null);
      out.add(null);
      out.add(null);
      out.add(null);
    } else {
      EventRuleDue r = (EventRuleDue) w;
      out.add(RULE);
      out.add(null);
      out.add(null);
      out.add(null);
      out.add(r.ticketVersion());
      out.add(r.trigger().name());
      out.add(r.ruleIndex());
      out.add(r.policyId());
      out.add(r.baseTier().level());
    }
    out.add(w.dueAt());
  }

  /**
   * Reads a piece of due work from a row holding {@link SlaTables.WorkColumns#all()}.
   *
   * @param t the table's columns
   * @param r the row
   * @return the work
   */
  public static DueWork work(SlaTables.WorkColumns t, Record r) {
    TenantId tenant = TenantId.of(r.get(t.tenantId));
    TicketId ticket = TicketId.of(r.get(t.ticketId));
    if (LEVEL.equals(r.get(t.kind))) {
      return new LadderLevelDue(ClockKey.of(tenant, ticket, SlaMetric.valueOf(r.get(t.metric)),
          r.get(t.cycle)), r.get(t.level), r.get(t.dueAt));
    }
    Integer tier = r.get(t.baseTier);
    return new EventRuleDue(tenant, ticket, r.get(t.ticketVersion),
        TicketTrigger.valueOf(r.get(t.trigger)), r.get(t.ruleIndex), r.get(t.policyId),
        SupportTier.of(tier == null ? 1 : tier), r.get(t.dueAt));
  }

  /** The kind of a ladder level's row. */
  public static final String LEVEL = "LEVEL";
  /** The kind of an event rule's row. */
  public static final String RULE = "RULE";

  private static String pauses(List<PauseInterval> pauses) {
    if (pauses.isEmpty()) {
      return "[]";
    }
    ArrayNode array = TicketJson.MAPPER.createArrayNode();
    pauses.forEach(p -> array.add(p.toString()));
    return array.toString();
  }

  private static List<PauseInterval> pauses(String json) {
    List<PauseInterval> pauses = new ArrayList<>();
    if (json.equals("[]")) {
      return pauses; // most clocks never paused: no parse
    }
    TicketJson.parse(json).forEach(p -> pauses.add(PauseInterval.parse(p.asText())));
    return pauses;
  }

  /**
   * Returns the text of {@code tk_sla_work.later}: the levels, each as {@code level@epochMicros}
   * (the due instant in microseconds since the epoch, the stores' precision), separated by
   * {@code ;}. The V17 migration writes the same form.
   *
   * @param levels the levels after a row's own, in ladder order
   * @return the text, empty if there are none
   */
  public static String later(List<LadderLevelDue> levels) {
    StringBuilder b = new StringBuilder();
    for (LadderLevelDue l : levels) {
      if (b.length() > 0) {
        b.append(';');
      }
      Instant at = l.dueAt();
      b.append(l.level()).append('@')
          .append(Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L),
              at.getNano() / 1_000));
    }
    return b.toString();
  }

  /**
   * Reads the text of {@code tk_sla_work.later} back.
   *
   * @param clock the clock the row's level belongs to
   * @param text the text, as {@link #later(List)} writes it; empty or null for none
   * @return the levels, in ladder order
   * @throws IllegalArgumentException if the text is not of that form
   */
  public static List<LadderLevelDue> later(ClockKey clock, @Nullable String text) {
    List<LadderLevelDue> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    for (String part : text.split(";")) {
      int at = part.indexOf('@');
      if (at < 1) {
        throw new IllegalArgumentException("tk_sla_work.later: not level@micros: " + part);
      }
      long micros = Long.parseLong(part.substring(at + 1));
      out.add(new LadderLevelDue(clock, Integer.parseInt(part.substring(0, at)),
          Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
              Math.floorMod(micros, 1_000_000L) * 1_000L)));
    }
    return out;
  }

  /**
   * Returns a schedule's levels in ladder order (by level number).
   *
   * @param schedule the levels of one clock
   * @return them sorted, the list itself if it is sorted already
   */
  public static List<LadderLevelDue> inLadderOrder(List<LadderLevelDue> schedule) {
    for (int i = 1; i < schedule.size(); i++) {
      if (schedule.get(i - 1).level() > schedule.get(i).level()) {
        List<LadderLevelDue> sorted = new ArrayList<>(schedule);
        sorted.sort(java.util.Comparator.comparingInt(LadderLevelDue::level));
        return sorted;
      }
    }
    return schedule;
  }
}
