package dev.ticketkit.sla;

import static dev.ticketkit.sla.SlaFixture.AGENT;
import static dev.ticketkit.sla.SlaFixture.REQUESTER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.HistoryAction;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.Rating;
import dev.ticketkit.core.Satisfaction;
import dev.ticketkit.core.SupportTier;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketFollower;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.store.ChangeSet;
import dev.ticketkit.core.store.TransactionContext;
import dev.ticketkit.sla.clock.SlaMetric;
import dev.ticketkit.sla.escalation.TicketTrigger;
import dev.ticketkit.sla.policy.SlaCalendars;
import dev.ticketkit.sla.policy.SlaPolicies;
import dev.ticketkit.sla.store.DoneWork;
import dev.ticketkit.sla.store.EventRuleDue;
import dev.ticketkit.sla.store.LadderLevelDue;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Due work is recorded in the ticket's transaction and done exactly once, whether the post-commit
 * step runs, crashes or is lost: notifications at least once, ticket changes exactly once (the
 * change and the done record commit together); {@code nextTier} reassignments move one tier.
 */
class EventRuleDurabilityTest {

  private static final String NEXT_TIER_LADDER = """
      { "policies": [ { "id": "p", "calendar": "24x7",
        "targets": { "RESOLUTION": { "*": "4h" } },
        "escalations": { "RESOLUTION": { "*": [
          { "at": "50%", "actions": [ { "reassign": { "nextTier": true } } ] } ] } },
        "events": [ { "on": "URGENT_FLAGGED", "actions": [ { "notify": "tier-lead" } ] },
          { "on": "URGENT_FLAGGED", "actions": [ { "reassign": { "nextTier": true } } ] } ] } ] }
      """;

  private static SlaFixture withStore(SlaFixture f, SlaPolicies policies, CrashingSlaStore s) {
    f.engine.close();
    f.engine = SlaEngine.builder().tickets(f.service).policies(policies).store(s)
        .notifier(f.notes::add).build();
    return f;
  }

  private static List<DoneWork> doneRules(SlaFixture f, Ticket t) {
    return f.slaStore.done(t.tenant(), t.id()).stream()
        .filter(d -> d.work() instanceof EventRuleDue).toList();
  }

  private static long slaEntries(SlaFixture f, Ticket t) {
    return f.service.history(t.tenant(), t.id()).stream()
        .filter(e -> e.action() == HistoryAction.AUTOMATED).count();
  }

  @Test
  void urgentNotifiesAtOnceAndLaterTicksDoNotFireTheRuleAgain() {
    SlaFixture f = new SlaFixture("2026-03-09T10:00");
    Ticket t = f.open(Priority.URGENT);
    assertThat(f.notesFor("tier-lead")).hasSize(1);
    assertThat(doneRules(f, t)).singleElement()
        .satisfies(e -> assertThat(e.doneAt()).isEqualTo(f.clock.instant()));

    assertThat(f.tick()).isZero();
    f.restart();
    assertThat(f.tick()).isZero();
    assertThat(f.notesFor("tier-lead")).hasSize(1);
  }

  @Test
  void aChangeCommittedWithoutThePostCommitStepIsNotifiedByTheNextTickOnce() {
    SlaFixture f = new SlaFixture("2026-03-09T10:00");
    // The change commits through another service over the same stores that runs the engine's
    // work in the transaction but never its post-commit step: the node committed, then died.
    TicketFollower engine = f.engine.follower();
    TicketService crashedNode = TicketService.builder().store(f.tickets).clock(f.clock)
        .follower(new TicketFollower() {
          @Override
          public void inTransaction(ChangeSet committed, TransactionContext transaction) {
            engine.inTransaction(committed, transaction);
          }
        }).build();
    Ticket t = f.openThrough(crashedNode, Priority.URGENT);
    assertThat(f.notes).isEmpty();
    assertThat(f.slaStore.pending(t.tenant(), t.id()))
        .filteredOn(w -> w instanceof EventRuleDue).singleElement().satisfies(w -> {
          assertThat(((EventRuleDue) w).trigger()).isEqualTo(TicketTrigger.URGENT_FLAGGED);
          assertThat(w.dueAt()).isEqualTo(t.createdAt());
        });

    f.advance(Duration.ofMinutes(1));
    assertThat(f.tick()).isEqualTo(1);
    assertThat(f.notesFor("tier-lead")).singleElement().asString().contains("URGENT_FLAGGED");
    assertThat(f.tick()).isZero();
    f.restart();
    assertThat(f.tick()).isZero();
    assertThat(f.notesFor("tier-lead")).hasSize(1);
    assertThat(doneRules(f, t)).hasSize(1);
  }

  @Test
  void aFailingPostCommitStepKeepsTheTicketChangeAndTheNextTickNotifiesOnce() {
    SlaFixture f = new SlaFixture("2026-03-09T10:00");
    CrashingSlaStore store = new CrashingSlaStore(f.slaStore);
    withStore(f, SlaPolicies.standard(), store);
    store.failNextClaimBeforeHandling();
    Ticket t = f.open(Priority.URGENT);
    assertThat(f.current(t).priority()).isEqualTo(Priority.URGENT);
    assertThat(f.notes).isEmpty();

    assertThat(f.tick()).isEqualTo(1);
    assertThat(f.tick()).isZero();
    assertThat(f.notesFor("tier-lead")).hasSize(1);
  }

