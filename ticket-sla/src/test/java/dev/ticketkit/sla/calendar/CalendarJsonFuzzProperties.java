package dev.ticketkit.sla.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.jspecify.annotations.Nullable;

/**
 * Fuzzed JSON: random text and tree mutations of valid calendars and holiday sets. Reading either
 * succeeds (and then the value round-trips and computes) or throws {@link CalendarFormatException};
 * any other exception is a failure.
 */
class CalendarJsonFuzzProperties {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> CALENDARS = List.of(
      BusinessCalendars.chinaMainland().toJson(),
      RandomSpecs.spec(new Random(1)).toJson(),
      RandomSpecs.spec(new Random(2)).toJson(),
      TestCalendars.named("ny-night").toJson());
  private static final List<String> HOLIDAY_SETS = List.of(BusinessCalendars.chinaStatutoryHolidays().toJson());
  private static final String ALPHABET = "{}[]\",:-+.0123456789eE: \\\n\tazAZ\u0000\u00e9\u4e2d\ud800";
  private static final List<String> TOKENS = List.of("\"24:00\"", "\"00:00-24:00\"", "\"23:59:59-24:00:00\"",
      "\"2026-02-29\"", "\"1969-12-31\"", "\"MONDAY\"", "\"SUNDAY\"", "null", "true", "-1", "1e999", "[]", "{}",
      "\"\"", "\"Europe/London\"", "\"+18:00\"", "\"Z\"", "\"09:00-12:00\"", "\"12:00-09:00\"", "2026",
      "99999999999999999999", "\"2026-01-04\"", "\"2026-03-08\"", "\"2026-11-01\"", "\"2025-10-26\"",
      "\"2100-12-31\"", "\"1970-01-01\"", "\"22:00-24:00\"", "\"00:00-06:00\"", "\"02:30-03:00\"",
      "\"01:00-02:30\"", "\"13:30:15-18:00\"", "\"America/New_York\"", "\"Australia/Lord_Howe\"",
      "\"America/Santiago\"", "\"UTC\"");

  @Property(tries = 4000)
  void calendarParserLetsOnlyItsExceptionEscape(@ForAll long seed) {
    Random random = new Random(seed);
    String json = mutate(CALENDARS.get(random.nextInt(CALENDARS.size())), random);
    BusinessCalendar calendar = read(json, text -> random.nextBoolean() ? BusinessCalendar.fromJson(text)
        : BusinessCalendar.fromJson(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
    if (calendar != null) {
      assertThat(BusinessCalendar.fromJson(calendar.toJson())).isEqualTo(calendar);
      Duration worked = calendar.between(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"));
      assertThat(worked).isBetween(Duration.ZERO, Duration.ofDays(730));
      calendar.isWorkingDay(LocalDate.of(2026, 1, 4));
    }
  }

  @Property(tries = 1500)
  void holidaySetParserLetsOnlyItsExceptionEscape(@ForAll long seed) {
    Random random = new Random(seed);
    String json = mutate(HOLIDAY_SETS.get(0), random);
    HolidaySet set = read(json, HolidaySet::fromJson);
    if (set != null) {
      assertThat(HolidaySet.fromJson(set.toJson())).isEqualTo(set);
    }
  }

  @Property(tries = 500)
  void randomBytesAreRejectedWithTheDocumentedException(@ForAll byte[] bytes) {
    try {
      BusinessCalendar.fromJson(new ByteArrayInputStream(bytes));
    } catch (CalendarFormatException expected) {
      assertThat(expected.path()).startsWith("$");
    }
  }

  /** Reads the text; returns null when it is rejected with the documented exception, counting both outcomes. */
  private static <T> @Nullable T read(String json, Function<String, T> reader) {
    try {
      T value = reader.apply(json);
      Statistics.collect("accepted");
      return value;
    } catch (CalendarFormatException expected) {
      assertThat(expected.path()).startsWith("$");
      assertThat(expected.getMessage()).isNotBlank();
      Statistics.collect("rejected");
      return null;
    }
  }

  /** Applies one to four mutations, each either on the text or on the parsed tree. */
  static String mutate(String json, Random random) {
    String text = json;
    for (int n = random.nextInt(4) == 0 ? 2 + random.nextInt(3) : 1; n > 0; n--) {
      text = random.nextInt(3) == 0 ? mutateText(text, random) : mutateTree(text, random);
    }
    return text;
  }

  private static String mutateText(String text, Random random) {
    if (text.isEmpty()) {
      return String.valueOf(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    int at = random.nextInt(text.length());
    int end = Math.min(text.length(), at + 1 + random.nextInt(8));
    String piece = random.nextInt(3) == 0 ? TOKENS.get(random.nextInt(TOKENS.size()))
        : String.valueOf(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    return switch (random.nextInt(5)) {
      case 0 -> text.substring(0, at) + text.substring(end);
      case 1 -> text.substring(0, at) + piece + text.substring(at);
      case 2 -> text.substring(0, at) + piece + text.substring(end);
      case 3 -> text.substring(0, at);
      default -> text.substring(0, end) + text.substring(at);
    };
  }

  /** Replaces, removes or renames one random node of the tree; leaves unparsable text as it is. */
  private static String mutateTree(String text, Random random) {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (Exception unparsable) {
      return text;
    }
    List<JsonNode> containers = new ArrayList<>();
    collect(root, containers);
    if (containers.isEmpty()) {
      return text;
    }
    JsonNode container = containers.get(random.nextInt(containers.size()));
    if (container instanceof ObjectNode object && object.size() > 0) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      String name = names.get(random.nextInt(names.size()));
      switch (random.nextInt(3)) {
        case 0 -> object.remove(name);
        case 1 -> object.set(name + (char) ('a' + random.nextInt(26)), object.remove(name));
        default -> object.set(name, randomValue(random));
      }
    } else if (container instanceof ArrayNode array) {
      int choice = random.nextInt(3);
      if (array.size() > 0 && choice == 0) {
        array.remove(random.nextInt(array.size()));
      } else if (array.size() > 0 && choice == 1) {
        array.set(random.nextInt(array.size()), randomValue(random));
      } else {
        array.insert(array.size() == 0 ? 0 : random.nextInt(array.size()), randomValue(random));
      }
    }
    return root.toString();
  }

  private static void collect(JsonNode node, List<JsonNode> containers) {
    if (node.isContainerNode()) {
      containers.add(node);
      node.forEach(child -> collect(child, containers));
    }
  }

  /** A near-valid value half of the time (a range or a date that may clash), else a token of any type. */
  private static JsonNode randomValue(Random random) {
    if (random.nextBoolean()) {
      List<String> ranges = RandomSpecs.ranges(random);
      return JsonNodeFactory.instance.textNode(random.nextBoolean() ? ranges.get(0)
          : LocalDate.of(2025, 1, 1).plusDays(random.nextInt(730)).toString());
    }
    String token = TOKENS.get(random.nextInt(TOKENS.size()));
    try {
      return MAPPER.readTree(token);
    } catch (Exception e) {
      return JsonNodeFactory.instance.textNode(token);
    }
  }
}
