package dev.ticketkit.sla.policy;

import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.SupportTier;
import dev.ticketkit.core.Tag;
import dev.ticketkit.sla.clock.SlaMetric;
import dev.ticketkit.sla.escalation.EscalationAction;
import dev.ticketkit.sla.escalation.EscalationLadder;
import dev.ticketkit.sla.escalation.EscalationLevel;
import dev.ticketkit.core.DissatisfactionReason;
import dev.ticketkit.sla.escalation.EventRule;
import java.util.HashSet;
import dev.ticketkit.sla.escalation.LevelTrigger;
import dev.ticketkit.sla.escalation.TicketTrigger;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads escalation ladders, event rules and actions of the policy JSON form. Stateless. */
final class ActionJson {

  private static final Set<String> ACTIONS =
      Set.of("notify", "reassign", "raisePriority", "tag", "callback");

  private ActionJson() {}

  static Map<SlaMetric, ByPriority<EscalationLadder>> escalations(JsonAt at) {
    Map<SlaMetric, ByPriority<EscalationLadder>> out = new EnumMap<>(SlaMetric.class);
    for (Map.Entry<String, JsonAt> e : at.entries()) {
      SlaMetric metric = e.getValue().build(() -> SlaMetric.parse(e.getKey()));
      out.put(metric, PolicyJson.byPriority(e.getValue(), ActionJson::ladder));
    }
    return out;
  }

  private static EscalationLadder ladder(JsonAt at) {
    List<EscalationLevel> levels = at.list(ActionJson::level);
    return at.build(() -> EscalationLadder.numbered(levels));
  }

  private static EscalationLevel level(JsonAt at) {
    at.object(Set.of("at", "actions"));
    LevelTrigger trigger = at.required("at").as(LevelTrigger::parse);
    List<EscalationAction> actions = at.required("actions").list(ActionJson::action);
    return at.build(() -> new EscalationLevel(1, trigger, actions));
  }

  static List<EventRule> events(JsonAt at) {
    return at.list(rule -> {
      rule.object(Set.of("on", "actions", "reasons"));
      TicketTrigger on = rule.required("on").as(TicketTrigger::parse);
      List<EscalationAction> actions = rule.required("actions").list(ActionJson::action);
      JsonAt reasons = rule.optional("reasons");
      List<DissatisfactionReason> limited = reasons == null ? List.of()
          : reasons.list(r -> r.as(DissatisfactionReason::parse));
      return rule.build(() -> new EventRule(on, actions, new HashSet<>(limited)));
    });
  }

  static EscalationAction action(JsonAt at) {
    at.object(ACTIONS);
    if (at.node.size() != 1) {
      throw at.error("must have exactly one of " + ACTIONS);
    }
    String kind = at.node.fieldNames().next();
    JsonAt v = at.field(kind);
    return switch (kind) {
      case "notify" -> v.as(EscalationAction.Notify::new);
      case "raisePriority" -> new EscalationAction.RaisePriority(v.as(Priority::parse));
      case "tag" -> new EscalationAction.AddTag(v.as(Tag::of));
      case "callback" -> v.as(EscalationAction.Callback::new);
      default -> reassign(v);
    };
  }

  private static EscalationAction reassign(JsonAt at) {
    at.object(Set.of("tier", "nextTier", "group"));
    JsonAt tier = at.optional("tier");
    JsonAt group = at.optional("group");
    JsonAt next = at.optional("nextTier");
    SupportTier t = tier == null ? null : tier.build(() -> SupportTier.of(tier.integer()));
    AgentId g = group == null ? null : group.as(AgentId::of);
    boolean n = next != null && next.bool();
    return at.build(() -> new EscalationAction.Reassign(t, n, g));
  }
}
