package dev.ticketkit.sla;

import static dev.ticketkit.sla.SlaFixture.AGENT;
import static dev.ticketkit.sla.SlaFixture.REQUESTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.Priority;
import dev.ticketkit.core.Rating;
import dev.ticketkit.core.Satisfaction;
import dev.ticketkit.core.SupportTier;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.sla.clock.ClockKey;
import dev.ticketkit.sla.clock.SlaMetric;
import dev.ticketkit.sla.internal.RuleRecords;
import dev.ticketkit.sla.policy.SlaCalendars;
import dev.ticketkit.sla.policy.SlaPolicies;
import dev.ticketkit.sla.store.FiredEscalation;
import dev.ticketkit.sla.store.SlaStoreException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Event rules are recorded in the ticket's transaction and fire exactly once through the store's
 * claim, whether the post-commit step runs, crashes or is lost; {@code nextTier} reassignments
 * reach the same tier when a level or rule is handed over again after a crash.
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

  private static List<FiredEscalation> firedRules(SlaFixture f, Ticket t) {
    return f.slaStore.fired(t.tenant(), t.id()).stream()
        .filter(e -> RuleRecords.isRecord(e.clock())).toList();
  }

  @Test
  void urgentNotifiesAtOnceAndLaterTicksDoNotFireTheRuleAgain() {
    SlaFixture f = new SlaFixture("2026-03-09T10:00");
    Ticket t = f.open(Priority.URGENT);
    assertThat(f.notesFor("tier-lead")).hasSize(1);
    assertThat(firedRules(f, t)).singleElement()
        .satisfies(e -> assertThat(e.firedAt()).isEqualTo(f.clock.instant()));

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
    dev.ticketkit.core.TicketFollower engine = f.engine.follower();
    TicketService crashedNode = TicketService.builder().store(f.tickets).clock(f.clock)
        .follower(new dev.ticketkit.core.TicketFollower() {
          @Override
          public void inTransaction(dev.ticketkit.core.store.ChangeSet committed,
              dev.ticketkit.core.store.TransactionContext transaction) {
            engine.inTransaction(committed, transaction);
          }
        }).build();
    Ticket t = f.openThrough(crashedNode, Priority.URGENT);
    assertThat(f.notes).isEmpty();
    ClockKey record = ClockKey.of(t.tenant(), t.id(), SlaMetric.ACCEPTANCE, 2);
    assertThat(f.slaStore.pending(record)).singleElement()
        .satisfies(e -> assertThat(e.dueAt()).isEqualTo(t.createdAt()));

    f.advance(Duration.ofMinutes(1));
    assertThat(f.tick()).isEqualTo(1);
    assertThat(f.notesFor("tier-lead")).singleElement().asString().contains("URGENT_FLAGGED");
    assertThat(f.tick()).isZero();
    f.restart();
    assertThat(f.tick()).isZero();
    assertThat(f.notesFor("tier-lead")).hasSize(1);
    assertThat(firedRules(f, t)).hasSize(1);
  }

  @Test
  void aFailingPostCommitStepKeepsTheTicketChangeAndTheNextTickNotifiesOnce() {
    SlaFixture f = new SlaFixture("2026-03-09T10:00");
    CrashingSlaStore store = new CrashingSlaStore(f.slaStore);
    withStore(f, SlaPolicies.standard(), store);
    store.failNextCallBeforeHandling();
    Ticket t = f.open(Priority.URGENT);
    assertThat(f.current(t).priority()).isEqualTo(Priority.URGENT);
    assertThat(f.notes).isEmpty();

    assertThat(f.tick()).isEqualTo(1);
    assertThat(f.tick()).isZero();
    assertThat(f.notesFor("tier-lead")).hasSize(1);
  }

  @Test
  void aRuleHandedOverAgainAfterACrashMovesTheTicketOneTierOnly() {
    SlaFixture f = new SlaFixture("2026-03-09T10:00");
    CrashingSlaStore store = new CrashingSlaStore(f.slaStore);
    withStore(f, SlaPolicies.fromJson(NEXT_TIER_LADDER, SlaCalendars.standard()), store);
    store.failNextCallAfterHandling(2);
    Ticket t = f.open(Priority.URGENT);
    assertThat(f.current(t).tier()).isEqualTo(SupportTier.of(2));
    assertThat(firedRules(f, t)).isEmpty();

    assertThat(f.tick()).isEqualTo(2);
    assertThat(f.current(t).tier()).isEqualTo(SupportTier.of(2));
    assertThat(firedRules(f, t)).hasSize(2);
    assertThat(f.notesFor("tier-lead")).hasSize(2); // notifications: at least once
  }

  @Test
  void aLevelHandedOverAgainAfterACrashMovesTheTicketOneTierOnly() {
    SlaFixture f = new SlaFixture("2026-03-09T10:00");
    CrashingSlaStore store = new CrashingSlaStore(f.slaStore);
    withStore(f, SlaPolicies.fromJson(NEXT_TIER_LADDER, SlaCalendars.standard()), store);
    Ticket t = f.open(Priority.HIGH);
    f.at("2026-03-09T12:00");
    store.failNextCallAfterHandling(1);
    assertThatThrownBy(f::tick).isInstanceOf(SlaStoreException.class);
    assertThat(f.current(t).tier()).isEqualTo(SupportTier.of(2));

    f.at("2026-03-09T12:05");
    assertThat(f.tick()).isEqualTo(1);
    assertThat(f.current(t).tier()).isEqualTo(SupportTier.of(2));
    assertThat(f.slaStore.fired(t.tenant(), t.id())).singleElement()
        .satisfies(e -> assertThat(e.clock().metric()).isEqualTo(SlaMetric.RESOLUTION));
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
    store.failNextCallAfterHandling(1);
    Ticket c = f.current(t);
    f.service.rate(c.tenant(), REQUESTER, c.id(), c.version(), Rating.of(Satisfaction.DISSATISFIED));
    assertThat(f.tick()).isEqualTo(1);
    assertThat(f.tick()).isZero();
    assertThat(f.current(t).tier()).isEqualTo(SupportTier.of(2));
    assertThat(f.engine.clocks(t.tenant(), t.id()))
        .noneMatch(k -> RuleRecords.isRecord(k.key()));
  }
}
