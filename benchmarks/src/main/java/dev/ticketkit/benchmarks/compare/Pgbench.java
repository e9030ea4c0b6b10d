package dev.ticketkit.benchmarks.compare;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine's reference: PostgreSQL's own {@code pgbench -N} (the TPC-B-like script without
 * the branch and teller updates: three statements and an insert per transaction) on a scratch
 * database, scale 1, with 1 and 4 clients. Needs the {@code pgbench} program (Debian:
 * {@code postgresql-client} or {@code postgresql-contrib}).
 */
final class Pgbench {

  static final String DATABASE = "tk17_pgbench";
  private static final Pattern TPS =
      Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

  private Pgbench() {}

  /**
   * Initialises the scratch database and runs pgbench with 1 and 4 clients, printing each
   * result line.
   *
   * @param server the server
   * @param seconds seconds per run
   * @param keep true to keep the scratch database
   * @return the lines for the report
   * @throws Exception if PostgreSQL or pgbench fails
   */
  static List<String> run(PostgresServer server, int seconds, boolean keep) throws Exception {
    server.recreateDatabase(DATABASE);
    List<String> lines = new ArrayList<>();
    try {
      pgbench(List.of("-i", "-q", "-s", "1"));
      for (int clients : new int[] {1, 4}) {
        String load = PostgresServer.loadAverage();
        String out = pgbench(List.of("-N", "-c", Integer.toString(clients), "-j",
            Integer.toString(clients), "-T", Integer.toString(seconds)));
        Matcher m = TPS.matcher(out);
        String line = String.format(Locale.ROOT,
            "pgbench -N -c %d -j %d -T %d (scale 1): %s tps, load %s -> %s", clients, clients,
            seconds, m.find() ? m.group(1) : "?", load, PostgresServer.loadAverage());
        System.out.println(line);
        lines.add(line);
      }
    } finally {
      if (!keep) {
        server.dropDatabase(DATABASE);
      }
    }
    return lines;
  }

  private static String pgbench(List<String> arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("pgbench"));
    command.addAll(PostgresServer.connectionArguments());
    command.addAll(arguments);
    command.add(DATABASE);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed:\n" + out);
    }
    return out;
  }
}
