package dev.ticketkit.jdbc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.jdbc.DatabaseKind;
import dev.ticketkit.kb.Article;
import dev.ticketkit.kb.ArticleContent;
import dev.ticketkit.kb.ArticleDetails;
import dev.ticketkit.kb.ArticleId;
import dev.ticketkit.kb.ArticleRevision;
import dev.ticketkit.kb.ArticleStatus;
import dev.ticketkit.kb.ArticleType;
import dev.ticketkit.kb.Audience;
import dev.ticketkit.kb.CategoryPath;
import dev.ticketkit.jdbc.internal.KbTables.Revision;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.Field;
import org.jooq.Record;

/**
 * Maps articles and revisions to their rows and back. Tags and the type-specific details are
 * JSON: {@code ["password","密码"]} and {@code {"type":"TROUBLESHOOTING","steps":[...]}},
 * {@code {"type":"GLOSSARY","term":...,"definition":...}},
 * {@code {"type":"VIDEO","url":...,"duration":"PT1M5S"}}, {@code {"type":"FAQ"}}. Stateless and
 * thread-safe.
 */
public final class ArticleRows {

  private ArticleRows() {}

  /**
   * Returns an article's column values (the view count aside).
   *
   * @param kind the database product (JSON columns differ)
   * @param a the article
   * @return the values by column
   */
  public static Map<Field<?>, Object> values(DatabaseKind kind, Article a) {
    Map<Field<?>, Object> v = new LinkedHashMap<>();
    v.put(KbTables.Article.ID, a.id().value());
    v.put(KbTables.Article.TENANT_ID, a.tenant().value());
    v.put(KbTables.Article.VERSION, a.version());
    v.put(KbTables.Article.TITLE, a.content().title());
    v.put(KbTables.Article.BODY, a.content().body());
    v.put(KbTables.Article.TAGS, Columns.json(kind, tags(a.content().tags())));
    v.put(KbTables.Article.CATEGORY, a.content().category().toString());
    v.put(KbTables.Article.ARTICLE_TYPE, a.type().name());
    v.put(KbTables.Article.DETAILS, Columns.json(kind, details(a.content().details())));
    v.put(KbTables.Article.LOCALE, a.locale().toLanguageTag());
    v.put(KbTables.Article.AUDIENCE, a.audience().name());
    v.put(KbTables.Article.OWNER, a.owner());
    v.put(KbTables.Article.STATUS, a.status().name());
    v.put(KbTables.Article.REVIEW_BY, a.reviewBy());
    v.put(KbTables.Article.REVISION, a.revision());
    v.put(KbTables.Article.CREATED_AT, a.createdAt());
    v.put(KbTables.Article.UPDATED_AT, a.updatedAt());
    return v;
  }

  /**
   * Reads an article from a row holding {@link KbTables.Article#ALL}.
   *
   * @param r the row
   * @return the article
   */
  public static Article article(Record r) {
    ArticleContent content = new ArticleContent(r.get(KbTables.Article.TITLE),
        r.get(KbTables.Article.BODY), tags(r.get(KbTables.Article.TAGS)),
        CategoryPath.parse(r.get(KbTables.Article.CATEGORY)),
        details(r.get(KbTables.Article.DETAILS)));
    return new Article(ArticleId.of(r.get(KbTables.Article.ID)),
        TenantId.of(r.get(KbTables.Article.TENANT_ID)), content,
        Locale.forLanguageTag(r.get(KbTables.Article.LOCALE)),
        Audience.valueOf(r.get(KbTables.Article.AUDIENCE)), r.get(KbTables.Article.OWNER),
        ArticleStatus.valueOf(r.get(KbTables.Article.STATUS)), r.get(KbTables.Article.REVIEW_BY),
        r.get(KbTables.Article.REVISION), r.get(KbTables.Article.VERSION),
        r.get(KbTables.Article.CREATED_AT), r.get(KbTables.Article.UPDATED_AT));
  }

  /**
   * Returns a revision's column values.
   *
   * @param kind the database product
   * @param rev the revision
   * @return the values by column
   */
  public static Map<Field<?>, Object> values(DatabaseKind kind, ArticleRevision rev) {
    Map<Field<?>, Object> v = new LinkedHashMap<>();
    v.put(Revision.ARTICLE_ID, rev.articleId().value());
    v.put(Revision.NUMBER, rev.number());
    v.put(Revision.TENANT_ID, rev.tenant().value());
    v.put(Revision.TITLE, rev.content().title());
    v.put(Revision.BODY, rev.content().body());
    v.put(Revision.TAGS, Columns.json(kind, tags(rev.content().tags())));
    v.put(Revision.CATEGORY, rev.content().category().toString());
    v.put(Revision.DETAILS, Columns.json(kind, details(rev.content().details())));
    v.put(Revision.AUTHOR, rev.author());
    v.put(Revision.AT, rev.at());
    v.put(Revision.CHANGE_NOTE, rev.changeNote());
    return v;
  }

  /**
   * Reads a revision from a row of {@code tk_kb_revision}.
   *
   * @param tenant the tenant
   * @param id the article
   * @param r the row
   * @return the revision
   */
  public static ArticleRevision revision(TenantId tenant, ArticleId id, Record r) {
    ArticleContent content = new ArticleContent(r.get(Revision.TITLE), r.get(Revision.BODY),
        tags(r.get(Revision.TAGS)), CategoryPath.parse(r.get(Revision.CATEGORY)),
        details(r.get(Revision.DETAILS)));
    return new ArticleRevision(tenant, id, r.get(Revision.NUMBER), content,
        r.get(Revision.AUTHOR), r.get(Revision.AT), r.get(Revision.CHANGE_NOTE));
  }

  private static String tags(List<String> tags) {
    ArrayNode array = TicketJson.MAPPER.createArrayNode();
    tags.forEach(array::add);
    return array.toString();
  }

  private static List<String> tags(String json) {
    List<String> tags = new ArrayList<>();
    TicketJson.parse(json).forEach(t -> tags.add(t.asText()));
    return tags;
  }

  private static String details(ArticleDetails details) {
    ObjectNode n = TicketJson.MAPPER.createObjectNode().put("type", details.type().name());
    if (details instanceof ArticleDetails.Troubleshooting t) {
      t.steps().forEach(n.putArray("steps")::add);
    } else if (details instanceof ArticleDetails.Glossary g) {
      n.put("term", g.term()).put("definition", g.definition());
    } else if (details instanceof ArticleDetails.Video v) {
      n.put("url", v.url().toString()).put("duration", v.duration().toString());
    }
    return n.toString();
  }

  private static ArticleDetails details(String json) {
    JsonNode n = TicketJson.parse(json);
    return switch (ArticleType.valueOf(n.path("type").asText())) {
      case FAQ -> new ArticleDetails.Faq();
      case GUIDE -> new ArticleDetails.Guide();
      case TROUBLESHOOTING -> new ArticleDetails.Troubleshooting(tags(n.path("steps").toString()));
      case GLOSSARY -> new ArticleDetails.Glossary(n.path("term").asText(),
          n.path("definition").asText());
      case VIDEO -> new ArticleDetails.Video(URI.create(n.path("url").asText()),
          Duration.parse(n.path("duration").asText()));
    };
  }
}
