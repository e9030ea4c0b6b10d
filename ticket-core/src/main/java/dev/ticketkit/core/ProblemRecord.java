package dev.ticketkit.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a problem ticket records: that the ticket is a problem (a defect behind several incidents),
 * what was reported to the technical team, the expected fix or release date, and, once the
 * problem is resolved, the resolution summary proposed to its incidents.
 *
 * <p>A ticket is a problem when its {@link Ticket#problem()} is not null. The text form is a
 * small JSON object ({@code {"report":"...","fixExpectedOn":"2026-03-20","resolution":null}});
 * {@link #parse(String)} reads it back. Instances are immutable and thread-safe.
 *
 * @param report what was reported to the technical team, 1 to {@value #MAX_REPORT_LENGTH}
 *     characters
 * @param fixExpectedOn the date the fix is expected to be released, or null if unknown
 * @param resolution the resolution summary once the problem is resolved, or null
 */
public record ProblemRecord(
    String report, @Nullable LocalDate fixExpectedOn, @Nullable String resolution) {

  /** The longest report accepted. */
  public static final int MAX_REPORT_LENGTH = 4_000;

  private static final TextRule REPORT = TextRule.text(MAX_REPORT_LENGTH);
  private static final TextRule RESOLUTION = TextRule.text(Ticket.MAX_RESOLUTION_SUMMARY_LENGTH);
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Validates the record.
   *
   * @throws NullPointerException if the report is null
   * @throws InvalidInputException if the report is blank or too long, or the resolution
   *     blank or too long
   */
  public ProblemRecord {
    Objects.requireNonNull(report, "report");
    report = REPORT.require("problem.report", report);
    RESOLUTION.optional("problem.resolution", resolution);
  }

  /**
   * Returns the record of a problem just reported to the technical team.
   *
   * @param report what was reported
   * @param fixExpectedOn the expected fix or release date, or null if unknown
   * @return the record
   * @throws InvalidInputException if the report is blank or too long
   */
  public static ProblemRecord reported(String report, @Nullable LocalDate fixExpectedOn) {
    Objects.requireNonNull(report, "report");
    return new ProblemRecord(report, fixExpectedOn, null);
  }

  /**
   * Returns a copy with another expected fix date.
   *
   * @param date the date, or null if unknown
   * @return the copy
   */
  public ProblemRecord withFixExpectedOn(@Nullable LocalDate date) {
    return new ProblemRecord(report, date, resolution);
  }

  /**
   * Returns a copy with the resolution summary.
   *
   * @param summary the summary
   * @return the copy
   * @throws InvalidInputException if the summary is blank or too long
   */
  public ProblemRecord withResolution(String summary) {
    return new ProblemRecord(report, fixExpectedOn, RESOLUTION.require("problem.resolution",
        summary));
  }

  /** @return true once the problem has a resolution */
  public boolean isResolved() {
    return resolution != null;
  }

  /**
   * Parses the text form.
   *
   * @param text the JSON text
   * @return the record
   * @throws InvalidInputException if the text is not the record's JSON form
   */
  public static ProblemRecord parse(@Nullable String text) {
    try {
      JsonNode n = JSON.readTree(Objects.requireNonNull(text, "problem"));
      String date = n.path("fixExpectedOn").textValue();
      return new ProblemRecord(n.path("report").textValue(),
          date == null ? null : LocalDate.parse(date), n.path("resolution").textValue());
    } catch (JsonProcessingException | DateTimeParseException | NullPointerException e) {
      throw new InvalidInputException("problem", text, "is not a problem record's JSON form");
    }
  }

  /** Returns the JSON text form, which {@link #parse(String)} reads back. */
  @Override
  public String toString() {
    ObjectNode n = JSON.createObjectNode();
    n.put("report", report);
    n.put("fixExpectedOn", fixExpectedOn == null ? null : fixExpectedOn.toString());
    n.put("resolution", resolution);
    return n.toString();
  }
}
