package dev.ticketkit.sla.policy;

import dev.ticketkit.core.Category;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.CustomFieldValue;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.Tag;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.sla.clock.SlaMetric;
import dev.ticketkit.sla.escalation.Durations;
import dev.ticketkit.sla.escalation.EscalationLadder;
import dev.ticketkit.sla.escalation.EventRule;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the policy JSON form (documented on {@link SlaPolicies#fromJson(String, SlaCalendars)})
 * by walking a Jackson tree, so every failure is a {@link PolicyFormatException} with the JSON
 * path and value. Stateless and thread-safe.
 */
final class PolicyJson {

  private static final Set<String> DOCUMENT = Set.of("customerTierField", "policies");
  private static final Set<String> POLICY =
      Set.of("id", "when", "calendar", "targets", "escalations", "events", "handoffs");
  private static final Set<String> HANDOFFS = Set.of("calendars", "reminders", "notify");
  private static final Set<String> WHEN = Set.of("priority", "channel", "category", "tenant",
      "customerTier", "tagsAny", "tagsAll", "tagsNone");
  private static final Set<String> RULE = Set.of("if", "within", "calendar");
  private static final Set<String> ARRIVAL =
      Set.of("calendar", "workingDay", "workingTime", "days", "time");

  private PolicyJson() {}

  static SlaPolicies read(String json, SlaCalendars calendars) {
    JsonAt root = JsonAt.parse(json).object(DOCUMENT);
    JsonAt tierField = root.optional("customerTierField");
    String field = tierField == null ? SlaPolicies.DEFAULT_CUSTOMER_TIER_FIELD
        : tierField.as(CustomFieldValue::checkKey);
    List<SlaPolicy> policies = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (JsonAt p : root.required("policies").elements()) {
      SlaPolicy policy = policy(p, calendars);
      if (!ids.add(policy.id())) {
        throw p.field("id").error("repeats the id of an earlier policy");
      }
      policies.add(policy);
    }
    return root.build(() -> new SlaPolicies(policies, field, calendars));
  }

  private static SlaPolicy policy(JsonAt at, SlaCalendars calendars) {
    at.object(POLICY);
    String id = at.required("id").as(s -> SlaPolicy.ID.require("id", s));
    JsonAt when = at.optional("when");
    TicketCondition condition = when == null ? TicketCondition.ANY : condition(when);
    String calendar = calendar(at.required("calendar"), calendars);
    Map<SlaMetric, ByPriority<List<TargetRule>>> targets = new EnumMap<>(SlaMetric.class);
    JsonAt t = at.optional("targets");
    if (t != null) {
      for (Map.Entry<String, JsonAt> e : t.entries()) {
        SlaMetric metric = e.getValue().build(() -> SlaMetric.parse(e.getKey()));
        targets.put(metric, byPriority(e.getValue(), r -> rules(r, calendars)));
      }
    }
    JsonAt esc = at.optional("escalations");
    Map<SlaMetric, ByPriority<EscalationLadder>> ladders =
        esc == null ? Map.of() : ActionJson.escalations(esc);
    JsonAt ev = at.optional("events");
    List<EventRule> events = ev == null ? List.of() : ActionJson.events(ev);
    JsonAt h = at.optional("handoffs");
    HandoffPolicy handoffs = h == null ? HandoffPolicy.DEFAULT : handoffs(h, calendars);
    return at.build(() -> new SlaPolicy(id, condition, calendar, targets, ladders, events,
        handoffs));
  }

  private static HandoffPolicy handoffs(JsonAt at, SlaCalendars calendars) {
    at.object(HANDOFFS);
    Map<String, String> byDepartment = new java.util.LinkedHashMap<>();
    JsonAt cals = at.optional("calendars");
    if (cals != null) {
      for (Map.Entry<String, JsonAt> e : cals.entries()) {
        byDepartment.put(e.getKey(), calendar(e.getValue(), calendars));
      }
    }
    JsonAt r = at.optional("reminders");
    int reminders = r == null ? HandoffPolicy.DEFAULT.reminders()
        : r.integer();
    JsonAt n = at.optional("notify");
    List<String> notify = n == null ? HandoffPolicy.DEFAULT.recipients()
        : n.texts(s -> s);
    return at.build(() -> new HandoffPolicy(byDepartment, reminders, notify));
  }

  private static TicketCondition condition(JsonAt at) {
    at.object(WHEN);
    return new TicketCondition(
        Set.copyOf(texts(at, "priority", Priority::parse)),
        Set.copyOf(texts(at, "channel", Channel::of)),
        texts(at, "category", Category::parse),
        Set.copyOf(texts(at, "tenant", TenantId::of)),
        Set.copyOf(texts(at, "customerTier", s -> SlaPolicy.ID.require("customerTier", s))),
        Set.copyOf(texts(at, "tagsAny", Tag::of)),
        Set.copyOf(texts(at, "tagsAll", Tag::of)),
        Set.copyOf(texts(at, "tagsNone", Tag::of)));
  }

  private static <T> List<T> texts(JsonAt at, String name, Function<String, T> factory) {
    JsonAt list = at.optional(name);
    List<T> out = list == null ? List.of() : list.texts(factory);
    if (out.size() != new HashSet<>(out).size()) {
      throw list.error("repeats a value");
    }
    return out;
  }

  static <T> ByPriority<T> byPriority(JsonAt at, Function<JsonAt, T> reader) {
    Map<Priority, T> specific = new EnumMap<>(Priority.class);
    T fallback = null;
    for (Map.Entry<String, JsonAt> e : at.entries()) {
      T value = reader.apply(e.getValue());
      if (e.getKey().equals("*")) {
        fallback = value;
      } else {
        specific.put(e.getValue().build(() -> Priority.parse(e.getKey())), value);
      }
    }
    if (at.node.isEmpty()) {
      throw at.error("must give a priority or \"*\"");
    }
    return new ByPriority<>(specific, fallback);
  }

  private static List<TargetRule> rules(JsonAt at, SlaCalendars calendars) {
    if (at.node.isTextual()) {
      return List.of(TargetRule.always(duration(at)));
    }
    List<JsonAt> items = at.node.isArray() ? at.elements() : List.of(at);
    if (items.isEmpty()) {
      throw at.error("must hold at least one target rule");
    }
    return items.stream().map(r -> rule(r, calendars)).toList();
  }

  private static TargetRule rule(JsonAt at, SlaCalendars calendars) {
    at.object(RULE);
    JsonAt cond = at.optional("if");
    ArrivalCondition when = cond == null ? null : arrival(cond, calendars);
    Duration within = duration(at.required("within"));
    JsonAt cal = at.optional("calendar");
    String calendar = cal == null ? null : calendar(cal, calendars);
    return at.build(() -> new TargetRule(when, within, calendar));
  }

  private static ArrivalCondition arrival(JsonAt at, SlaCalendars calendars) {
    at.object(ARRIVAL);
    JsonAt cal = at.optional("calendar");
    JsonAt wd = at.optional("workingDay");
    JsonAt wt = at.optional("workingTime");
    JsonAt time = at.optional("time");
    LocalTime[] window = time == null ? null : time.as(PolicyJson::window);
    String calendar = cal == null ? null : calendar(cal, calendars);
    Boolean workingDay = wd == null ? null : wd.bool();
    Boolean workingTime = wt == null ? null : wt.bool();
    Set<DayOfWeek> days =
        Set.copyOf(texts(at, "days", d -> DayOfWeek.valueOf(d.trim().toUpperCase(Locale.ROOT))));
    return at.build(() -> new ArrivalCondition(calendar, workingDay, workingTime, days,
        window == null ? null : window[0], window == null ? null : window[1]));
  }

  /** Reads {@code HH:mm-HH:mm}; the end may be before the start (a window past midnight). */
  private static LocalTime[] window(String text) {
    int dash = text.indexOf('-');
    if (dash < 0) {
      throw new IllegalArgumentException("must be HH:mm-HH:mm");
    }
    return new LocalTime[] {LocalTime.parse(text.substring(0, dash).trim()),
        LocalTime.parse(text.substring(dash + 1).trim())};
  }

  static Duration duration(JsonAt at) {
    Duration d = at.as(s -> Durations.parse("within", s));
    if (d.isZero()) {
      throw at.error("must be positive");
    }
    return d;
  }

  private static String calendar(JsonAt at, SlaCalendars calendars) {
    String id = at.text();
    if (calendars.find(id).isEmpty()) {
      throw at.error("names no known calendar; known: " + calendars.ids());
    }
    return id;
  }
}
