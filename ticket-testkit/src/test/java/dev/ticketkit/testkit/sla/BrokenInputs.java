package dev.ticketkit.testkit.sla;

import dev.ticketkit.sla.calendar.BusinessCalendar;
import dev.ticketkit.sla.policy.SlaCalendars;
import dev.ticketkit.sla.policy.SlaPolicies;
import dev.ticketkit.sla.store.InMemorySlaStore;
import dev.ticketkit.sla.store.SlaStore;
import dev.ticketkit.testkit.SampleCalendars;
import java.time.ZoneId;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Tag;

/**
 * Property suites on deliberately broken inputs (and two suites with a host's settings: a
 * property left out, tries set on the class), run by {@link BrokenInputsTest} through the JUnit
 * Platform. Tagged {@value #TAG}, which this module's surefire configuration excludes, so that no
 * test scan runs them on their own (they fail, as they should).
 */
final class BrokenInputs {

  /** The tag of the broken suites. */
  static final String TAG = "broken-on-purpose";

  private BrokenInputs() {}

  static SlaPolicies policies(String json, BusinessCalendar... calendars) {
    return SlaPolicies.fromJson(json, SlaCalendars.of(calendars));
  }

  /** URGENT tickets get longer to resolve than HIGH ones. */
  @Tag(TAG)
  @PropertyDefaults(tries = 1000)
  static class UrgentSlowerThanHigh extends SlaPolicyProperties {
    @Override
    protected SlaPolicies policies() {
      return BrokenInputs.policies("""
          {"policies": [{"id": "inverted", "calendar": "cn-mainland",
            "targets": {"RESOLUTION": {"URGENT": "16h", "HIGH": "4h", "*": "8h"}}}]}
          """, SampleCalendars.chinaMainland());
    }
  }

  /** A calendar without a single working hour. */
  @Tag(TAG)
  static class CalendarWithoutWorkingTime extends SlaPolicyProperties {
    @Override
    protected SlaPolicies policies() {
      BusinessCalendar closed = BusinessCalendar.builder("closed", ZoneId.of("Asia/Shanghai"))
          .build();
      return BrokenInputs.policies("""
          {"policies": [{"id": "closed-desk", "calendar": "closed",
            "targets": {"FIRST_RESPONSE": {"*": "1h"}}}]}
          """, closed);
    }
  }

  /** Only URGENT and HIGH tickets have a policy: a downgraded ticket keeps a stale target. */
  @Tag(TAG)
  @PropertyDefaults(tries = 1000)
  static class NoCatchAllPolicy extends SlaPolicyProperties {
    @Override
    protected SlaPolicies policies() {
      return BrokenInputs.policies("""
          {"policies": [{"id": "fast-lane", "when": {"priority": ["URGENT", "HIGH"]},
            "calendar": "cn-mainland", "targets": {"RESOLUTION": {"*": "4h"}}}]}
          """, SampleCalendars.chinaMainland());
    }
  }

  /** The standard policies on a store that fires each level twice. */
  @Tag(TAG)
  static class DoubleFiringStore extends StandardOn {
    @Override
    protected SlaStore newSlaStore() {
      return new BrokenStores.DoubleFiring(InMemorySlaStore.create());
    }
  }

  /**
   * The standard policies on a store that rounds elapsed time up to whole minutes: a due instant
   * moves earlier when a pause holds less working time than the rounding added.
   */
  @Tag(TAG)
  static class ElapsedRoundedUpStore extends StandardOn {
    @Override
    protected SlaStore newSlaStore() {
      return new BrokenStores.ElapsedInWholeMinutes(InMemorySlaStore.create());
    }
  }

  /** The standard policies on a store that writes due instants eight hours early. */
  @Tag(TAG)
  static class DueShiftedStore extends StandardOn {
    @Override
    protected SlaStore newSlaStore() {
      return new BrokenStores.DueInLocalTime(InMemorySlaStore.create());
    }
  }

  /** The standard policies on a store that never deletes schedule entries. */
  @Tag(TAG)
  static class StaleScheduleStore extends StandardOn {
    @Override
    protected SlaStore newSlaStore() {
      return new BrokenStores.StaleSchedule(InMemorySlaStore.create());
    }
  }

  /** The standard policies on a store that records a clock met at its due instant as breached. */
  @Tag(TAG)
  static class MetAtDueBreachedStore extends StandardOn {
    @Override
    protected SlaStore newSlaStore() {
      return new BrokenStores.MetAtDueBreached(InMemorySlaStore.create());
    }
  }

  /** The standard policies on a store that forgets that a running clock breached. */
  @Tag(TAG)
  static class BreachForgottenStore extends StandardOn {
    @Override
    protected SlaStore newSlaStore() {
      return new BrokenStores.BreachForgotten(InMemorySlaStore.create());
    }
  }

  /** The standard policies without the explain property: overriding it leaves it out. */
  @Tag(TAG)
  static class WithoutExplain extends StandardOn {
    @Override
    public void explainNamesTheChosenRule(dev.ticketkit.testkit.story.TicketStory story) {
      throw new AssertionError("never runs: an overriding method without @Property is no property");
    }
  }

  /** The standard policies with seven tries per property, counting the stories played. */
  @Tag(TAG)
  @net.jqwik.api.PropertyDefaults(tries = 7)
  static class SevenTries extends StandardOn {
    static final java.util.concurrent.atomic.AtomicInteger PLAYED =
        new java.util.concurrent.atomic.AtomicInteger();

    @Override
    protected SlaStore newSlaStore() {
      PLAYED.incrementAndGet();
      return super.newSlaStore();
    }
  }

  /** The standard policies, on a store a subclass breaks. */
  @Tag(TAG)
  abstract static class StandardOn extends SlaPolicyProperties {
    @Override
    protected SlaPolicies policies() {
      return SlaPolicies.standard();
    }
  }
}
