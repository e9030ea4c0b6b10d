package dev.ticketkit.report.render;

import dev.ticketkit.report.Report;
import dev.ticketkit.report.internal.CsvTables;
import dev.ticketkit.report.internal.ReportTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Renders a report as CSV, one table per breakdown ({@code headline}, {@code received_by_channel},
 * {@code received_by_category}, {@code received_by_category_path}, {@code received_by_priority},
 * {@code received_by_day}, {@code received_by_hour_of_week}, {@code backlog_aging},
 * {@code timings}, {@code sla_compliance}, {@code escalations}, {@code breaches_by_hour_of_week},
 * {@code rating_comments}, {@code agents}, {@code frequent_categories}, {@code frequent_tags},
 * {@code suggestions}), each with a header row of stable snake_case column names, written by
 * Apache Commons CSV (RFC 4180 quoting, CRLF line ends, UTF-8). Durations are whole seconds,
 * shares fractions with four decimals, absent values empty cells. Needs the optional dependency
 * {@code org.apache.commons:commons-csv}. Thread-safe.
 */
public final class CsvReportRenderer {

  private CsvReportRenderer() {}

  /**
   * Returns the renderer.
   *
   * @return the renderer
   * @throws MissingRendererDependencyException if Commons CSV is not on the class path
   */
  public static CsvReportRenderer create() {
    MissingRendererDependencyException.require("CsvReportRenderer",
        "org.apache.commons:commons-csv", "org.apache.commons.csv.CSVPrinter");
    return new CsvReportRenderer();
  }

  /**
   * Renders every table.
   *
   * @param report the report
   * @return the CSV text of each table, by table name, in a fixed order
   */
  public Map<String, String> render(Report report) {
    Objects.requireNonNull(report, "report");
    Map<String, String> out = new LinkedHashMap<>();
    ReportTables.of(report).forEach((name, table) -> out.put(name, CsvTables.write(table)));
    return out;
  }

  /**
   * Writes every table to a directory as {@code <name>.csv}.
   *
   * @param report the report
   * @param directory the directory, created if missing
   * @throws UncheckedIOException if a file cannot be written
   */
  public void writeTo(Report report, Path directory) {
    try {
      Files.createDirectories(directory);
      for (Map.Entry<String, String> e : render(report).entrySet()) {
        Files.writeString(directory.resolve(e.getKey() + ".csv"), e.getValue(),
            StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
