package dev.ticketkit.sla;

import static dev.ticketkit.sla.SlaFixture.AGENT;
import static dev.ticketkit.sla.SlaFixture.REQUESTER;
import static dev.ticketkit.sla.SlaFixture.cn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.Priority;
import dev.ticketkit.core.Rating;
import dev.ticketkit.core.Satisfaction;
import dev.ticketkit.core.SupportTier;
import dev.ticketkit.core.Tag;
import dev.ticketkit.core.TicketEdit;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.workflow.StandardWorkflow;
import dev.ticketkit.sla.clock.ClockState;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.clock.SlaMetric;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The support process, as scenarios on the China calendar with a manual clock. */
class SupportProcessScenarioTest {

  @Test
  void aTicketOnSaturdayGetsOneHourForTheFirstResponse() {
    SlaFixture f = new SlaFixture("2026-03-07T10:00");
    Ticket t = f.open(Priority.MEDIUM);

    SlaClock first = f.clock(t, SlaMetric.FIRST_RESPONSE, 1);
    assertThat(first.target().target()).isEqualTo(Duration.ofHours(1));
    assertThat(first.target().calendarId()).isEqualTo("24x7");
    assertThat(first.dueAt()).isEqualTo(cn("2026-03-07T11:00"));
    assertThat(first.target().reason()).contains("rule 2 of 2");
  }

  @Test
  void aTicketOnMondayGetsFifteenMinutesForTheFirstResponse() {
    SlaFixture f = new SlaFixture("2026-03-09T10:00");
    Ticket t = f.open(Priority.MEDIUM);

    SlaClock first = f.clock(t, SlaMetric.FIRST_RESPONSE, 1);
    assertThat(first.target().target()).isEqualTo(Duration.ofMinutes(15));
    assertThat(first.target().calendarId()).isEqualTo("cn-mainland");
    assertThat(first.dueAt()).isEqualTo(cn("2026-03-09T10:15"));
    assertThat(first.target().reason()).contains("working day");
  }

  @Test
  void aMakeUpSaturdayIsAWorkingDayForTheArrivalRule() {
    SlaFixture f = new SlaFixture("2026-02-28T10:00");
    Ticket t = f.open(Priority.MEDIUM);

    assertThat(f.clock(t, SlaMetric.FIRST_RESPONSE, 1).dueAt()).isEqualTo(cn("2026-02-28T10:15"));
  }

  @Test
  void acceptanceWithinTwoWorkingHoursSpansTheLunchBreak() {
    SlaFixture f = new SlaFixture("2026-03-09T11:00");
    Ticket t = f.open(Priority.MEDIUM);

    assertThat(f.clock(t, SlaMetric.ACCEPTANCE, 1).dueAt()).isEqualTo(cn("2026-03-09T14:30"));
    f.at("2026-03-09T14:00");
    f.fire(t, AGENT, StandardWorkflow.ACCEPT);
    SlaClock met = f.clock(t, SlaMetric.ACCEPTANCE, 1);
    assertThat(met.state()).isEqualTo(ClockState.MET);
    assertThat(met.elapsed()).isEqualTo(Duration.ofMinutes(90));
  }

  @Test
  void acceptanceWithinTwoWorkingHoursSpansTheLabourDayHoliday() {
    SlaFixture f = new SlaFixture("2026-04-30T17:00");
    Ticket t = f.open(Priority.MEDIUM);

    SlaClock acceptance = f.clock(t, SlaMetric.ACCEPTANCE, 1);
    assertThat(acceptance.dueAt()).isEqualTo(cn("2026-05-06T10:00"));
    String why = f.engine.explain(acceptance);
    assertThat(why).contains("2026-05-01", "2026-05-05", "cn-mainland", "PT2H");
  }

  @Test
  void waitingOnTheRequesterPausesAndTheAnswerResumes() {
    SlaFixture f = new SlaFixture("2026-03-09T10:00");
    Ticket t = f.open(Priority.HIGH);
    f.fire(t, AGENT, StandardWorkflow.ACCEPT);
    f.reply(t, AGENT);
    f.at("2026-03-09T11:00");
    f.fire(t, AGENT, StandardWorkflow.WAIT_ON_REQUESTER);
    SlaClock paused = f.clock(t, SlaMetric.RESOLUTION, 1);
    assertThat(paused.state()).isEqualTo(ClockState.PAUSED);
    assertThat(paused.dueAt()).isNull();
    assertThat(paused.elapsed()).isEqualTo(Duration.ofHours(1));

    f.at("2026-03-10T09:00");
    assertThat(f.tick()).isZero();
    f.reply(t, REQUESTER);
    SlaClock resumed = f.clock(t, SlaMetric.RESOLUTION, 1);
    assertThat(resumed.state()).isEqualTo(ClockState.RUNNING);
    assertThat(resumed.pauses()).hasSize(1);
    // 7.5 working hours, 1 spent: 6.5 left from Tuesday 09:00 = 09-12 + 13:30-17:00.
    assertThat(resumed.dueAt()).isEqualTo(cn("2026-03-10T17:00"));
    assertThat(f.clock(t, SlaMetric.NEXT_RESPONSE, 1).state()).isEqualTo(ClockState.RUNNING);
  }

