package dev.ticketkit.sla.calendar;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads and writes the JSON forms of {@link BusinessCalendar} and {@link HolidaySet}. Reading walks
 * a Jackson tree by hand so that every failure is a {@link CalendarFormatException} naming the JSON
 * path and the bad value. Stateless and thread-safe.
 */
final class CalendarJson {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();
  private static final Set<String> CALENDAR_FIELDS = Set.of("id", "zone", "weekly", "holidays", "workingDays");
  private static final Set<String> HOLIDAY_SET_FIELDS =
      Set.of("id", "source", "firstYear", "lastYear", "holidays", "makeUpWorkingDays");

  private CalendarJson() {
  }

  static JsonNode readTree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw syntax(e.getOriginalMessage(), e.getLocation());
    } catch (RuntimeException e) {
      throw syntax(String.valueOf(e.getMessage()), null);
    }
  }

  static JsonNode readTree(InputStream json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw syntax(e.getOriginalMessage(), e.getLocation());
    } catch (CharConversionException | RuntimeException e) {
      throw syntax(String.valueOf(e.getMessage()), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CalendarFormatException syntax(String problem, JsonLocation at) {
    String where = at == null ? "$" : "$ (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    return new CalendarFormatException(where, String.valueOf(problem), "not valid JSON");
  }

  static BusinessCalendar readCalendar(JsonNode root) {
    checkFields(root, "$", CALENDAR_FIELDS);
    String id = id(root.get("id"));
    ZoneId zone = zone(root.get("zone"));
    Map<DayOfWeek, List<LocalTimeRange>> weekly = weekly(root.get("weekly"));
    List<LocalDate> holidays = dates(root.get("holidays"), "$.holidays");
    Map<LocalDate, List<LocalTimeRange>> workingDays = workingDays(root.get("workingDays"));
    for (LocalDate date : workingDays.keySet()) {
      if (holidays.contains(date)) {
        throw new CalendarFormatException("$.workingDays." + date, '"' + date.toString() + '"',
            "a date cannot be both a holiday and a working day");
      }
    }
    return new BusinessCalendar(new Schedule(id, zone, weekly, holidays, workingDays));
  }

  static HolidaySet readHolidaySet(JsonNode root) {
    checkFields(root, "$", HOLIDAY_SET_FIELDS);
    String id = id(root.get("id"));
    JsonNode source = root.get("source");
    String sourceText = source == null ? "" : text(source, "$.source");
    int firstYear = year(root.get("firstYear"), "$.firstYear");
    int lastYear = year(root.get("lastYear"), "$.lastYear");
    List<LocalDate> holidays = dates(root.get("holidays"), "$.holidays");
    List<LocalDate> makeUp = dates(root.get("makeUpWorkingDays"), "$.makeUpWorkingDays");
    return HolidaySet.of(id, sourceText, firstYear, lastYear, holidays, makeUp, "$.");
  }

  /** Requires an object whose field names are all in {@code allowed}. */
  private static void checkFields(JsonNode node, String path, Set<String> allowed) {
    if (node == null || !node.isObject()) {
      throw wrongType(node, path, "expected a JSON object");
    }
    for (Map.Entry<String, JsonNode> property : node.properties()) {
      String name = property.getKey();
      if (!allowed.contains(name)) {
        throw new CalendarFormatException(path + "." + name, '"' + name + '"',
            "unknown field; expected one of " + new TreeSet<>(allowed));
      }
    }
  }

  private static CalendarFormatException wrongType(JsonNode node, String path, String expected) {
    String value = node == null ? "(missing)" : node.isMissingNode() ? "(empty document)" : node.toString();
    return new CalendarFormatException(path, value, expected);
  }

  private static String text(JsonNode node, String path) {
    if (node == null || !node.isTextual()) {
      throw wrongType(node, path, "expected a string");
    }
    return node.textValue();
  }

  private static String id(JsonNode node) {
    return CalendarIds.check("$.id", text(node, "$.id"));
  }

  private static ZoneId zone(JsonNode node) {
    String zone = text(node, "$.zone");
    try {
      return ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new CalendarFormatException("$.zone", node.toString(), "unknown time zone");
    }
  }

  private static int year(JsonNode node, String path) {
    if (node == null || !node.isIntegralNumber() || !node.canConvertToInt()) {
      throw wrongType(node, path, "expected a year, such as 2026");
    }
    return node.intValue();
  }

  private static LocalDate date(JsonNode node, String path) {
    return date(text(node, path), node.toString(), path);
  }

  private static LocalDate date(String text, String json, String path) {
    try {
      return Schedule.checkDate(LocalDate.parse(text), path);
    } catch (DateTimeParseException e) {
      throw new CalendarFormatException(path, json, "expected a date yyyy-MM-dd");
    }
  }

  /** Reads an optional array of distinct dates. */
  private static List<LocalDate> dates(JsonNode node, String path) {
    List<LocalDate> dates = new ArrayList<>();
    if (node == null) {
      return dates;
    }
    if (!node.isArray()) {
      throw wrongType(node, path, "expected an array of dates");
    }
    Set<LocalDate> seen = new TreeSet<>();
    for (int i = 0; i < node.size(); i++) {
      LocalDate date = date(node.get(i), path + "[" + i + "]");
      if (!seen.add(date)) {
        throw new CalendarFormatException(path + "[" + i + "]", node.get(i).toString(), "date listed twice");
      }
      dates.add(date);
    }
    return dates;
  }

  /** Reads an array of sorted, non-overlapping ranges. */
  private static List<LocalTimeRange> ranges(JsonNode node, String path) {
    if (node == null || !node.isArray()) {
      throw wrongType(node, path, "expected an array of ranges such as [\"09:00-12:00\"]");
    }
    List<LocalTimeRange> ranges = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      ranges.add(LocalTimeRange.parse(text(node.get(i), path + "[" + i + "]"), path + "[" + i + "]"));
    }
    return Schedule.checkRanges(ranges, path);
  }

  private static Map<DayOfWeek, List<LocalTimeRange>> weekly(JsonNode node) {
    Map<DayOfWeek, List<LocalTimeRange>> weekly = new EnumMap<>(DayOfWeek.class);
    if (node == null) {
      return weekly;
    }
    if (!node.isObject()) {
      throw wrongType(node, "$.weekly", "expected an object of weekdays");
    }
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      String path = "$.weekly." + entry.getKey();
      weekly.put(dayOfWeek(entry.getKey(), path), ranges(entry.getValue(), path));
    }
    return weekly;
  }

  private static DayOfWeek dayOfWeek(String name, String path) {
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.name().equals(name)) {
        return day;
      }
    }
    throw new CalendarFormatException(path, '"' + name + '"', "unknown weekday; expected MONDAY..SUNDAY");
  }

  private static Map<LocalDate, List<LocalTimeRange>> workingDays(JsonNode node) {
    Map<LocalDate, List<LocalTimeRange>> days = new TreeMap<>();
    if (node == null) {
      return days;
    }
    if (!node.isObject()) {
      throw wrongType(node, "$.workingDays", "expected an object of dates to ranges");
    }
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      String path = "$.workingDays." + entry.getKey();
      LocalDate date = date(entry.getKey(), '"' + entry.getKey() + '"', path);
      if (days.put(date, ranges(entry.getValue(), path)) != null) {
        throw new CalendarFormatException(path, '"' + entry.getKey() + '"', "date listed twice");
      }
    }
    return days;
  }

  static String write(Schedule schedule) {
    JsonText out = new JsonText();
    out.open('{').field("id").string(schedule.id).next();
    out.field("zone").string(schedule.zone.getId()).next();
    out.field("weekly").open('{');
    for (DayOfWeek day : DayOfWeek.values()) {
      out.field(day.name()).ranges(schedule.weekly().get(day)).nextIf(day != DayOfWeek.SUNDAY);
    }
    out.close('}').next().field("holidays").dates(schedule.holidays()).next();
    out.field("workingDays").open('{');
    for (Iterator<Map.Entry<LocalDate, List<LocalTimeRange>>> it = schedule.workingDays().entrySet().iterator();
        it.hasNext(); ) {
      Map.Entry<LocalDate, List<LocalTimeRange>> entry = it.next();
      out.field(entry.getKey().toString()).ranges(entry.getValue()).nextIf(it.hasNext());
    }
    return out.close('}').close('}').toString();
  }

  static String write(HolidaySet set) {
    JsonText out = new JsonText();
    out.open('{').field("id").string(set.id()).next();
    if (!set.source().isEmpty()) {
      out.field("source").string(set.source()).next();
    }
    out.field("firstYear").number(set.firstYear()).next();
    out.field("lastYear").number(set.lastYear()).next();
    out.field("holidays").dates(set.holidays()).next();
    out.field("makeUpWorkingDays").dates(set.makeUpWorkingDays());
    return out.close('}').toString();
  }
}
