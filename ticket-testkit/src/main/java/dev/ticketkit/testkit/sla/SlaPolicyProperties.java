package dev.ticketkit.testkit.sla;

import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.core.store.TicketStore;
import dev.ticketkit.sla.policy.SlaPolicies;
import dev.ticketkit.sla.store.InMemorySlaStore;
import dev.ticketkit.sla.store.SlaStore;
import dev.ticketkit.testkit.jqwik.StoryArbitraries;
import dev.ticketkit.testkit.story.TicketStory;
import java.util.function.Consumer;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;

/**
 * Ready jqwik properties of SLA rules: extend it, point {@link #policies()} at your policy JSON
 * and calendars, and every property below runs on generated ticket stories played through a real
 * {@code TicketService} and two SLA engines sharing one SLA store.
 *
 * <pre>{@code
 * class AcmeSlaProperties extends SlaPolicyProperties {
 *   @Override
 *   protected SlaPolicies policies() {
 *     return SlaPolicies.fromJson(json, SlaCalendars.of(acmeCalendar));
 *   }
 * }
 * }</pre>
 *
 * <p><b>What each property answers for.</b> Three check the <em>policies and calendars</em> you
 * give, and fail for a policy that breaks them:
 * {@link #priorityUpgradeNeverMakesDueLater} (URGENT slower than HIGH),
 * {@link #explainNamesTheChosenRule} (a change leaves a ticket with no matching policy, or with
 * none that sets a running metric's target), {@link #everyClockGetsADueInstant} (a calendar with
 * no working time in reach). The others check the <em>engine and the components plugged into
 * it</em>, the SLA store above all ({@link #newSlaStore()}): they hold whatever the policies say
 * and fail when the store or the engine is broken: {@link #dueIsNeverBeforeStart},
 * {@link #pauseNeverBringsDueEarlier}, {@link #elapsedNeverExceedsWallTime},
 * {@link #levelFiresAtMostOnce}, {@link #onlyRunningClocksEscalate},
 * {@link #breachedClockStaysBreached} and {@link #stopAtDueIsMet}. The checks themselves are in
 * {@link SlaChecks} and {@link EscalationChecks}.
 *
 * <p><b>Settings.</b> 100 tries per property by default ({@link PropertyDefaults}); put
 * {@code @PropertyDefaults(tries = 1000)} on your subclass for a deeper search. Override
 * {@link #stories()} to shape the stories, {@link #newTicketStore()} and {@link #newSlaStore()} to
 * run on your own stores. To leave a property out, override its method without
 * {@code @Property}. A new instance is made per property, as jqwik does; it is not thread-safe.
 */
@PropertyDefaults(tries = 100, edgeCases = EdgeCasesMode.MIXIN)
public abstract class SlaPolicyProperties {

  private @Nullable SlaPolicies policies;

  /** Creates the properties; subclasses have a no-argument constructor for jqwik. */
  protected SlaPolicyProperties() {}

  /**
   * Returns the policies under test, with the calendars they name; called once per property.
   *
   * @return the policies, such as {@code SlaPolicies.fromJson(json, calendars)}
   */
  protected abstract SlaPolicies policies();

  /**
   * Returns a ticket store for one story; the default is a new {@code InMemoryTicketStore}.
   *
   * @return the store
   */
  protected TicketStore newTicketStore() {
    return InMemoryTicketStore.create();
  }

  /**
   * Returns the SLA store for one story; the default is a new {@code InMemorySlaStore}. Return
   * your own store (a database store must share the ticket store's transactions, so override
   * {@link #newTicketStore()} too), or wrap it in a {@link ForwardingSlaStore} to inject faults.
   *
   * @return the store
   */
  protected SlaStore newSlaStore() {
    return InMemorySlaStore.create();
  }

  /**
   * Returns the stories the properties run on; the default is
   * {@link StoryArbitraries#stories(SlaPolicies)} of {@link #policies()}.
   *
   * @return the arbitrary
   */
  protected Arbitrary<TicketStory> stories() {
    return StoryArbitraries.stories(cachedPolicies());
  }

  @Provide("ticketkitSlaStories")
  Arbitrary<TicketStory> provideStories() {
    return stories();
  }

