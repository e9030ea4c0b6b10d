package dev.ticketkit.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzes the workflow JSON reader: whatever the input, it returns a workflow or throws
 * {@link WorkflowFormatException}, never anything else.
 */
class WorkflowJsonFuzzProperties {

  private static final String STANDARD = WorkflowJson.write(StandardWorkflow.create());
  private static final String[] TOKENS = {"{", "}", "[", "]", ",", ":", "\"", "null", "true",
      "1e999", "-0", "\"@previous\"", "\"NEW\"", "\"\"", "\\u0000", "\n", "\"P-1D\"", "[[[[",
      "\"requiredField\"", "\"ratingIn\"", "\"custom.x\"", "\"custom.\"", "\"AGENT\""};

  @Property(tries = 1000)
  void arbitraryTextOnlyEverYieldsTheDocumentedException(@ForAll String text) {
    assertOnlyDocumentedFailure(text);
  }

  @Property(tries = 3000)
  void mutatedValidJsonOnlyEverYieldsTheDocumentedException(@ForAll("mutants") String json) {
    assertOnlyDocumentedFailure(json);
  }

  @Property(tries = 200)
  void writtenWorkflowsReadBackEqual(@ForAll("delays") Duration delay) {
    Workflow w = StandardWorkflow.create(delay);
    assertThat(WorkflowJson.read(WorkflowJson.write(w))).isEqualTo(w);
  }

  @Provide
  Arbitrary<Duration> delays() {
    return Arbitraries.longs().between(1, 10_000_000L).map(Duration::ofSeconds);
  }

  @Provide
  Arbitrary<String> mutants() {
    Arbitrary<Integer> at = Arbitraries.integers().between(0, STANDARD.length());
    Arbitrary<Integer> length = Arbitraries.integers().between(0, 12);
    Arbitrary<String> insert = Arbitraries.oneOf(Arbitraries.of(TOKENS),
        Arbitraries.strings().ofMaxLength(4));
    Arbitrary<String> oneMutation = Combinators.combine(at, length, insert).as((i, n, s) -> {
      int end = Math.min(STANDARD.length(), i + n);
      return STANDARD.substring(0, i) + s + STANDARD.substring(end);
    });
    Arbitrary<String> swappedValue = Combinators.combine(Arbitraries.of(TOKENS),
        Arbitraries.of(TOKENS)).as((a, b) -> STANDARD.replaceFirst(
            java.util.regex.Pattern.quote(a), java.util.regex.Matcher.quoteReplacement(b)));
    return Arbitraries.oneOf(oneMutation, swappedValue);
  }

  private static void assertOnlyDocumentedFailure(String json) {
    try {
      WorkflowJson.read(json);
    } catch (WorkflowFormatException expected) {
      assertThat(expected.path()).startsWith("$");
      assertThat(expected.getMessage()).isNotBlank();
    }
  }
}
