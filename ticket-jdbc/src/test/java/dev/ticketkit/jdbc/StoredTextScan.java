package dev.ticketkit.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Reads every value of every text and JSON column of every TicketKit table ({@code tk_*}), found
 * through the database's catalog, independently of the code under test: the privacy contract's
 * scan for erased data.
 */
final class StoredTextScan {

  private static final Set<Integer> TEXT = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR,
      Types.CLOB, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR, Types.NCLOB, Types.OTHER,
      Types.JAVA_OBJECT);

  private StoredTextScan() {}

  static List<String> all(DataSource ds, boolean mariadb) {
    try (Connection c = ds.getConnection()) {
      Map<String, List<String>> columns = textColumns(c, mariadb);
      String q = c.getMetaData().getIdentifierQuoteString();
      if (columns.keySet().stream().map(t -> t.toLowerCase(Locale.ROOT))
          .filter(t -> t.equals("tk_ticket") || t.equals("tk_outbox")).count() != 2) {
        throw new IllegalStateException("the catalog scan found no TicketKit tables: " + columns);
      }
      List<String> out = new ArrayList<>();
      try (Statement st = c.createStatement()) {
        for (Map.Entry<String, List<String>> e : columns.entrySet()) {
          String sql = "select " + String.join(", ", e.getValue().stream()
              .map(col -> q + col + q).toList()) + " from " + q + e.getKey() + q;
          try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
              for (int i = 1; i <= e.getValue().size(); i++) {
                out.add(rs.getString(i));
              }
            }
          }
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, List<String>> textColumns(Connection c, boolean mariadb)
      throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    Map<String, List<String>> columns = new LinkedHashMap<>();
    try (ResultSet rs = meta.getColumns(c.getCatalog(), mariadb ? null : c.getSchema(), "%",
        "%")) {
      while (rs.next()) {
        String table = rs.getString("TABLE_NAME");
        if (table.toLowerCase(Locale.ROOT).startsWith("tk_")
            && TEXT.contains(rs.getInt("DATA_TYPE"))) {
          columns.computeIfAbsent(table, k -> new ArrayList<>())
              .add(rs.getString("COLUMN_NAME"));
        }
      }
    }
    return columns;
  }
}
