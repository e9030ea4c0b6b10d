package dev.ticketkit.testkit.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestExecutionResult;

/**
 * Each ready SLA property can fail: run on a deliberately broken policy, calendar or store, jqwik
 * finds a story that breaks it, and the failure is that property's own assertion, with its
 * title and the detail that names the broken thing, not an unrelated exception.
 */
class BrokenInputsTest {

  static Stream<Arguments> brokenInputs() {
    return Stream.of(
        Arguments.of(BrokenInputs.UrgentSlowerThanHigh.class, "priorityUpgradeNeverMakesDueLater",
            SlaChecks.UPGRADE_NOT_LATER, "policy 'inverted'"),
        Arguments.of(BrokenInputs.CalendarWithoutWorkingTime.class, "everyClockGetsADueInstant",
            SlaChecks.DUE_IN_RANGE, "no due instant could be computed"),
        Arguments.of(BrokenInputs.NoCatchAllPolicy.class, "explainNamesTheChosenRule",
            SlaChecks.EXPLAIN_NAMES_RULE, "matches no policy, yet"),
        Arguments.of(BrokenInputs.DoubleFiringStore.class, "levelFiresAtMostOnce",
            EscalationChecks.FIRES_AT_MOST_ONCE, "handed over twice"),
        Arguments.of(BrokenInputs.ElapsedRoundedUpStore.class, "pauseNeverBringsDueEarlier",
            SlaChecks.PAUSE_NOT_EARLIER, "with target"),
        Arguments.of(BrokenInputs.ElapsedRoundedUpStore.class, "elapsedNeverExceedsWallTime",
            SlaChecks.ELAPSED_WITHIN_WALL, "of business time but ran only"),
        Arguments.of(BrokenInputs.DueShiftedStore.class, "dueIsNeverBeforeStart",
            SlaChecks.DUE_NOT_BEFORE_START, "but is due"),
        Arguments.of(BrokenInputs.StaleScheduleStore.class, "onlyRunningClocksEscalate",
            EscalationChecks.ONLY_RUNNING_ESCALATES, "handed over while its clock was"),
        Arguments.of(BrokenInputs.MetAtDueBreachedStore.class, "stopAtDueIsMet",
            SlaChecks.STOP_AT_DUE_IS_MET, "its due instant, and is BREACHED"),
        Arguments.of(BrokenInputs.BreachForgottenStore.class, "breachedClockStaysBreached",
            SlaChecks.BREACHED_STAYS, "was BREACHED after"));
  }

  @ParameterizedTest(name = "{1} fails on {0}")
  @MethodSource("brokenInputs")
  void thePropertyFailsWithItsOwnAssertion(Class<? extends SlaPolicyProperties> suite,
      String property, String title, String detail) {
    TestExecutionResult result = PropertyRunner.run(suite, property);
    assertThat(result.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
    Throwable failure = result.getThrowable().orElseThrow();
    assertThat(failure).isInstanceOf(AssertionError.class);
    assertThat(failure.getMessage()).startsWith("[" + title + "]").contains(detail);
  }

  @ParameterizedTest(name = "{0} passes on the standard policies")
  @MethodSource("brokenInputs")
  void theSamePropertyPassesOnTheStandardPolicies(Class<?> suite, String property) {
    TestExecutionResult result = PropertyRunner.run(StandardPolicyProperties.class, property);
    assertThat(result.getStatus()).as(property).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
  }

  @org.junit.jupiter.api.Test
  void aCounterexampleShrinksToAFewReadableSteps() {
    Throwable failure = PropertyRunner.run(BrokenInputs.UrgentSlowerThanHigh.class,
        "priorityUpgradeNeverMakesDueLater").getThrowable().orElseThrow();
    String story = failure.getMessage().substring(failure.getMessage().indexOf("story: "),
        failure.getMessage().indexOf("what happened:"));
    // Shrinking is random: the minimal story is two steps (open, raise the priority), but a seed
    // can leave a few harmless steps behind (five were seen). A story of up to MAX_STEPS (20)
    // steps that did not shrink would show steps 7 and later.
    assertThat(story).contains("1. +").contains("priority -> ").doesNotContain("\n  7. ");
  }

  @org.junit.jupiter.api.Test
  void aHostLeavesAPropertyOutByOverridingItWithoutTheAnnotation() {
    List<TestExecutionResult> results = PropertyRunner.runAll(BrokenInputs.WithoutExplain.class);
    // the ten properties less the one left out
    assertThat(results).hasSize(9).allMatch(r ->
        r.getStatus() == TestExecutionResult.Status.SUCCESSFUL);
  }

  @org.junit.jupiter.api.Test
  void aHostSetsTheTriesWithPropertyDefaultsOnItsClass() {
    BrokenInputs.SevenTries.PLAYED.set(0);
    TestExecutionResult result =
        PropertyRunner.run(BrokenInputs.SevenTries.class, "dueIsNeverBeforeStart");
    assertThat(result.getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
    assertThat(BrokenInputs.SevenTries.PLAYED.get()).isEqualTo(7);
  }
}
