package dev.ticketkit.jdbc;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.kb.ArticleId;
import javax.sql.DataSource;

/**
 * Writes article rows that cannot be read back (malformed locales, as an older version stored
 * them: issue 11, item 5) straight into {@code tk_kb_article}, for the store contract's
 * poisoned-row test.
 */
final class UnreadableArticleRows {

  private UnreadableArticleRows() {}

  /** Inserts one unreadable row with the given id, and a second one with a random id. */
  static void insert(DataSource ds, TenantId tenant, ArticleId id) {
    insert(ds, tenant, id.toString(), "en''--");
    insert(ds, tenant, ArticleId.random().toString(), "q".repeat(40));
  }

  private static void insert(DataSource ds, TenantId tenant, String id, String locale) {
    JdbcTestSql.execute(ds, "insert into tk_kb_article (id, tenant_id, version, title, body, tags,"
        + " category, article_type, details, locale, audience, owner, status, review_by, revision,"
        + " created_at, updated_at) values ('" + id + "', '" + tenant.value() + "', 1,"
        + " 'good poisoned', 'good body', '[\"x\"]', '', 'FAQ', '{\"type\":\"FAQ\"}', '" + locale
        + "', 'PUBLIC', 'o', 'PUBLISHED', null, 1, timestamp '2026-11-02 09:00:00',"
        + " timestamp '2026-11-02 09:00:00')");
  }
}
