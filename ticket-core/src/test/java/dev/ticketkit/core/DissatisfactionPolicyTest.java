package dev.ticketkit.core;

import static dev.ticketkit.core.ServiceFixture.ACME;
import static dev.ticketkit.core.ServiceFixture.LI;
import static dev.ticketkit.core.ServiceFixture.WANG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.event.DissatisfactionFlagged;
import dev.ticketkit.core.event.TicketEvent;
import dev.ticketkit.core.event.TicketRated;
import dev.ticketkit.core.event.TicketReopened;
import dev.ticketkit.core.workflow.DissatisfactionPolicy;
import dev.ticketkit.core.workflow.DissatisfactionPolicy.Reaction;
import dev.ticketkit.core.workflow.StandardWorkflow;
import dev.ticketkit.core.workflow.Trigger;
import dev.ticketkit.core.workflow.Workflow;
import dev.ticketkit.core.workflow.WorkflowFormatException;
import dev.ticketkit.core.workflow.WorkflowJson;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a DISSATISFIED rating triggers is the workflow's policy data, by reason. */
class DissatisfactionPolicyTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      // reason,          status,       cycle, tier, team lead told
      "NOT_FIXED,          DIAGNOSING,   2,     L2,   false",
      "UNMET_EXPECTATION,  DIAGNOSING,   2,     L2,   false",
      "POOR_COMMUNICATION, CLOSED,       1,     L1,   true",
      "OTHER,              DIAGNOSING,   2,     L2,   false",
      "SLOW_REFUND,        DIAGNOSING,   2,     L2,   false"})
  void theStandardPolicyReactsByReason(String reason, String status, int cycle, String tier,
      boolean teamLead) {
    ServiceFixture f = new ServiceFixture();
    Ticket t = f.openIn(StandardWorkflow.AWAITING_CONFIRMATION);
    Rating rating = Rating.dissatisfied(DissatisfactionReason.of(reason), "不满意");

    Ticket after = f.service.rate(ACME, WANG, t.id(), t.version(), rating);

    assertThat(after.status().name()).isEqualTo(status);
    assertThat(after.cycle()).isEqualTo(cycle);
    assertThat(after.tier()).isEqualTo(SupportTier.parse(tier));
    assertThat(after.version()).isEqualTo(t.version() + 1);
    assertThat(f.eventsOf(TicketRated.class)).singleElement()
        .satisfies(e -> assertThat(e.rating()).isEqualTo(rating));
    assertThat(f.eventsOf(DissatisfactionFlagged.class)).hasSize(teamLead ? 1 : 0)
        .allSatisfy(e -> {
          assertThat(e.rating()).isEqualTo(rating);
          assertThat(e.header().cycle()).isEqualTo(1);
          assertThat(e.header().ticketVersion()).isEqualTo(after.version());
        });
    assertThat(f.eventsOf(TicketReopened.class)).hasSize(teamLead ? 0 : 1);
    assertThat(TicketReplay.replay(f.service.history(ACME, t.id()))).isEqualTo(after);
  }

  @Test
  void aClosedComplaintKeepsItsRatingOnRecordAndIsTheLastEventAfterTheRating() {
    ServiceFixture f = new ServiceFixture();
    Ticket t = f.openIn(StandardWorkflow.AWAITING_CONFIRMATION);
    Rating rating = Rating.dissatisfied(DissatisfactionReason.POOR_COMMUNICATION, "没人回电话");

    Ticket closed = f.service.rate(ACME, WANG, t.id(), t.version(), rating);

    assertThat(closed.rating()).isEqualTo(rating);
    List<TicketEvent> change = f.events.stream()
        .filter(e -> e.header().ticketVersion() == closed.version()).toList();
    assertThat(change.get(0)).isInstanceOf(TicketRated.class);
    assertThat(change.get(1)).isInstanceOf(DissatisfactionFlagged.class);
    assertThat(f.service.history(ACME, t.id())).filteredOn(e -> e.ticketVersion() == closed.version())
        .extracting(HistoryEntry::after).contains(StandardWorkflow.CONFIRM_WITH_COMPLAINT);
  }

  @Test
  void aCustomPolicyDecidesPerReasonWithADefault() {
    DissatisfactionPolicy policy = DissatisfactionPolicy.of(Reaction.notifyTeamLead(null))
        .with(DissatisfactionReason.NOT_FIXED, Reaction.notifyTeamLead(StandardWorkflow.NOT_FIXED))
        .with(DissatisfactionReason.of("BILLING"), Reaction.NOTHING)
        .with(DissatisfactionReason.POOR_COMMUNICATION,
            Reaction.fire(StandardWorkflow.CONFIRM_WITH_COMPLAINT));
    Workflow workflow = withPolicy(policy);

    assertThat(rate(workflow, "NOT_FIXED")).containsExactly("DIAGNOSING", "2", "true");
    assertThat(rate(workflow, "OTHER")).containsExactly("AWAITING_CONFIRMATION", "1", "true");
    assertThat(rate(workflow, "UNMET_EXPECTATION"))
        .containsExactly("AWAITING_CONFIRMATION", "1", "true");
    assertThat(rate(workflow, "BILLING")).containsExactly("AWAITING_CONFIRMATION", "1", "false");
    assertThat(rate(workflow, "POOR_COMMUNICATION")).containsExactly("CLOSED", "1", "false");
  }

  @Test
  void aRatingLeftInPlaceByThePolicyCanBeClosedWithTheComplaintLater() {
    ServiceFixture f = new ServiceFixture(withPolicy(DissatisfactionPolicy.of(Reaction.NOTHING)));
    Ticket t = f.openIn(StandardWorkflow.AWAITING_CONFIRMATION);
    t = f.service.rate(ACME, WANG, t.id(), t.version(),
        Rating.dissatisfied(DissatisfactionReason.OTHER, "hmm"));

    Ticket closed = f.fire(t, LI, StandardWorkflow.CONFIRM_WITH_COMPLAINT);

    assertThat(closed.status().name()).isEqualTo(StandardWorkflow.CLOSED);
  }

  @Test
  void aWorkflowWithoutAPolicyReadsItsDissatisfiedTriggerForEveryReason() {
    String json = WorkflowJson.write(StandardWorkflow.create())
        .replaceAll("(?s),\\s*\"dissatisfaction\"\\s*:\\s*\\{.*\\}\\s*\\}\\s*\\}\\s*$", "}")
        .replace("\"AUTO_CLOSE\" : \"auto_close\"",
            "\"AUTO_CLOSE\" : \"auto_close\", \"RATED_DISSATISFIED\" : \"not_fixed\"");
    Workflow legacy = WorkflowJson.read(json);

    assertThat(legacy.dissatisfaction())
        .isEqualTo(DissatisfactionPolicy.of(Reaction.fire(StandardWorkflow.NOT_FIXED)));
    assertThat(rate(legacy, "POOR_COMMUNICATION")).containsExactly("DIAGNOSING", "2", "false");
    assertThat(WorkflowJson.read(WorkflowJson.write(legacy))).isEqualTo(legacy);
    assertThat(WorkflowJson.write(legacy)).doesNotContain("dissatisfaction");
  }

  @Test
  void thePolicyRoundTripsThroughTheWorkflowJson() {
    Workflow standard = StandardWorkflow.create();
    String json = WorkflowJson.write(standard);

    assertThat(json).contains("\"POOR_COMMUNICATION\" : {", "\"notifyTeamLead\" : true");
    assertThat(WorkflowJson.read(json)).isEqualTo(standard);
    assertThat(WorkflowJson.read(json).dissatisfaction())
        .isEqualTo(StandardWorkflow.dissatisfactionPolicy());
    Workflow custom = withPolicy(DissatisfactionPolicy.of(Reaction.NOTHING)
        .with(DissatisfactionReason.of("BILLING"), Reaction.notifyTeamLead(null)));
    assertThat(WorkflowJson.read(WorkflowJson.write(custom))).isEqualTo(custom);
    assertThat(custom).isNotEqualTo(standard);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown transition | {\"reasons\": {\"NOT_FIXED\": {\"fire\": \"teleport\"}}}"
          + " | $.dissatisfaction.reasons.NOT_FIXED.fire | teleport",
      "unknown default | {\"default\": {\"fire\": \"teleport\"}} | $.dissatisfaction.default.fire"
          + " | teleport",
      "bad reason code | {\"reasons\": {\"not fixed\": {}}} | $.dissatisfaction.reasons.not fixed"
          + " | not fixed",
      "flag not boolean | {\"default\": {\"notifyTeamLead\": \"yes\"}}"
          + " | $.dissatisfaction.default.notifyTeamLead | yes",
      "unknown key | {\"default\": {\"page\": true}} | $.dissatisfaction.default.page | page",
      "not an object | [] | $.dissatisfaction | []"})
  void policyFormatErrorsNameThePath(String name, String policy, String path, String value) {
    String json = WorkflowJson.write(StandardWorkflow.create())
        .replaceAll("(?s)\"dissatisfaction\"\\s*:\\s*\\{.*\\}\\s*\\}\\s*\\}\\s*$",
            "\"dissatisfaction\": " + policy + "}");
    assertThatThrownBy(() -> WorkflowJson.read(json))
        .isInstanceOfSatisfying(WorkflowFormatException.class, e -> {
          assertThat(e.path()).isEqualTo(path);
          assertThat(e.getMessage()).contains(value);
        });
  }

  @Test
  void aPolicyAndTheDissatisfiedTriggerTogetherAreRefused() {
    String json = WorkflowJson.write(StandardWorkflow.create())
        .replace("\"AUTO_CLOSE\" : \"auto_close\"",
            "\"AUTO_CLOSE\" : \"auto_close\", \"RATED_DISSATISFIED\" : \"not_fixed\"");
    assertThatThrownBy(() -> WorkflowJson.read(json))
        .isInstanceOfSatisfying(WorkflowFormatException.class,
            e -> assertThat(e.path()).isEqualTo("$.triggers.RATED_DISSATISFIED"));
    assertThatThrownBy(() -> Reaction.fire("Not A Name"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Not A Name");
    assertThatThrownBy(() -> DissatisfactionPolicy.of(null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("otherwise");
    assertThat(Trigger.rated(Satisfaction.DISSATISFIED)).isEqualTo(Trigger.RATED_DISSATISFIED);
  }

  /** The standard workflow with another policy, through its JSON form. */
  private static Workflow withPolicy(DissatisfactionPolicy policy) {
    Workflow standard = StandardWorkflow.create();
    String json = WorkflowJson.write(standard)
        .replaceAll("(?s),\\s*\"dissatisfaction\"\\s*:\\s*\\{.*\\}\\s*\\}\\s*\\}\\s*$", "}");
    Workflow bare = WorkflowJson.read(json);
    assertThat(bare.dissatisfaction()).isEqualTo(DissatisfactionPolicy.of(Reaction.NOTHING));
    return WorkflowJson.read(WorkflowJson.write(bare).replaceAll("\\}\\s*$", ", \"dissatisfaction\": "
        + policyJson(policy) + "}"));
  }

  private static String policyJson(DissatisfactionPolicy policy) {
    StringBuilder reasons = new StringBuilder();
    policy.reactions().forEach((reason, r) -> reasons.append(reasons.length() == 0 ? "" : ", ")
        .append('"').append(reason).append("\": ").append(reactionJson(r)));
    return "{\"default\": " + reactionJson(policy.otherwise()) + ", \"reasons\": {" + reasons
        + "}}";
  }

  private static String reactionJson(Reaction r) {
    return "{\"notifyTeamLead\": " + r.notifyTeamLead()
        + (r.transition() == null ? "" : ", \"fire\": \"" + r.transition() + "\"") + "}";
  }

  /** Rates a fresh ticket with the reason: its status, cycle, and whether the lead was told. */
  private static List<String> rate(Workflow workflow, String reason) {
    ServiceFixture f = new ServiceFixture(workflow);
    Ticket t = f.openIn(StandardWorkflow.AWAITING_CONFIRMATION);
    Ticket after = f.service.rate(ACME, WANG, t.id(), t.version(),
        Rating.dissatisfied(DissatisfactionReason.of(reason), null));
    assertThat(f.service.history(ACME, t.id()).get(f.service.history(ACME, t.id()).size() - 1)
        .ticketVersion()).isEqualTo(after.version());
    return List.of(after.status().name(), String.valueOf(after.cycle()),
        String.valueOf(!f.eventsOf(DissatisfactionFlagged.class).isEmpty()));
  }
}
