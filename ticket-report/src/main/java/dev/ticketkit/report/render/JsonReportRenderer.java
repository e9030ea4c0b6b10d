package dev.ticketkit.report.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.report.Report;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Renders a report as JSON: the record components' names are the field names (so they change
 * only when the model does, which a golden test guards), durations are ISO-8601
 * ({@code PT3H25M}), instants ISO-8601 UTC, dates {@code 2026-03-01}, months {@code 2026-03},
 * zones their ids, tenant and ticket ids their text form, enums their names, absent values
 * {@code null}. Thread-safe.
 */
public final class JsonReportRenderer {

  private final ObjectMapper mapper;

  private JsonReportRenderer(boolean pretty) {
    SimpleModule values = new SimpleModule("ticketkit-report-values");
    for (Class<?> type : new Class<?>[] {Duration.class, Instant.class, LocalDate.class,
        YearMonth.class, ZoneId.class, TenantId.class, TicketId.class}) {
      values.addSerializer(type, ToStringSerializer.instance);
    }
    mapper = new ObjectMapper().registerModule(values)
        .configure(SerializationFeature.INDENT_OUTPUT, pretty);
  }

  /**
   * Returns a renderer of indented JSON.
   *
   * @return the renderer
   */
  public static JsonReportRenderer create() {
    return new JsonReportRenderer(true);
  }

  /**
   * Returns a renderer of compact JSON.
   *
   * @return the renderer
   */
  public static JsonReportRenderer compact() {
    return new JsonReportRenderer(false);
  }

  /**
   * Renders a report.
   *
   * @param report the report
   * @return the JSON document
   */
  public String render(Report report) {
    Objects.requireNonNull(report, "report");
    try {
      return mapper.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
