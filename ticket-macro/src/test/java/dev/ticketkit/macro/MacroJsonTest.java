package dev.ticketkit.macro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.Category;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.Tag;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The macro JSON form: read, written back equal, and every error a typed one naming the path. */
class MacroJsonTest {

  @Test
  void readsEveryPartOfTheDocumentedForm() {
    Macro m = MacroJson.read(MacrosTest.REFUND_JSON);

    assertThat(m.id()).isEqualTo("refund-approved");
    assertThat(m.title()).isEqualTo("退款已批准 / Refund approved");
    assertThat(m.defaultLocale()).isEqualTo(Locale.forLanguageTag("zh-CN"));
    assertThat(m.replies().keySet()).containsExactly(Locale.forLanguageTag("zh-CN"),
        Locale.ENGLISH);
    assertThat(m.variables(Locale.ENGLISH)).containsExactlyInAnyOrder(MacroVariable.values());
    assertThat(m.transition()).contains("diagnose");
    assertThat(m.addTags()).containsExactly(Tag.of("refund"), Tag.of("退款"));
    assertThat(m.removeTags()).containsExactly(Tag.of("triage"));
    assertThat(m.priority()).contains(Priority.HIGH);
    assertThat(m.category()).contains(Category.parse("payment/refund"));
  }

  @Test
  void writesTheFormThatReadsBackEqual() {
    Macro m = MacroJson.read(MacrosTest.REFUND_JSON);
    assertThat(MacroJson.read(MacroJson.write(m))).isEqualTo(m);
    Macro minimal = MacroJson.read("""
        {"id": "thanks", "title": "Thanks", "reply": {"en": "Thanks {{requesterName}}"}}""");
    assertThat(minimal.defaultLocale()).isEqualTo(Locale.ENGLISH);
    assertThat(minimal.transition()).isEmpty();
    assertThat(minimal.priority()).isEmpty();
    assertThat(MacroJson.read(MacroJson.write(minimal))).isEqualTo(minimal);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "not JSON | {\"id\": | $ | {\"id\":",
      "unknown key | {\"id\": \"a\", \"title\": \"t\", \"reply\": {\"en\": \"x\"}, \"tags\": []}"
          + " | $.tags | tags",
      "bad id | {\"id\": \"A B\", \"title\": \"t\", \"reply\": {\"en\": \"x\"}} | $.id | A B",
      "no title | {\"id\": \"a\", \"reply\": {\"en\": \"x\"}} | $.title | null",
      "no template | {\"id\": \"a\", \"title\": \"t\", \"reply\": {}} | $.reply | {}",
      "bad locale | {\"id\": \"a\", \"title\": \"t\", \"reply\": {\"zh_CN!\": \"x\"}}"
          + " | $.reply.zh_CN! | zh_CN!",
      "unknown variable | {\"id\": \"a\", \"title\": \"t\", \"reply\": {\"en\": \"Hi {{name}}\"}}"
          + " | $.reply.en | {{name}}",
      "section | {\"id\": \"a\", \"title\": \"t\","
          + " \"reply\": {\"en\": \"{{#dueTime}}by {{dueTime}}{{/dueTime}}\"}} | $.reply.en | section",
      "partial | {\"id\": \"a\", \"title\": \"t\", \"reply\": {\"en\": \"{{> /etc/passwd}}\"}}"
          + " | $.reply.en | {{> /etc/passwd}}",
      "unclosed tag | {\"id\": \"a\", \"title\": \"t\", \"reply\": {\"en\": \"Hi {{agentName\"}}"
          + " | $.reply.en | Mustache",
      "blank template | {\"id\": \"a\", \"title\": \"t\", \"reply\": {\"en\": \"  \"}} | $.reply.en"
          + " | blank",
      "default without template | {\"id\": \"a\", \"title\": \"t\", \"defaultLocale\": \"fr\","
          + " \"reply\": {\"en\": \"x\"}} | $.defaultLocale | fr",
      "bad priority | {\"id\": \"a\", \"title\": \"t\", \"reply\": {\"en\": \"x\"},"
          + " \"changes\": {\"priority\": \"ASAP\"}} | $.changes.priority | ASAP",
      "bad transition | {\"id\": \"a\", \"title\": \"t\", \"reply\": {\"en\": \"x\"},"
          + " \"changes\": {\"transition\": \"Go Now\"}} | $.changes.transition | Go Now",
      "tags not array | {\"id\": \"a\", \"title\": \"t\", \"reply\": {\"en\": \"x\"},"
          + " \"changes\": {\"addTags\": \"vip\"}} | $.changes.addTags | vip",
      "tag added and removed | {\"id\": \"a\", \"title\": \"t\", \"reply\": {\"en\": \"x\"},"
          + " \"changes\": {\"addTags\": [\"vip\"], \"removeTags\": [\"vip\"]}}"
          + " | $.changes.removeTags | vip",
      "bad category | {\"id\": \"a\", \"title\": \"t\", \"reply\": {\"en\": \"x\"},"
          + " \"changes\": {\"category\": \"//\"}} | $.changes.category | //",
      "number for text | {\"id\": 7, \"title\": \"t\", \"reply\": {\"en\": \"x\"}} | $.id | 7",
      "duplicate key | {\"id\": \"a\", \"id\": \"b\", \"title\": \"t\", \"reply\": {\"en\": \"x\"}}"
          + " | $ | Duplicate"})
  void everyErrorNamesThePathAndTheValue(String name, String json, String path, String shown) {
    assertThatThrownBy(() -> MacroJson.read(json))
        .isInstanceOfSatisfying(MacroFormatException.class, e -> {
          assertThat(e.path()).isEqualTo(path);
          assertThat(e.getMessage()).contains(shown);
        });
  }

  @Test
  void nullIsAFormatError() {
    assertThatThrownBy(() -> MacroJson.read(null)).isInstanceOf(MacroFormatException.class);
  }

  /** Fuzzing: a mangled macro either reads or fails with the documented exception only. */
  @Property(tries = 400)
  void aMangledMacroFailsOnlyWithAFormatError(@ForAll("mangled") String json) {
    try {
      Macro m = MacroJson.read(json);
      assertThat(MacroJson.read(MacroJson.write(m))).isEqualTo(m);
    } catch (MacroFormatException expected) {
      assertThat(expected.path()).startsWith("$");
    }
  }

  @Provide
  Arbitrary<String> mangled() {
    String base = MacrosTest.REFUND_JSON;
    Arbitrary<Integer> at = Arbitraries.integers().between(0, base.length() - 1);
    Arbitrary<String> insert = Arbitraries.of("{{", "}}", "{{#x}}", "\"", ",", "{", "}", "[",
        "]", "{{{", "\\u0000", "\\ud800", "null", "7", "", "{{agentName}}", "{{>p}}", "{{!c}}");
    return net.jqwik.api.Combinators.combine(at, at, insert).as((from, to, text) -> {
      int a = Math.min(from, to);
      int b = Math.min(Math.max(from, to), a + 3);
      return base.substring(0, a) + text + base.substring(b);
    });
  }

  @Test
  void theKnownVariablesAreTheDocumentedOnes() {
    assertThat(Set.of(MacroVariable.values())).extracting(MacroVariable::key)
        .containsExactlyInAnyOrder("requesterName", "ticketNumber", "dueTime", "agentName");
    assertThat(MacroVariable.ofKey("nope")).isEmpty();
  }
}
