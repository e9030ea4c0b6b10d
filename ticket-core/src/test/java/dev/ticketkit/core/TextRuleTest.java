package dev.ticketkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one text rule: well-formed Unicode without U+0000, limits in code points, errors that name
 * the field and show a short (for personal data, masked) excerpt; and the bounds of decimals.
 */
class TextRuleTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      a lone high surrogate at the end | ab\\uD83D        | must be well-formed Unicode: a lone surrogate (at character 3)
      a lone high surrogate inside     | a\\uD83Db         | must be well-formed Unicode: a lone surrogate (at character 2)
      a lone low surrogate             | a\\uDE00b         | must be well-formed Unicode: a lone surrogate (at character 2)
      a reversed pair                  | a\\uDE00\\uD83Db  | must be well-formed Unicode: a lone surrogate (at character 2)
      U+0000                           | 😱a\\u0000b        | must not contain U+0000 (at character 3)
      """)
  void illFormedTextIsRefusedNamingTheFieldAndWhere(String name, String escaped, String reason) {
    String text = unescape(escaped);
    for (TextRule rule : new TextRule[] {TextRule.text(100), TextRule.line(100),
        TextRule.identifier(100)}) {
      assertThatThrownBy(() -> rule.require("subject", text))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("subject");
            assertThat(e.getMessage()).startsWith("subject " + reason);
            assertThat(TextRule.isWellFormed(e.getMessage())).as("the message itself").isTrue();
          });
    }
    assertThat(TextRule.isWellFormed(text)).isFalse();
    assertThatThrownBy(() -> TextRule.wellFormed("history.after", text))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void pairsAreOneCharacterAndMayFillTheLimit() {
    String emoji = "😱".repeat(5);
    String chinese = "𠀀退".repeat(5);

    assertThat(TextRule.length(emoji)).isEqualTo(5);
    assertThat(TextRule.line(5).require("subject", emoji)).isEqualTo(emoji);
    assertThat(TextRule.text(10).require("subject", chinese)).isEqualTo(chinese);
    assertThatThrownBy(() -> TextRule.line(4).require("subject", emoji))
        .hasMessageContaining("at most 4 characters, was 5");
  }

  @Property(tries = 300)
  void theRuleAgreesWithAStrictUtf8Round(@ForAll("texts") String text) {
    boolean survivesUtf8 = new String(text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        java.nio.charset.StandardCharsets.UTF_8).equals(text);
    assertThat(TextRule.isWellFormed(text)).isEqualTo(survivesUtf8 && text.indexOf('\0') < 0);
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withChars('a', '退', '\0', '\uD83D', '\uDE00', '\uD840', '\uDC00')
        .ofMaxLength(8);
  }

  @Test
  void messagesShowAtMostFortyCharactersAndMaskPersonalValues() {
    String longText = "x".repeat(30) + "秘密".repeat(20) + "\n";
    InvalidInputException tooLong = catchInvalid(() -> TextRule.line(10).require("subject",
        longText));
    assertThat(tooLong.getMessage())
        .contains("\"" + "x".repeat(30) + "秘密".repeat(5) + "\"... (71 chars)")
        .doesNotContain("秘密".repeat(6));

    InvalidInputException name = catchInvalid(() -> Requester.of("r1", "Wang\nFang"));
    assertThat(name.field()).isEqualTo("requester.displayName");
    assertThat(name.getMessage()).doesNotContain("ang").contains("\"W***\" (9 chars, masked)");
    assertThat(name.value()).doesNotContain("Fang");

    InvalidInputException handle = catchInvalid(() -> ContactHandle.email("wang@x.cn\0"));
    assertThat(handle.getMessage()).doesNotContain("wang@x.cn");
  }

  @Test
  void everyTextValueFollowsTheRule() {
    String bad = "a\uD800b";
    assertField("attachment.uri", () -> Attachment.of(URI.create("https://f.example/" + bad),
        "a.png", "image/png", 1));
    assertField("attachment.name", () -> Attachment.of(URI.create("https://f.example/a"),
        bad, "image/png", 1));
    assertField("category.segments[0]", () -> Category.of(bad));
    assertField("tag", () -> Tag.of(bad));
    assertField("customField.text", () -> CustomFieldValue.parse("text:" + bad));
    assertField("rating.comment", () -> Rating.parse("NEUTRAL: " + bad));
    assertField("actor.id", () -> Actor.parse("agent:" + bad));
    assertField("agentId", () -> AgentId.of(bad));
    assertField("requester.id", () -> Requester.of(bad, "R"));
    assertField("contactHandle.value", () -> ContactHandle.parse("im:" + bad));
    assertField("message.body", () -> Message.of(Channel.EMAIL, bad));
    assertField("subject", () -> NewTicket.builder().subject(bad));
    assertField("resolutionSummary", () -> TicketEdit.builder().resolutionSummary(bad));
    assertField("requesterId", () -> dev.ticketkit.core.store.TicketQuery.builder()
        .requesterId(bad));
  }

  @Test
  void decimalsAreBoundedBeforeTheyAreExpanded() {
    assertField("customField.decimal", () -> CustomFieldValue.parse("decimal:1e10000000"));
    assertField("customField.decimal", () -> CustomFieldValue.parse("decimal:1e-10000000"));
    assertField("customField.decimal", () -> CustomFieldValue.parse("decimal:" + "9".repeat(65)));
    assertField("customField.decimal",
        () -> CustomFieldValue.decimal(new BigDecimal("1" + "0".repeat(38))));
    assertField("customField.decimal",
        () -> CustomFieldValue.decimal(new BigDecimal("0." + "1".repeat(19))));
    assertField("customField.decimal", () -> CustomFieldValue.decimal(new BigDecimal("1E+38")));

    assertThat(CustomFieldValue.parse("decimal:" + "9".repeat(38))).hasToString(
        "decimal:" + "9".repeat(38));
    assertThat(CustomFieldValue.parse("decimal:0." + "1".repeat(18))).hasToString(
        "decimal:0." + "1".repeat(18));
    assertThat(CustomFieldValue.parse("decimal:1E+37")).hasToString(
        "decimal:1" + "0".repeat(37));
    assertThat(CustomFieldValue.parse("decimal:-12.50")).hasToString("decimal:-12.50");
  }

  private static void assertField(String field, Runnable call) {
    assertThat(catchInvalid(call).field()).isEqualTo(field);
  }

  private static InvalidInputException catchInvalid(Runnable call) {
    try {
      call.run();
    } catch (InvalidInputException e) {
      return e;
    }
    throw new AssertionError("no InvalidInputException");
  }

  private static String unescape(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      if (text.startsWith("\\u", i)) {
        out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
        i += 5;
      } else {
        out.append(text.charAt(i));
      }
    }
    return out.toString();
  }
}
