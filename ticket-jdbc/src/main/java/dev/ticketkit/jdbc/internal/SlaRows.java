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

  /**
   * Returns a clock's column values (key included; the pauses as JSON text).
   *
   * @param c the clock
   * @param ticketVersion the ticket version of the change that writes it
   * @param latest whether it is the latest clock of its metric
   * @return the values by column
   */
  public static Map<Field<?>, Object> values(SlaClock c, long ticketVersion, boolean latest) {
    Map<Field<?>, Object> v = new LinkedHashMap<>();
    v.put(Clock.TENANT_ID, c.key().tenant().value());
    v.put(Clock.TICKET_ID, c.key().ticket().value());
    v.put(Clock.METRIC, c.key().metric().name());
    v.put(Clock.CYCLE, c.key().cycle());
    v.put(Clock.TICKET_CYCLE, c.ticketCycle());
    v.put(Clock.POLICY_ID, c.target().policyId());
    v.put(Clock.PRIORITY, c.target().priority().name());
    v.put(Clock.CALENDAR_ID, c.target().calendarId());
    v.put(Clock.TARGET_NANOS, c.target().target().toNanos());
    v.put(Clock.REASON, c.target().reason());
    v.put(Clock.STARTED_AT, c.startedAt());
    v.put(Clock.STATE, c.state().name());
    v.put(Clock.PAUSES, pauses(c.pauses()));
    v.put(Clock.ELAPSED_NANOS, c.elapsed().toNanos());
    v.put(Clock.AS_OF, c.asOf());
    v.put(Clock.DUE_AT, c.dueAt());
    v.put(Clock.STOPPED_AT, c.stoppedAt());
    v.put(Clock.TICKET_VERSION, ticketVersion);
    v.put(Clock.LATEST, latest);
    return v;
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
    Map<Field<?>, Object> v = new LinkedHashMap<>();
    v.put(t.tenantId, w.tenant().value());
    v.put(t.ticketId, w.ticket().value());
    v.put(t.workKey, w.key());
    if (w instanceof LadderLevelDue l) {
      v.put(t.kind, LEVEL);
      v.put(t.metric, l.clock().metric().name());
      v.put(t.cycle, l.clock().cycle());
      v.put(t.level, l.level());
      v.put(t.ticketVersion, null);
      v.put(t.trigger, null);
      v.put(t.ruleIndex, null);
      v.put(t.policyId, null);
      v.put(t.baseTier, null);
    } else {
      EventRuleDue r = (EventRuleDue) w;
      v.put(t.kind, RULE);
      v.put(t.metric, null);
      v.put(t.cycle, null);
      v.put(t.level, null);
      v.put(t.ticketVersion, r.ticketVersion());
      v.put(t.trigger, r.trigger().name());
      v.put(t.ruleIndex, r.ruleIndex());
      v.put(t.policyId, r.policyId());
      v.put(t.baseTier, r.baseTier().level());
    }
    v.put(t.dueAt, w.dueAt());
    return v;
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