  /**
   * Plays a story on a new harness with {@link #policies()}, {@link #newTicketStore()} and
   * {@link #newSlaStore()}; for your own properties.
   *
   * @param story the story
   * @return what happened
   */
  protected final StoryRun play(TicketStory story) {
    try (SlaHarness harness = SlaHarness.create(cachedPolicies(), newTicketStore(),
        newSlaStore())) {
      return harness.run(story);
    }
  }

  private SlaPolicies cachedPolicies() {
    if (policies == null) {
      policies = policies();
    }
    return policies;
  }

  private void check(TicketStory story, Consumer<StoryRun> check) {
    check.accept(play(story));
  }

  /**
   * Every clock's due instant is at or after its start ({@link SlaChecks#dueIsNeverBeforeStart};
   * engine/store).
   *
   * @param story a generated story
   */
  @Property
  public void dueIsNeverBeforeStart(@ForAll("ticketkitSlaStories") TicketStory story) {
    check(story, SlaChecks::dueIsNeverBeforeStart);
  }

  /**
   * A pause never brings a due instant earlier ({@link SlaChecks#pauseNeverBringsDueEarlier};
   * engine/store).
   *
   * @param story a generated story
   */
  @Property
  public void pauseNeverBringsDueEarlier(@ForAll("ticketkitSlaStories") TicketStory story) {
    check(story, SlaChecks::pauseNeverBringsDueEarlier);
  }

  /**
   * A priority upgrade never makes a due instant later
   * ({@link SlaChecks#priorityUpgradeNeverMakesDueLater}; policy).
   *
   * @param story a generated story
   */
  @Property
  public void priorityUpgradeNeverMakesDueLater(@ForAll("ticketkitSlaStories") TicketStory story) {
    check(story, SlaChecks::priorityUpgradeNeverMakesDueLater);
  }

  /**
   * Elapsed business time never exceeds wall time
   * ({@link SlaChecks#elapsedNeverExceedsWallTime}; engine/store).
   *
   * @param story a generated story
   */
  @Property
  public void elapsedNeverExceedsWallTime(@ForAll("ticketkitSlaStories") TicketStory story) {
    check(story, SlaChecks::elapsedNeverExceedsWallTime);
  }

  /**
   * Each escalation level fires at most once per clock and cycle, however {@code tick} is called
   * ({@link EscalationChecks#levelFiresAtMostOnce}; engine/store).
   *
   * @param story a generated story
   */
  @Property
  public void levelFiresAtMostOnce(@ForAll("ticketkitSlaStories") TicketStory story) {
    check(story, EscalationChecks::levelFiresAtMostOnce);
  }

  /**
   * Only a running clock escalates, never before the level is due
   * ({@link EscalationChecks#onlyRunningClocksEscalate}; engine/store).
   *
   * @param story a generated story
   */
  @Property
  public void onlyRunningClocksEscalate(@ForAll("ticketkitSlaStories") TicketStory story) {
    check(story, EscalationChecks::onlyRunningClocksEscalate);
  }

  /**
   * {@code explain()} names the rule that chose each open clock's target
   * ({@link SlaChecks#explainNamesTheChosenRule}; policy).
   *
   * @param story a generated story
   */
  @Property
  public void explainNamesTheChosenRule(@ForAll("ticketkitSlaStories") TicketStory story) {
    check(story, SlaChecks::explainNamesTheChosenRule);
  }

  /**
   * Every started clock gets a due instant within the calendar's supported range
   * ({@link SlaChecks#everyClockGetsADueInstant}; policy).
   *
   * @param story a generated story
   */
  @Property
  public void everyClockGetsADueInstant(@ForAll("ticketkitSlaStories") TicketStory story) {
    check(story, SlaChecks::everyClockGetsADueInstant);
  }

  /**
   * A breached clock stays breached ({@link SlaChecks#breachedClockStaysBreached}; engine), also
   * when a change lowers the priority of an overdue clock that nothing had marked BREACHED.
   *
   * @param story a generated story
   */
  @Property
  public void breachedClockStaysBreached(@ForAll("ticketkitSlaStories") TicketStory story) {
    check(story, SlaChecks::breachedClockStaysBreached);
  }

  /**
   * Stopping exactly at the due instant is MET ({@link SlaChecks#stopAtDueIsMet}; engine): work
   * done "within 2 working hours" includes the last instant.
   *
   * @param story a generated story
   */
  @Property
  public void stopAtDueIsMet(@ForAll("ticketkitSlaStories") TicketStory story) {
    check(story, SlaChecks::stopAtDueIsMet);
  }
}
