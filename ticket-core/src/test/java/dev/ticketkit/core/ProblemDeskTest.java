package dev.ticketkit.core;

import static dev.ticketkit.core.ServiceFixture.ACME;
import static dev.ticketkit.core.ServiceFixture.LI;
import static dev.ticketkit.core.ServiceFixture.WANG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.workflow.StandardWorkflow;
import dev.ticketkit.core.workflow.Workflow;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The problem desk's rules that do not depend on a store. */
class ProblemDeskTest {

  private final ServiceFixture f = new ServiceFixture();
  private final ProblemDesk desk = ProblemDesk.of(f.service, ProblemReplies.standard(Locale.CHINA));

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "NEW | AGENT | accept,diagnose,start_fix,propose_resolution",
      "DIAGNOSING | AGENT | start_fix,propose_resolution",
      "RESOLVING | AGENT | propose_resolution",
      "RESOLVING | REQUESTER | ",
      "WAITING_ON_REQUESTER | AGENT | ",
      "CLOSED | AGENT | "})
  void thePathToResolvedIsTheShortestChainTheActorMayFire(String state, ActorKind kind,
      String path) {
    Workflow w = StandardWorkflow.create();
    assertThat(ProblemDesk.pathToResolved(w, w.status(state), kind))
        .isEqualTo(path == null ? null : List.of(path.split(",")));
  }

  @Test
  void recordRoundTripsThroughItsTextForm() {
    ProblemRecord r = new ProblemRecord("报告: \"超时\"", LocalDate.of(2026, 3, 1), "扩容");
    assertThat(ProblemRecord.parse(r.toString())).isEqualTo(r);
    assertThat(ProblemRecord.parse(ProblemRecord.reported("x", null).toString()).fixExpectedOn())
        .isNull();
    assertThatThrownBy(() -> ProblemRecord.parse("{\"report\": 1"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("problem");
    assertThatThrownBy(() -> ProblemRecord.reported(" ", null))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("problem.report");
  }

  @Test
  void aRequesterCannotMarkAProblemAndNothingIsWritten() {
    Ticket t = f.open();
    assertThatThrownBy(() -> desk.record(ACME, WANG, t.id(), t.version(),
        ProblemRecord.reported("defect", null)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("actor");
    assertThat(f.service.require(ACME, t.id())).isEqualTo(t);
  }

  @Test
  void chineseRepliesNameTheTicketsAndTheResolution() {
    Ticket opened = f.open();
    Ticket p = desk.record(ACME, LI, opened.id(), opened.version(),
        ProblemRecord.reported("网关超时", null)).problem();
    Ticket i = f.open();
    desk.linkIncident(ACME, LI, i.id(), i.version(), p.id());

    ProblemResolution r = desk.resolve(ACME, LI, p.id(), "网关连接池扩容");

    assertThat(r.proposed()).containsExactly(i.id());
    assertThat(f.service.requesterView(ACME, i.id()).replies()).singleElement()
        .satisfies(reply -> assertThat(reply.body()).contains("#" + i.number(), "#" + p.number(),
            "网关连接池扩容", "请确认"));
    assertThat(f.service.require(ACME, i.id()).status().name())
        .isEqualTo(StandardWorkflow.AWAITING_CONFIRMATION);
  }

  @Test
  void aWaitingIncidentIsReportedNotMoved() {
    Ticket p = f.open();
    p = desk.record(ACME, LI, p.id(), p.version(), ProblemRecord.reported("defect", null)).problem();
    Ticket waiting = f.openIn(StandardWorkflow.WAITING_ON_REQUESTER);
    waiting = desk.linkIncident(ACME, LI, waiting.id(), waiting.version(), p.id());

    ProblemResolution r = desk.resolve(ACME, LI, p.id(), "fixed");

    assertThat(r.notProposable()).containsExactly(waiting.id());
    assertThat(r.isComplete()).isFalse();
    assertThat(f.service.require(ACME, waiting.id())).isEqualTo(waiting);
  }
}
