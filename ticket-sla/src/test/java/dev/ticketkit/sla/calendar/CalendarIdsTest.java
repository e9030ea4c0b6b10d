package dev.ticketkit.sla.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TextRule;
import java.time.ZoneOffset;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Calendar and holiday-set ids follow the one text rule (ticket-core's {@code TextRule.line(200)})
 * although the calendar package cannot call it: in the builder and in both JSON forms, with the
 * path named.
 */
class CalendarIdsTest {

  private static final TextRule RULE = TextRule.line(200);

  @Property(tries = 2000)
  void theCalendarsIdRuleGivesTheTextRulesAnswers(@ForAll("ids") String id) {
    boolean textRule = accepts(() -> RULE.require("id", id));
    boolean calendar = accepts(() -> CalendarIds.check("$.id", id));
    assertThat(calendar).as("id %s", id.codePoints().mapToObj(Integer::toHexString).toList())
        .isEqualTo(textRule);
  }

  @Provide
  Arbitrary<String> ids() {
    Arbitrary<Character> hostile = Arbitraries.of('\u0000', '\ud800', '\udc00', '\n', '\u007f',
        '\u0085', ' ', 'a', '\u4e2d', '\ud83d', '\ude00');
    Arbitrary<String> mixed = Arbitraries.strings().withChars('a', 'b', '-').withCharRange('\u0000', '\u00a0')
        .ofMinLength(0).ofMaxLength(8);
    Arbitrary<String> fromHostile = hostile.list().ofMaxSize(6)
        .map(cs -> cs.stream().map(String::valueOf).reduce("", String::concat));
    Arbitrary<String> lengths = Arbitraries.integers().between(195, 205)
        .map(n -> "\u4e2d".repeat(n));
    Arbitrary<String> emoji = Arbitraries.integers().between(195, 205)
        .map(n -> "\ud83d\ude00".repeat(n));
    return Arbitraries.oneOf(mixed, fromHostile, lengths, emoji);
  }

  private static boolean accepts(Runnable check) {
    try {
      check.run();
      return true;
    } catch (InvalidInputException | CalendarFormatException e) {
      return false;
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"cn\\ud800", "cn\\u0000", "cn\\udc00x"})
  void theJsonFormsRefuseIllFormedIdsNamingThePath(String id) {
    String calendar = "{\"id\":\"" + id + "\",\"zone\":\"UTC\",\"weekly\":{}}";
    assertThatThrownBy(() -> BusinessCalendar.fromJson(calendar))
        .isInstanceOf(CalendarFormatException.class).hasMessageContaining("$.id");
    assertThatThrownBy(() -> BusinessCalendar.builder(id.replace("\\ud800", "\ud800")
        .replace("\\u0000", "\u0000").replace("\\udc00", "\udc00"), ZoneOffset.UTC))
        .isInstanceOf(CalendarFormatException.class).hasMessageContaining("builder(id)");
  }

  @Test
  void aLongIdIsRefusedAndTheLimitIsInCodePoints() {
    assertThat(BusinessCalendar.builder("\ud83d\ude00".repeat(200), ZoneOffset.UTC).build().id())
        .hasSize(400);
    assertThatThrownBy(() -> BusinessCalendar.builder("x".repeat(201), ZoneOffset.UTC))
        .isInstanceOf(CalendarFormatException.class).hasMessageContaining("200 code points");
  }
}