  @Test
  void aDissatisfiedRatingReopensStartsANewCycleAndEscalatesOneTier() {
    SlaFixture f = new SlaFixture("2026-03-09T10:00");
    Ticket t = resolve(f, f.open(Priority.MEDIUM));
    SlaClock firstCycle = f.clock(t, SlaMetric.RESOLUTION, 1);
    assertThat(firstCycle.state()).isEqualTo(ClockState.MET);

    f.at("2026-03-09T16:00");
    Ticket c = f.current(t);
    f.service.rate(c.tenant(), REQUESTER, c.id(), c.version(), Rating.of(Satisfaction.DISSATISFIED));

    Ticket after = f.current(t);
    assertThat(after.cycle()).isEqualTo(2);
    assertThat(after.tier()).isEqualTo(SupportTier.of(2));
    assertThat(f.clock(t, SlaMetric.RESOLUTION, 1)).isEqualTo(firstCycle);
    SlaClock second = f.clock(t, SlaMetric.RESOLUTION, 2);
    assertThat(second.state()).isEqualTo(ClockState.RUNNING);
    assertThat(second.startedAt()).isEqualTo(cn("2026-03-09T16:00"));
    assertThat(f.notesFor("tier-lead")).anyMatch(s -> s.contains("RATED_DISSATISFIED"));
  }

  @Test
  void anUrgentTicketNotifiesTheTierLeadAtOnce() {
    SlaFixture f = new SlaFixture("2026-03-09T10:00");
    f.open(Priority.URGENT);

    assertThat(f.notesFor("tier-lead")).singleElement().asString().contains("URGENT_FLAGGED");
  }

  @Test
  void raisingThePriorityToUrgentAlsoNotifiesTheLead() {
    SlaFixture f = new SlaFixture("2026-03-09T10:00");
    Ticket t = f.open(Priority.LOW);
    assertThat(f.notesFor("tier-lead")).isEmpty();
    f.service.changePriority(t.tenant(), AGENT, t.id(), t.version(), Priority.URGENT);

    assertThat(f.notesFor("tier-lead")).hasSize(1);
  }

  @Test
  void aPriorityChangeRecomputesFromTheOriginalStartKeepingTheElapsedTime() {
    SlaFixture f = new SlaFixture("2026-03-09T10:00");
    Ticket t = f.open(Priority.LOW);
    assertThat(f.clock(t, SlaMetric.RESOLUTION, 1).target().target())
        .isEqualTo(Duration.ofMinutes(37 * 60 + 30));
    f.at("2026-03-09T11:00");
    f.service.changePriority(t.tenant(), AGENT, t.id(), t.version(), Priority.HIGH);

    SlaClock c = f.clock(t, SlaMetric.RESOLUTION, 1);
    assertThat(c.target().priority()).isEqualTo(Priority.HIGH);
    assertThat(c.elapsed()).isEqualTo(Duration.ofHours(1));
    // 7.5 working hours from Monday 10:00: 10-12, 13:30-18 = 6.5h, then 1h Tuesday.
    assertThat(c.dueAt()).isEqualTo(cn("2026-03-10T10:00"));
    assertThat(c.startedAt()).isEqualTo(cn("2026-03-09T10:00"));
  }

  @Test
  void theTwiceWeeklyFollowUpBreachesWhenMissed() {
    SlaFixture f = new SlaFixture("2026-03-09T10:00");
    Ticket t = f.open(Priority.MEDIUM);
    f.fire(t, AGENT, StandardWorkflow.ACCEPT);
    f.reply(t, AGENT);
    SlaClock update = f.clock(t, SlaMetric.PERIODIC_UPDATE, 2);
    assertThat(update.dueAt()).isEqualTo(cn("2026-03-12T22:00"));

    f.at("2026-03-13T09:00");
    assertThat(f.clock(t, SlaMetric.PERIODIC_UPDATE, 2).stateAt(f.clock.instant()))
        .isEqualTo(ClockState.BREACHED);
    f.tick();
    assertThat(f.current(t).tags()).contains(Tag.of("update-overdue"));
    assertThat(f.notesFor("assignee")).anyMatch(s -> s.contains("PERIODIC_UPDATE#2"));
    f.reply(t, AGENT);
    assertThat(f.clock(t, SlaMetric.PERIODIC_UPDATE, 2).state()).isEqualTo(ClockState.BREACHED);
    assertThat(f.clock(t, SlaMetric.PERIODIC_UPDATE, 3).state()).isEqualTo(ClockState.RUNNING);
  }

