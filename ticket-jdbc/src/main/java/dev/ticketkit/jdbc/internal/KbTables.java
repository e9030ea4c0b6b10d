package dev.ticketkit.jdbc.internal;

import static dev.ticketkit.jdbc.internal.Columns.bigint;
import static dev.ticketkit.jdbc.internal.Columns.bool;
import static dev.ticketkit.jdbc.internal.Columns.instant;
import static dev.ticketkit.jdbc.internal.Columns.integer;
import static dev.ticketkit.jdbc.internal.Columns.text;
import static dev.ticketkit.jdbc.internal.Columns.uuid;

import java.time.Instant;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * The knowledge-base tables, declared by hand as typed jOOQ constants (see
 * {@code V2__knowledge_base.sql} and {@code V5__kb_changes.sql}). Constants only; thread-safe.
 */
public final class KbTables {

  private KbTables() {}

  /** {@code tk_kb_article}: one row per article at its latest version, with its view count. */
  public static final class Article {
    private static final String N = "tk_kb_article";
    /** The table. */
    public static final Table<Record> TABLE = Columns.table(N);
    /** Column. */
    public static final Field<UUID> ID = uuid(N, "id");
    /** Column. */
    public static final Field<String> TENANT_ID = text(N, "tenant_id");
    /** Column. */
    public static final Field<Long> VERSION = bigint(N, "version");
    /** Column. */
    public static final Field<String> TITLE = text(N, "title");
    /** Column. */
    public static final Field<String> BODY = text(N, "body");
    /** Column (JSON). */
    public static final Field<String> TAGS = text(N, "tags");
    /** Column. */
    public static final Field<String> CATEGORY = text(N, "category");
    /** Column. */
    public static final Field<String> ARTICLE_TYPE = text(N, "article_type");
    /** Column (JSON). */
    public static final Field<String> DETAILS = text(N, "details");
    /** Column. */
    public static final Field<String> LOCALE = text(N, "locale");
    /** Column. */
    public static final Field<String> AUDIENCE = text(N, "audience");
    /** Column. */
    public static final Field<String> OWNER = text(N, "owner");
    /** Column. */
    public static final Field<String> STATUS = text(N, "status");
    /** Column. */
    public static final Field<Instant> REVIEW_BY = instant(N, "review_by");
    /** Column. */
    public static final Field<Integer> REVISION = integer(N, "revision");
    /** Column. */
    public static final Field<Instant> CREATED_AT = instant(N, "created_at");
    /** Column. */
    public static final Field<Instant> UPDATED_AT = instant(N, "updated_at");
    /** Column. */
    public static final Field<Long> VIEWS = bigint(N, "views");

    /** The columns an article is read from. */
    public static final Field<?>[] ALL = {ID, TENANT_ID, VERSION, TITLE, BODY, TAGS, CATEGORY,
        DETAILS, LOCALE, AUDIENCE, OWNER, STATUS, REVIEW_BY, REVISION, CREATED_AT, UPDATED_AT};

    private Article() {}
  }

  /** {@code tk_kb_revision}: published revisions. */
  public static final class Revision {
    private static final String N = "tk_kb_revision";
    /** The table. */
    public static final Table<Record> TABLE = Columns.table(N);
    /** Column. */
    public static final Field<UUID> ARTICLE_ID = uuid(N, "article_id");
    /** Column. */
    public static final Field<Integer> NUMBER = integer(N, "number");
    /** Column. */
    public static final Field<String> TENANT_ID = text(N, "tenant_id");
    /** Column. */
    public static final Field<String> TITLE = text(N, "title");
    /** Column. */
    public static final Field<String> BODY = text(N, "body");
    /** Column (JSON). */
    public static final Field<String> TAGS = text(N, "tags");
    /** Column. */
    public static final Field<String> CATEGORY = text(N, "category");
    /** Column (JSON). */
    public static final Field<String> DETAILS = text(N, "details");
    /** Column. */
    public static final Field<String> AUTHOR = text(N, "author");
    /** Column. */
    public static final Field<Instant> AT = instant(N, "at");
    /** Column. */
    public static final Field<String> CHANGE_NOTE = text(N, "change_note");

    /** The columns a revision is read from. */
    public static final Field<?>[] ALL = {ARTICLE_ID, NUMBER, TENANT_ID, TITLE, BODY, TAGS,
        CATEGORY, DETAILS, AUTHOR, AT, CHANGE_NOTE};

    private Revision() {}
  }

  /** {@code tk_kb_change}: one row per saved article version, the sequence other nodes follow. */
  public static final class Change {
    private static final String N = "tk_kb_change";
    /** The table. */
    public static final Table<Record> TABLE = Columns.table(N);
    /** Column. */
    public static final Field<Long> SEQ = bigint(N, "seq");
    /** Column. */
    public static final Field<String> TENANT_ID = text(N, "tenant_id");
    /** Column. */
    public static final Field<UUID> ARTICLE_ID = uuid(N, "article_id");
    /** Column. */
    public static final Field<Long> VERSION = bigint(N, "version");

    private Change() {}
  }

  /** {@code tk_kb_vote}: one vote per reader and article. */
  public static final class Vote {
    private static final String N = "tk_kb_vote";
    /** The table. */
    public static final Table<Record> TABLE = Columns.table(N);
    /** Column. */
    public static final Field<UUID> ARTICLE_ID = uuid(N, "article_id");
    /** Column. */
    public static final Field<String> VOTER = text(N, "voter");
    /** Column. */
    public static final Field<String> TENANT_ID = text(N, "tenant_id");
    /** Column. */
    public static final Field<Boolean> HELPFUL = bool(N, "helpful");

    private Vote() {}
  }

  /** {@code tk_kb_link}: articles linked to the tickets they solved. */
  public static final class Link {
    private static final String N = "tk_kb_link";
    /** The table. */
    public static final Table<Record> TABLE = Columns.table(N);
    /** Column. */
    public static final Field<Long> ID = bigint(N, "id");
    /** Column. */
    public static final Field<UUID> ARTICLE_ID = uuid(N, "article_id");
    /** Column. */
    public static final Field<UUID> TICKET_ID = uuid(N, "ticket_id");
    /** Column. */
    public static final Field<String> TENANT_ID = text(N, "tenant_id");
    /** Column. */
    public static final Field<String> LINKED_BY = text(N, "linked_by");
    /** Column. */
    public static final Field<Instant> LINKED_AT = instant(N, "linked_at");
    /** Column. */
    public static final Field<Boolean> REOPENED = bool(N, "reopened");

    /** The columns a link is read from. */
    public static final Field<?>[] ALL = {ID, ARTICLE_ID, TICKET_ID, TENANT_ID, LINKED_BY,
        LINKED_AT, REOPENED};

    private Link() {}
  }
}