  @Test
  void aNotificationHandedOverAgainAfterACrashIsSentAgainButTheTierMovesOnce() {
    SlaFixture f = new SlaFixture("2026-03-09T10:00");
    CrashingSlaStore store = new CrashingSlaStore(f.slaStore);
    withStore(f, SlaPolicies.fromJson(NEXT_TIER_LADDER, SlaCalendars.standard()), store);
    store.failNextClaimAfterHandling(1);
    Ticket t = f.open(Priority.URGENT);
    assertThat(f.current(t).tier()).isEqualTo(SupportTier.of(2));
    assertThat(doneRules(f, t)).as("the reassignment, with its ticket change").hasSize(1);

    assertThat(f.tick()).isEqualTo(1);
    assertThat(f.current(t).tier()).isEqualTo(SupportTier.of(2));
    assertThat(doneRules(f, t)).hasSize(2);
    assertThat(f.notesFor("tier-lead")).hasSize(2); // notifications: at least once
    assertThat(slaEntries(f, t)).as("the reassignment is in the history once").isEqualTo(1);
  }

  @Test
  void aTicketChangeLostInItsCommitLeavesTheRuleDueAndTheTickMakesItOnce() {
    SlaFixture f = new SlaFixture("2026-03-09T10:00");
    CrashingSlaStore store = new CrashingSlaStore(f.slaStore);
    withStore(f, SlaPolicies.fromJson(NEXT_TIER_LADDER, SlaCalendars.standard()), store);
    store.failNextComplete();
    Ticket t = f.open(Priority.URGENT);
    assertThat(f.current(t).tier()).isEqualTo(SupportTier.FIRST);
    assertThat(doneRules(f, t)).as("the notification only").hasSize(1);

    assertThat(f.tick()).isEqualTo(1);
    assertThat(f.tick()).isZero();
    assertThat(f.current(t).tier()).isEqualTo(SupportTier.of(2));
    assertThat(doneRules(f, t)).hasSize(2);
    assertThat(slaEntries(f, t)).isEqualTo(1);
  }

  @Test
  void aLevelWhoseTicketChangeIsLostMovesTheTicketOneTierAtTheNextTick() {
    SlaFixture f = new SlaFixture("2026-03-09T10:00");
    CrashingSlaStore store = new CrashingSlaStore(f.slaStore);
    withStore(f, SlaPolicies.fromJson(NEXT_TIER_LADDER, SlaCalendars.standard()), store);
    Ticket t = f.open(Priority.HIGH);
    f.at("2026-03-09T12:00");
    store.failNextComplete();
    assertThat(f.tick()).isZero();
    assertThat(f.current(t).tier()).isEqualTo(SupportTier.FIRST);

    f.at("2026-03-09T12:05");
    assertThat(f.tick()).isEqualTo(1);
    assertThat(f.tick()).isZero();
    assertThat(f.current(t).tier()).isEqualTo(SupportTier.of(2));
    assertThat(f.slaStore.done(t.tenant(), t.id())).singleElement()
        .satisfies(e -> assertThat(((LadderLevelDue) e.work()).clock().metric())
            .isEqualTo(SlaMetric.RESOLUTION));
    assertThat(f.service.history(t.tenant(), t.id()))
        .filteredOn(e -> e.action() == HistoryAction.AUTOMATED).singleElement()
        .satisfies(e -> assertThat(e.after()).contains("RESOLUTION#1 level 1 at 50%"));
  }

  @Test
  void aLaterLevelStillMovesOneTierAboveTheTierAtItsDueInstant() {
    SlaFixture f = new SlaFixture("2026-03-09T10:00");
    withStore(f, SlaPolicies.fromJson(NEXT_TIER_LADDER, SlaCalendars.standard()),
        new CrashingSlaStore(f.slaStore));
    Ticket t = f.open(Priority.HIGH);
    Ticket c = f.current(t);
    f.service.escalate(c.tenant(), AGENT, c.id(), c.version(), "needs L2");
    f.at("2026-03-09T12:00");
    assertThat(f.tick()).isEqualTo(1);
    assertThat(f.current(t).tier()).isEqualTo(SupportTier.of(3));
  }

  @Test
  void aDissatisfiedRatingIsRecordedWithTheReopenAndEscalatesOnlyOnce() {
    SlaFixture f = new SlaFixture("2026-03-09T10:00");
    CrashingSlaStore store = new CrashingSlaStore(f.slaStore);
    withStore(f, SlaPolicies.standard(), store);
    Ticket t = f.resolved(f.open(Priority.MEDIUM));
    f.at("2026-03-09T16:00");
    store.failNextClaimAfterHandling(1);
    Ticket c = f.current(t);
    f.service.rate(c.tenant(), REQUESTER, c.id(), c.version(), Rating.of(Satisfaction.DISSATISFIED));
    assertThat(f.tick()).isEqualTo(1);
    assertThat(f.tick()).isZero();
    assertThat(f.current(t).tier()).isEqualTo(SupportTier.of(2));
    assertThat(f.engine.clocks(t.tenant(), t.id())).as("clocks are clocks, nothing else")
        .noneMatch(k -> k.key().metric() == SlaMetric.ACCEPTANCE && k.key().cycle() > 1);
  }
}
