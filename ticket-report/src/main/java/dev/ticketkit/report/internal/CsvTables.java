package dev.ticketkit.report.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes a table with Apache Commons CSV. Stateless and thread-safe. */
public final class CsvTables {

  private CsvTables() {}

  /**
   * Writes one table, header first.
   *
   * @param table the table
   * @return its CSV text
   */
  public static String write(ReportTables.Table table) {
    StringWriter out = new StringWriter();
    CSVFormat format = CSVFormat.RFC4180.builder()
        .setHeader(table.columns().toArray(String[]::new)).get();
    try (CSVPrinter printer = new CSVPrinter(out, format)) {
      for (List<String> row : table.rows()) {
        printer.printRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
