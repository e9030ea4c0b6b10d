package dev.ticketkit.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.ActorKind;
import dev.ticketkit.core.StatusCategory;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The workflow's JSON form: round trips, and malformed input named by JSON path and value. */
class WorkflowJsonTest {

  /** A small valid workflow; the malformed cases each break one thing in it. */
  static final String MINIMAL = """
      {
        "name": "mini",
        "initial": "OPEN",
        "autoCloseAfter": "P2D",
        "states": [
          {"name": "OPEN", "category": "NEW"},
          {"name": "DONE", "category": "CLOSED"}
        ],
        "transitions": [
          {"name": "finish", "from": ["OPEN"], "to": "DONE", "actors": ["AGENT", "SYSTEM"],
           "guards": [{"requiredField": "resolutionSummary"}], "effects": []}
        ],
        "triggers": {"AUTO_CLOSE": "finish"}
      }
      """;

  @Test
  void theStandardWorkflowRoundTrips() {
    Workflow standard = StandardWorkflow.create(Duration.ofDays(5));
    String json = WorkflowJson.write(standard);

    Workflow read = WorkflowJson.read(json);

    assertThat(read).isEqualTo(standard);
    assertThat(WorkflowJson.write(read)).isEqualTo(json);
    assertThat(read.autoCloseAfter()).isEqualTo(Duration.ofDays(5));
  }

  @Test
  void aHandWrittenWorkflowReads() {
    Workflow mini = WorkflowJson.read(MINIMAL);

    assertThat(mini.name()).isEqualTo("mini");
    assertThat(mini.initialStatus().category()).isEqualTo(StatusCategory.NEW);
    assertThat(mini.transition("finish").orElseThrow().actors())
        .containsExactlyInAnyOrder(ActorKind.AGENT, ActorKind.SYSTEM);
    assertThat(mini.autoCloseAfter()).isEqualTo(Duration.ofDays(2));
    assertThat(WorkflowJson.read(WorkflowJson.write(mini))).isEqualTo(mini);
  }

  @Test
  void optionalPartsMayBeLeftOut() {
    Workflow w = WorkflowJson.read("""
        {"name": "bare", "initial": "A", "states": [{"name": "A", "category": "NEW"}],
         "transitions": []}
        """);

    assertThat(w.autoCloseAfter()).isEqualTo(Workflow.DEFAULT_AUTO_CLOSE_AFTER);
    assertThat(w.triggers()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown state category  | "category": "CLOSED"}      | "category": "SOMETIMES"}  | $.states[1].category          | SOMETIMES
      lower-case state name   | "name": "DONE"            | "name": "done"            | $.states[1].name              | done
      repeated state          | "name": "DONE"            | "name": "OPEN"            | $.states[1].name              | OPEN
      unknown target          | "to": "DONE"              | "to": "LIMBO"             | $.transitions[0].to           | LIMBO
      unknown source          | "from": ["OPEN"]          | "from": ["LIMBO"]         | $.transitions[0].from         | LIMBO
      unknown actor kind      | "actors": ["AGENT",       | "actors": ["ROBOT",       | $.transitions[0].actors       | ROBOT
      unknown guard field     | "resolutionSummary"       | "colour"                  | $.transitions[0].guards[0].requiredField | colour
      unknown guard           | {"requiredField":         | {"mustBeSunny":           | $.transitions[0].guards[0].mustBeSunny | mustBeSunny
      unknown trigger         | "AUTO_CLOSE"              | "ON_FULL_MOON"            | $.triggers.ON_FULL_MOON       | ON_FULL_MOON
      trigger to nothing      | {"AUTO_CLOSE": "finish"}  | {"AUTO_CLOSE": "vanish"}  | $.triggers.AUTO_CLOSE         | vanish
      bad duration            | "P2D"                     | "two days"                | $.autoCloseAfter              | two days
      unknown initial         | "initial": "OPEN"         | "initial": "DONE"         | $.initial                     | DONE
      number for a name       | "name": "mini"            | "name": 42                | $.name                        | 42
      array for triggers      | {"AUTO_CLOSE": "finish"}  | ["AUTO_CLOSE"]            | $.triggers                    | AUTO_CLOSE
      unknown key             | "name": "mini",           | "name": "mini", "colour": 1, | $.colour                   | colour
      bad transition name     | "name": "finish"          | "name": "Finish!"         | $.transitions[0].name         | Finish!
      empty from              | "from": ["OPEN"]          | "from": []                | $.transitions[0]              |
      """)
  void malformedPartsAreNamedByPathAndValue(
      String name, String find, String replace, String path, String value) {
    String json = MINIMAL.replace(find, replace);
    assertThat(json).as("the case must change the JSON").isNotEqualTo(MINIMAL);

    assertThatThrownBy(() -> WorkflowJson.read(json))
        .isInstanceOfSatisfying(WorkflowFormatException.class, e -> {
          assertThat(e.path()).isEqualTo(path);
          if (value != null) {
            assertThat(e.value()).contains(value);
          }
        });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      not JSON           | name: mini                   | 1
      unclosed object    | {"name": "mini"              | 1
      duplicate key      | {"name": "a", "name": "b"}   | 1
      trailing content   | {"name": "a"} extra          | 1
      """)
  void syntaxErrorsGiveLineAndColumn(String name, String json, int line) {
    assertThatThrownBy(() -> WorkflowJson.read(json))
        .isInstanceOfSatisfying(WorkflowFormatException.class, e -> {
          assertThat(e.path()).isEqualTo("$");
          assertThat(e.line()).isEqualTo(line);
          assertThat(e.column()).isPositive();
        });
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      ''
      '   '
      []
      'null'
      '"a string"'
      42
      """)
  void nonObjectsAreRefusedAtTheRoot(String json) {
    assertThatThrownBy(() -> WorkflowJson.read(json))
        .isInstanceOfSatisfying(WorkflowFormatException.class,
            e -> assertThat(e.path()).isEqualTo("$"));
  }

  @Test
  void nullIsRefused() {
    assertThatThrownBy(() -> WorkflowJson.read(null)).isInstanceOf(WorkflowFormatException.class);
  }

  @Test
  void semanticRulesApplyToJsonToo() {
    String returnWithoutRemember = MINIMAL.replace("\"to\": \"DONE\"", "\"to\": \"@previous\"");

    assertThatThrownBy(() -> WorkflowJson.read(returnWithoutRemember))
        .isInstanceOfSatisfying(WorkflowFormatException.class,
            e -> assertThat(e.path()).isEqualTo("$.transitions[0].from"));
  }
}
