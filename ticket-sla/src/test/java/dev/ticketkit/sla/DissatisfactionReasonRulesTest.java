package dev.ticketkit.sla;

import static dev.ticketkit.sla.SlaFixture.REQUESTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.DissatisfactionReason;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.Rating;
import dev.ticketkit.core.SupportTier;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.sla.escalation.EscalationAction;
import dev.ticketkit.sla.escalation.EventRule;
import dev.ticketkit.sla.escalation.TicketTrigger;
import dev.ticketkit.sla.policy.PolicyFormatException;
import dev.ticketkit.sla.policy.SlaCalendars;
import dev.ticketkit.sla.policy.SlaPolicies;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** What a DISSATISFIED rating's reason triggers is policy data: event rules limited to reasons. */
class DissatisfactionReasonRulesTest {

  @ParameterizedTest
  @CsvSource({"NOT_FIXED, 0, 2, 2", "UNMET_EXPECTATION, 0, 2, 2", "POOR_COMMUNICATION, 1, 1, 1",
      "OTHER, 0, 2, 2"})
  void theStandardPolicyNotifiesTheTeamLeadOnPoorCommunicationOnly(String reason, int teamLead,
      int tier, int cycle) {
    SlaFixture f = new SlaFixture("2026-03-09T10:00");
    Ticket t = f.resolved(f.open(Priority.MEDIUM));
    Ticket c = f.current(t);

    f.service.rate(c.tenant(), REQUESTER, c.id(), c.version(),
        Rating.dissatisfied(DissatisfactionReason.of(reason), "not what I asked"));

    assertThat(f.notesFor("team-lead")).hasSize(teamLead);
    assertThat(f.notesFor("tier-lead")).hasSize(1);
    // The standard workflow closes a POOR_COMMUNICATION complaint (its dissatisfaction policy),
    // so the rule's one-tier-up reassignment finds no open ticket to move.
    assertThat(f.current(t).tier()).isEqualTo(SupportTier.of(tier));
    assertThat(f.current(t).cycle()).isEqualTo(cycle);
  }

  @Test
  void aRuleLimitedToReasonsIgnoresTheOthers() {
    EventRule rule = EventRule.onDissatisfied(Set.of(DissatisfactionReason.NOT_FIXED),
        List.of(new EscalationAction.Notify("qa")));
    assertThat(rule.firesOn(Rating.dissatisfied(DissatisfactionReason.NOT_FIXED, null))).isTrue();
    assertThat(rule.firesOn(Rating.dissatisfied(DissatisfactionReason.OTHER, null))).isFalse();
    assertThat(new EventRule(TicketTrigger.RATED_DISSATISFIED,
        List.of(new EscalationAction.Notify("qa"))).firesOn(
            Rating.dissatisfied(DissatisfactionReason.OTHER, null))).isTrue();
  }

  @Test
  void reasonsBelongToDissatisfiedRulesOnly() {
    assertThatThrownBy(() -> new EventRule(TicketTrigger.URGENT_FLAGGED,
        List.of(new EscalationAction.Notify("qa")), Set.of(DissatisfactionReason.NOT_FIXED)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("reasons");
    String json = """
        {"policies": [{"id": "p", "calendar": "cn-mainland",
          "events": [{"on": "URGENT_FLAGGED", "reasons": ["NOT_FIXED"],
                      "actions": [{"notify": "x"}]}]}]}""";
    assertThatThrownBy(() -> SlaPolicies.fromJson(json, SlaCalendars.standard()))
        .isInstanceOf(PolicyFormatException.class).hasMessageContaining("reasons");
  }

  @Test
  void policyJsonReadsReasons() {
    SlaPolicies standard = SlaPolicies.standard();
    assertThat(standard.policies().get(0).rules(TicketTrigger.RATED_DISSATISFIED))
        .extracting(EventRule::reasons)
        .containsExactly(Set.of(), Set.of(DissatisfactionReason.POOR_COMMUNICATION));
  }
}
