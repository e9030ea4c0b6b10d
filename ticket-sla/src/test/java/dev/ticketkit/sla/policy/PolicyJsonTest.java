package dev.ticketkit.sla.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.Priority;
import dev.ticketkit.sla.clock.SlaMetric;
import dev.ticketkit.sla.escalation.EscalationAction;
import dev.ticketkit.sla.escalation.EscalationLadder;
import dev.ticketkit.sla.escalation.LevelTrigger;
import dev.ticketkit.sla.escalation.TicketTrigger;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The policy JSON form: what it reads, and the path and value of every error. */
class PolicyJsonTest {

  private static final SlaCalendars CALENDARS = SlaCalendars.standard();

  private static SlaPolicies read(String json) {
    return SlaPolicies.fromJson(json, CALENDARS);
  }

  private static String policy(String inner) {
    return "{\"policies\":[{\"id\":\"p\",\"calendar\":\"cn-mainland\"" + inner + "}]}";
  }

  @Test
  void theStandardPoliciesLoad() {
    SlaPolicies standard = SlaPolicies.standard();
    SlaPolicy p = standard.policies().get(0);
    assertThat(p.id()).isEqualTo("standard");
    EscalationLadder ladder = p.ladder(SlaMetric.RESOLUTION, Priority.HIGH);
    assertThat(ladder.levels()).extracting(l -> l.trigger().toString())
        .containsExactly("50%", "80%", "breach", "breach+PT1H");
    assertThat(p.rules(TicketTrigger.URGENT_FLAGGED)).hasSize(1);
  }

  @Test
  void arrivalRulesAreTriedInOrder() {
    SlaPolicies p = read(policy(",\"targets\":{\"FIRST_RESPONSE\":{\"*\":["
        + "{\"if\":{\"days\":[\"saturday\"],\"time\":\"22:00-06:00\"},\"within\":\"2h\"},"
        + "{\"if\":{\"workingTime\":false},\"within\":\"1h\",\"calendar\":\"24x7\"},"
        + "{\"within\":\"PT15M\"}]}}"));
    SlaPolicy policy = p.policies().get(0);
    Instant saturdayNight = Instant.parse("2026-03-07T15:00:00Z"); // 23:00 Shanghai
    Instant mondayNight = Instant.parse("2026-03-09T15:00:00Z");
    Instant mondayMorning = Instant.parse("2026-03-09T02:00:00Z");
    assertThat(target(policy, saturdayNight)).isEqualTo(Duration.ofHours(2));
    assertThat(target(policy, mondayNight)).isEqualTo(Duration.ofHours(1));
    assertThat(target(policy, mondayMorning)).isEqualTo(Duration.ofMinutes(15));
  }

  private static Duration target(SlaPolicy p, Instant arrival) {
    return p.target(SlaMetric.FIRST_RESPONSE, Priority.LOW, arrival, CALENDARS).orElseThrow()
        .target().target();
  }

