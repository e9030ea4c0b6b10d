package dev.ticketkit.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The detectors: truth tables of what each masks and leaves, the checksums against slow oracles,
 * and the false positives on a corpus of ordinary support text (recorded in docs/benchmarks.md).
 */
class RedactorTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      电话 13812345678 谢谢                 | 电话 [mobile] 谢谢
      call +86 138 1234 5678 now           | call [mobile] now
      call 0086-13812345678                | call [mobile]
      138-1234-5678                        | [mobile]
      12812345678                          | 12812345678
      138123456789                         | 138123456789
      SF13812345678                        | SF13812345678
      order#13812345678                    | order#13812345678
      a.b+c@example.co                     | [email]
      mail li@例子.cn                       | mail li@例子.cn
      11010519491231002X                   | [resident-id]
      110105194912310021                   | 110105194912310021
      110105194902300020                   | 110105194902300020
      4111111111111111                     | [bank-card]
      4111 1111 1111 1111                  | [bank-card]
      4111111111111112                     | 4111111111111112
      6222021234567890128                  | [bank-card]
      3111111111111117                     | 3111111111111117
      2024-11-15T10:30:45Z                 | 2024-11-15T10:30:45Z
      1731666645000                        | 1731666645000
      """)
  void standardMasksPersonalDataAndLeavesTheRest(String text, String masked) {
    assertThat(Redactor.standard().redact(text).text()).isEqualTo(masked);
  }

  @Test
  void countsSayWhatKindAndHowManyNeverTheValue() {
    Redaction r = Redactor.standard().redact("13812345678 or 13912345678, li@example.com");
    assertThat(r.text()).isEqualTo("[mobile] or [mobile], [email]");
    assertThat(r.counts()).isEqualTo(Map.of("mobile", 2, "email", 1));
    assertThat(r.summary()).isEqualTo("email=1, mobile=2");
    assertThat(r.total()).isEqualTo(3);
    assertThat(Redactor.standard().redact("nothing here").changed()).isFalse();
  }

  @Test
  void hostPatternsRunAfterTheBuiltIns() {
    Redactor r = Redactor.standard().with(Detector.pattern("member", "VIP-[0-9]{6}"));
    assertThat(r.redact("member VIP-123456 at 13812345678").text())
        .isEqualTo("member [member] at [mobile]");
    assertThat(r.findings("VIP-000001")).isEqualTo(Map.of("VIP-000001", "[member]"));
  }

  @Test
  void badDetectorsAreRejectedNamingTheField() {
    assertThatThrownBy(() -> Detector.pattern("Bad Name", "x"))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("name");
    assertThatThrownBy(() -> Detector.pattern("x", "("))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("regex");
    assertThatThrownBy(() -> Detector.pattern("x", "a*"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("empty");
    assertThatThrownBy(() -> Redactor.of(List.of(Detector.email(), Detector.email())))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("repeated");
  }

  @Property(tries = 500)
  void residentIdCheckAgreesWithTheStandardsFormula(@ForAll("eighteen") String id) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (id.charAt(i) - '0') * ((1 << (17 - i)) % 11);
    }
    char expected = "10X98765432".charAt(sum % 11);
    boolean dateOk;
    try {
      java.time.LocalDate.parse(id.substring(6, 14), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
      dateOk = true;
    } catch (java.time.format.DateTimeParseException e) {
      dateOk = false;
    }
    assertThat(Detector.isResidentId(id)).isEqualTo(dateOk && id.charAt(17) == expected);
  }

  @Provide
  Arbitrary<String> eighteen() {
    return Arbitraries.strings().numeric().ofLength(17).flatMap(body ->
        Arbitraries.of("0123456789X".chars().mapToObj(c -> body + (char) c).toList()));
  }

  @Property(tries = 500)
  void luhnAgreesWithTheSlowOracle(@ForAll("cardDigits") String digits) {
    int[] d = digits.chars().map(c -> c - '0').toArray();
    int sum = 0;
    for (int i = 0; i < d.length; i++) {
      int v = d[d.length - 1 - i] * (i % 2 + 1);
      sum += v / 10 + v % 10;
    }
    assertThat(Detector.isCardNumber(digits)).isEqualTo(sum % 10 == 0);
  }

  @Provide
  Arbitrary<String> cardDigits() {
    return Arbitraries.strings().numeric().ofMinLength(13).ofMaxLength(19);
  }

  /**
   * Ordinary support text is never masked and every planted value is: the corpus's negative
   * lines (order, tracking and reference numbers, timestamps, amounts) stay as they are.
   */
  @Test
  void corpusHasNoFalsePositivesAndNoMisses() throws IOException {
    List<String> lines = corpus();
    int negatives = 0;
    int positives = 0;
    List<String> falsePositives = new java.util.ArrayList<>();
    List<String> misses = new java.util.ArrayList<>();
    for (String line : lines) {
      String[] parts = line.split("\\|", 3);
      if (parts[0].equals("N")) {
        negatives++;
        if (Redactor.standard().redact(parts[1]).changed()) {
          falsePositives.add(parts[1]);
        }
      } else {
        positives++;
        Redaction r = Redactor.standard().redact(parts[2]);
        if (!r.counts().keySet().equals(new TreeSet<>(Arrays.asList(parts[1].split(","))))) {
          misses.add(parts[2] + " -> " + r.text());
        }
      }
    }
    System.out.printf("redaction corpus: %d ordinary lines, %d false positives; %d lines with"
        + " personal data, %d missed%n", negatives, falsePositives.size(), positives,
        misses.size());
    assertThat(negatives).isGreaterThan(400);
    assertThat(positives).isGreaterThan(60);
    assertThat(falsePositives).isEmpty();
    assertThat(misses).isEmpty();
  }

  static List<String> corpus() throws IOException {
    try (InputStream in = RedactorTest.class.getResourceAsStream("support-corpus.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
    }
  }
}
