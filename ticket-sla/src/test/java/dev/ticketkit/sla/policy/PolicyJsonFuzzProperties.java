package dev.ticketkit.sla.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzes the policy reader with mutations of the standard document: only
 * {@link PolicyFormatException} may escape, and what reads must be usable.
 */
class PolicyJsonFuzzProperties {

  private static final String STANDARD = standardText();
  private static final String[] TOKENS = {"{", "}", "[", "]", ",", ":", "\"", "null", "true",
      "-1", "1e999", "\"*\"", "\"PT-1H\"", "\"0%\"", "\"breach+\"", "\"\"", "\"URGENT\"",
      "\"24x7\"", "{}", "[]", "\"\\u0000\"", "99999999999999999999", "\"SATURDAY\""};

  private static String standardText() {
    try (InputStream in = SlaPolicies.class.getResourceAsStream("standard-policies.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  record Edit(int position, int cut, String insert) {}

  @Provide
  Arbitrary<java.util.List<Edit>> edits() {
    Arbitrary<String> insert = Arbitraries.oneOf(Arbitraries.of(TOKENS),
        Arbitraries.strings().ofMaxLength(6));
    return net.jqwik.api.Combinators.combine(
        Arbitraries.integers().between(0, STANDARD.length()),
        Arbitraries.integers().between(0, 12), insert).as(Edit::new).list().ofMinSize(1).ofMaxSize(4);
  }

  @Property(tries = 600)
  void onlyPolicyFormatExceptionEscapes(@ForAll("edits") java.util.List<Edit> edits) {
    StringBuilder text = new StringBuilder(STANDARD);
    for (Edit e : edits) {
      int at = Math.min(e.position(), text.length());
      int end = Math.min(text.length(), at + e.cut());
      text.replace(at, end, e.insert());
    }
    try {
      SlaPolicies read = SlaPolicies.fromJson(text.toString(), SlaCalendars.standard());
      assertThat(read.policies()).allSatisfy(p -> assertThat(p.id()).isNotBlank());
    } catch (PolicyFormatException expected) {
      assertThat(expected.field()).startsWith("$");
    }
  }
}