  @Test
  void everyActionFormReads() {
    SlaPolicy p = read(policy(",\"escalations\":{\"RESOLUTION\":{\"URGENT\":[{\"at\":\"breach\","
        + "\"actions\":[{\"notify\":\"tier-lead\"},{\"reassign\":{\"tier\":3}},"
        + "{\"reassign\":{\"group\":\"billing-l2\"}},{\"reassign\":{\"nextTier\":true}},"
        + "{\"raisePriority\":\"high\"},{\"tag\":\"late\"},{\"callback\":\"page\"}]}]}}"))
        .policies().get(0);
    assertThat(p.ladder(SlaMetric.RESOLUTION, Priority.URGENT).levels().get(0).actions())
        .hasSize(7).hasAtLeastOneElementOfType(EscalationAction.Callback.class);
    assertThat(p.ladder(SlaMetric.RESOLUTION, Priority.LOW)).isEqualTo(EscalationLadder.NONE);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"policies\":[{\"id\":\"p\",\"calendar\":\"mars\"}]}|$.policies[0].calendar|\"mars\"",
      "{\"policies\":[{\"id\":\"p\",\"calendar\":\"24x7\",\"colour\":1}]}|$.policies[0].colour|1",
      "{\"policies\":[{\"calendar\":\"24x7\"}]}|$.policies[0].id|",
      "{\"policies\":{}}|$.policies|{}",
      "{\"policy\":[]}|$.policy|[]",
      "{\"policies\":[{\"id\":\"p\",\"calendar\":\"24x7\",\"targets\":{\"SPEED\":{\"*\":\"1h\"}}}]}"
          + "|$.policies[0].targets.SPEED|{\"*\":\"1h\"}",
      "{\"policies\":[{\"id\":\"p\",\"calendar\":\"24x7\",\"targets\":{\"RESOLUTION\":{\"HUGE\":\"1h\"}}}]}"
          + "|$.policies[0].targets.RESOLUTION.HUGE|\"1h\"",
      "{\"policies\":[{\"id\":\"p\",\"calendar\":\"24x7\",\"targets\":{\"RESOLUTION\":{\"*\":\"soon\"}}}]}"
          + "|$.policies[0].targets.RESOLUTION.*|\"soon\"",
      "{\"policies\":[{\"id\":\"p\",\"calendar\":\"24x7\",\"targets\":{\"RESOLUTION\":{\"*\":[{\"within\":\"0m\"}]}}}]}"
          + "|$.policies[0].targets.RESOLUTION.*[0].within|\"0m\"",
      "{\"policies\":[{\"id\":\"p\",\"calendar\":\"24x7\",\"targets\":{\"RESOLUTION\":{\"*\":{\"if\":{\"time\":\"9-5\"},\"within\":\"1h\"}}}}]}"
          + "|$.policies[0].targets.RESOLUTION.*.if.time|\"9-5\"",
      "{\"policies\":[{\"id\":\"p\",\"calendar\":\"24x7\",\"when\":{\"priority\":[\"SOON\"]}}]}"
          + "|$.policies[0].when.priority[0]|\"SOON\"",
      "{\"policies\":[{\"id\":\"p\",\"calendar\":\"24x7\",\"events\":[{\"on\":\"RAIN\",\"actions\":[]}]}]}"
          + "|$.policies[0].events[0].on|\"RAIN\"",
      "{\"policies\":[{\"id\":\"p\",\"calendar\":\"24x7\",\"escalations\":{\"RESOLUTION\":{\"*\":[{\"at\":\"120%\",\"actions\":[{\"tag\":\"x\"}]}]}}}]}"
          + "|$.policies[0].escalations.RESOLUTION.*[0].at|\"120%\"",
      "{\"policies\":[{\"id\":\"p\",\"calendar\":\"24x7\",\"escalations\":{\"RESOLUTION\":{\"*\":[{\"at\":\"breach\",\"actions\":[{\"tag\":\"x\",\"notify\":\"y\"}]}]}}}]}"
          + "|$.policies[0].escalations.RESOLUTION.*[0].actions[0]|{\"tag\":\"x\",\"notify\":\"y\"}",
      "{\"policies\":[{\"id\":\"p\",\"calendar\":\"24x7\"},{\"id\":\"p\",\"calendar\":\"24x7\"}]}"
          + "|$.policies[1].id|\"p\"",
  })
  void errorsNameTheJsonPathAndTheValue(String json, String path, String value) {
    assertThatThrownBy(() -> read(json))
        .isInstanceOfSatisfying(PolicyFormatException.class, e -> {
          assertThat(e.field()).isEqualTo(path);
          if (value != null) {
            assertThat(e.value()).isEqualTo(value);
          }
          assertThat(e.getMessage()).startsWith(path);
        });
  }

  @Test
  void textThatIsNotJsonNamesTheLineAndColumn() {
    assertThatThrownBy(() -> read("{\"policies\": [ }"))
        .isInstanceOfSatisfying(PolicyFormatException.class,
            e -> assertThat(e.field()).startsWith("$ (line 1, column"));
    assertThatThrownBy(() -> read("")).isInstanceOf(PolicyFormatException.class);
  }

  @Test
  void levelTriggersReadBackFromTheirText() {
    for (String text : new String[] {"50%", "80%", "12.5%", "breach", "breach+PT1H"}) {
      assertThat(LevelTrigger.parse(text).toString()).isEqualTo(text);
    }
    assertThat(LevelTrigger.parse("breach+1h")).isEqualTo(LevelTrigger.afterBreach(Duration.ofHours(1)));
  }
}