  @Test
  void theWarningAndTheBreachFireOnceWhenTickRepeatsOrRunsLate() {
    SlaFixture f = new SlaFixture("2026-03-09T10:00");
    Ticket t = f.open(Priority.HIGH);
    f.fire(t, AGENT, StandardWorkflow.ACCEPT);
    f.reply(t, AGENT);
    // RESOLUTION HIGH: 7.5 working hours, due Tuesday 10:00; 80% = 6h = Monday 17:30.
    f.at("2026-03-09T17:29");
    f.tick();
    assertThat(f.notesFor("tier-lead")).isEmpty();
    f.at("2026-03-09T17:30");
    int first = f.tick();
    int again = f.tick();
    assertThat(f.notesFor("tier-lead")).filteredOn(s -> s.contains("RESOLUTION#1 level 2"))
        .hasSize(1);
    assertThat(again).isZero();
    f.at("2026-03-20T09:00");
    f.tick();
    f.tick();
    assertThat(f.notesFor("tier-lead")).filteredOn(s -> s.contains("RESOLUTION#1 level 3"))
        .hasSize(1);
    assertThat(first).isPositive();
    assertThat(f.current(t).tier()).isEqualTo(SupportTier.of(2));
  }

  @Test
  void aRestartedEngineDoesNotFireAgain() {
    SlaFixture f = new SlaFixture("2026-03-09T10:00");
    Ticket t = f.open(Priority.HIGH);
    f.at("2026-03-09T17:00");
    f.tick();
    int before = f.notes.size();
    f.restart();
    assertThat(f.tick()).isZero();
    assertThat(f.notes).hasSize(before);
    f.at("2026-03-20T09:00");
    assertThat(f.tick()).isPositive();
    assertThat(f.engine.store().done(t.tenant(), t.id()))
        .extracting(done -> done.work().key()).doesNotHaveDuplicates();
  }

  @Test
  void explainTellsTheStartTheTargetAndThePauses() {
    SlaFixture f = new SlaFixture("2026-03-09T10:00");
    Ticket t = f.open(Priority.HIGH);
    f.fire(t, AGENT, StandardWorkflow.ACCEPT);
    f.at("2026-03-09T11:00");
    f.fire(t, AGENT, StandardWorkflow.WAIT_ON_REQUESTER);
    f.at("2026-03-09T15:00");
    f.reply(t, REQUESTER);

    String text = f.engine.explain(f.clock(t, SlaMetric.RESOLUTION, 1), cn("2026-03-09T16:00"));
    assertThat(text).contains("RESOLUTION #1", "2026-03-09 10:00 (Mon)", "PT7H30M",
        "policy 'standard'", "cn-mainland", "2026-03-09 11:00 (Mon) to 2026-03-09 15:00 (Mon)",
        "PT2H30M of working time not counted", "Elapsed:  PT2H");
  }

  @Test
  void anEditOfTheCustomerTierRematchesThePolicy() {
    SlaFixture f = new SlaFixture("2026-03-09T10:00", TestPolicies.tiered());
    Ticket t = f.open(Priority.MEDIUM);
    assertThat(f.clock(t, SlaMetric.RESOLUTION, 1).target().policyId()).isEqualTo("default");
    f.service.edit(t.tenant(), AGENT, t.id(), t.version(), TicketEdit.builder()
        .customField("customer_tier", new dev.ticketkit.core.CustomFieldValue.Text("gold"))
        .build());

    SlaClock c = f.clock(t, SlaMetric.RESOLUTION, 1);
    assertThat(c.target().policyId()).isEqualTo("gold");
    assertThat(c.target().target()).isEqualTo(Duration.ofHours(1));
  }

  private static Ticket resolve(SlaFixture f, Ticket t) {
    f.fire(t, AGENT, StandardWorkflow.ACCEPT);
    f.reply(t, AGENT);
    f.fire(t, AGENT, StandardWorkflow.DIAGNOSE);
    f.fire(t, AGENT, StandardWorkflow.START_FIX);
    Ticket c = f.current(t);
    f.service.edit(c.tenant(), AGENT, c.id(), c.version(),
        TicketEdit.builder().resolutionSummary("Cleared the cache").build());
    return f.fire(t, AGENT, StandardWorkflow.PROPOSE_RESOLUTION);
  }
}
