package dev.ticketkit.examples.month;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * The month simulation's options: a seed, the period (a month or a from/to range of days), the
 * average tickets per working day and the output folder. Parsed from plain {@code --name value}
 * arguments; {@link #usage()} is the {@code --help} text.
 *
 * @param seed the seed; the same seed gives the same month and the same report
 * @param from the first simulated day (Asia/Shanghai)
 * @param to the last simulated day, inclusive
 * @param ticketsPerDay the average number of requests on a working day, before deflection
 * @param out the folder the report is written to
 * @param progress whether to print a line per simulated day
 */
public record SimulationOptions(long seed, LocalDate from, LocalDate to, int ticketsPerDay,
    Path out, boolean progress) {

  /** The default seed. */
  public static final long DEFAULT_SEED = 20260915L;
  /** The default first day: a month that holds the Mid-Autumn and National Day holidays. */
  public static final LocalDate DEFAULT_FROM = LocalDate.of(2026, 9, 15);
  /** The default last day. */
  public static final LocalDate DEFAULT_TO = LocalDate.of(2026, 10, 14);
  /** The default tickets per working day. */
  public static final int DEFAULT_TICKETS_PER_DAY = 60;

  /**
   * Checks the options.
   *
   * @throws IllegalArgumentException if the period is empty or longer than 62 days, or the
   *     tickets per day are out of 1 to 2,000
   */
  public SimulationOptions {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(out, "out");
    if (to.isBefore(from) || to.isAfter(from.plusDays(61))) {
      throw new IllegalArgumentException("--to " + to + " must be from --from " + from
          + " to 61 days after it");
    }
    if (ticketsPerDay < 1 || ticketsPerDay > 2000) {
      throw new IllegalArgumentException("--tickets-per-day " + ticketsPerDay
          + " must be 1 to 2000");
    }
  }

  /**
   * Returns the defaults.
   *
   * @return the options of the README's command
   */
  public static SimulationOptions defaults() {
    return new SimulationOptions(DEFAULT_SEED, DEFAULT_FROM, DEFAULT_TO,
        DEFAULT_TICKETS_PER_DAY, Path.of("target", "month-simulation"), true);
  }

  /**
   * Parses arguments.
   *
   * @param args {@code --seed N}, {@code --month YYYY-MM}, {@code --from YYYY-MM-DD},
   *     {@code --to YYYY-MM-DD}, {@code --tickets-per-day N}, {@code --out DIR}, {@code --quiet}
   * @return the options, or null when {@code --help} was asked for
   * @throws IllegalArgumentException naming the option if an argument is unknown or malformed
   */
  public static SimulationOptions parse(String... args) {
    SimulationOptions d = defaults();
    long seed = d.seed();
    LocalDate from = d.from();
    LocalDate to = d.to();
    int perDay = d.ticketsPerDay();
    Path out = d.out();
    boolean progress = true;
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (name.equals("--help") || name.equals("-h")) {
        return null;
      }
      if (name.equals("--quiet")) {
        progress = false;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(name + " needs a value (see --help)");
      }
      String value = args[++i];
      try {
        switch (name) {
          case "--seed" -> seed = Long.parseLong(value);
          case "--month" -> {
            YearMonth m = YearMonth.parse(value);
            from = m.atDay(1);
            to = m.atEndOfMonth();
          }
          case "--from" -> from = LocalDate.parse(value);
          case "--to" -> to = LocalDate.parse(value);
          case "--tickets-per-day" -> perDay = Integer.parseInt(value);
          case "--out" -> out = Path.of(value);
          default -> throw new IllegalArgumentException("unknown option " + name
              + " (see --help)");
        }
      } catch (NumberFormatException | DateTimeParseException e) {
        throw new IllegalArgumentException(name + " " + value + " is not valid: "
            + e.getMessage(), e);
      }
    }
    return new SimulationOptions(seed, from, to, perDay, out, progress);
  }

  /**
   * Returns the {@code --help} text.
   *
   * @return the text
   */
  public static String usage() {
    return """
        A month in the life of a helpdesk: simulates one tenant's support on embedded H2 with the
        SLA engine, the knowledge base and the spike detector, then writes the monthly report
        (HTML, JSON, CSV) with a what-if of a 10-minute first reply on working days.

        Options:
          --seed N               the seed; same seed, same month, same report (default %d)
          --month YYYY-MM        simulate a calendar month
          --from YYYY-MM-DD      first day (default %s)
          --to YYYY-MM-DD        last day, inclusive (default %s; at most 61 days after --from)
          --tickets-per-day N    average requests on a working day (default %d)
          --out DIR              where the report goes (default target/month-simulation)
          --quiet                no line per simulated day
          --help                 this text

        With Maven: mvn -q -pl examples -am compile exec:java -Dexec.args="--seed 7 --month 2026-10"
        """.formatted(DEFAULT_SEED, DEFAULT_FROM, DEFAULT_TO, DEFAULT_TICKETS_PER_DAY);
  }
}
