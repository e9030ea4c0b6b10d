package dev.ticketkit.jdbc;

import dev.ticketkit.jdbc.internal.Database;
import dev.ticketkit.jdbc.internal.ReportTables.Episode;
import dev.ticketkit.report.spike.EpisodeClaims;
import java.util.Objects;

/**
 * {@link EpisodeClaims} in {@code tk_report_episode}: a claim inserts the episode's key unless it
 * is there ({@code ON CONFLICT DO NOTHING} on PostgreSQL, {@code INSERT IGNORE} on MariaDB,
 * {@code MERGE} on H2) in its own transaction, and wins when it inserted the row. The primary key
 * makes exactly one claim of a key succeed among all nodes sharing the database. Thread-safe.
 */
final class JdbcEpisodeClaims implements EpisodeClaims {

  private final Database db;

  JdbcEpisodeClaims(Database db) {
    this.db = db;
  }

  @Override
  public boolean claim(Key key) {
    Objects.requireNonNull(key, "key");
    return db.transaction("claim spike episode " + key.series() + " of tenant " + key.tenant(),
        sql -> sql.insertInto(Episode.TABLE, Episode.TENANT_ID, Episode.SERIES,
                Episode.STARTED_AT)
            .values(key.tenant().value(), key.series().toString(), key.startedAt())
            .onConflictDoNothing().execute() == 1);
  }
}
