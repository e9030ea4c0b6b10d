package dev.ticketkit.kb.testing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.kb.Article;
import dev.ticketkit.kb.ArticleContent;
import dev.ticketkit.kb.ArticleDetails;
import dev.ticketkit.kb.Audience;
import dev.ticketkit.kb.CategoryPath;
import dev.ticketkit.kb.KnowledgeBase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The search evaluation corpus ({@code kb/corpus.json}) and query table ({@code kb/queries.json}),
 * and a helper that publishes the corpus into a knowledge base. Immutable and thread-safe.
 */
public final class Corpus {

  /** One corpus article as written in the JSON file. */
  public record Entry(String key, String locale, String type, String title, List<String> tags,
      String category, String body, List<String> steps, String term, String definition,
      String url, long durationSeconds) {

    /** Returns the article content. */
    public ArticleContent content() {
      return new ArticleContent(title, body, tags, CategoryPath.parse(category), details());
    }

    ArticleDetails details() {
      return switch (type) {
        case "FAQ" -> new ArticleDetails.Faq();
        case "GUIDE" -> new ArticleDetails.Guide();
        case "TROUBLESHOOTING" -> new ArticleDetails.Troubleshooting(steps);
        case "GLOSSARY" -> new ArticleDetails.Glossary(term, definition);
        case "VIDEO" -> new ArticleDetails.Video(URI.create(url),
            Duration.ofSeconds(durationSeconds));
        default -> throw new IllegalArgumentException(type);
      };
    }
  }

  /** One row of the query table: the text, the searcher's language, the article it must find. */
  public record Query(String query, String locale, String expect) {}

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(com.fasterxml.jackson.databind.DeserializationFeature
          .FAIL_ON_UNKNOWN_PROPERTIES, true);

  private Corpus() {}

  /** Returns the corpus articles. */
  public static List<Entry> articles() {
    List<Entry> raw = read("/kb/corpus.json", new TypeReference<List<Entry>>() {});
    return raw.stream().map(e -> new Entry(e.key(), e.locale(), e.type(), e.title(), e.tags(),
        e.category(), e.body(), e.steps() == null ? List.of() : e.steps(),
        e.term(), e.definition(), e.url(), e.durationSeconds())).toList();
  }

  /** Returns the query table. */
  public static List<Query> queries() {
    return read("/kb/queries.json", new TypeReference<List<Query>>() {});
  }

  /**
   * Creates, submits and publishes every corpus article as a public article of a tenant.
   *
   * @return the published articles by corpus key, in corpus order
   */
  public static Map<String, Article> publish(KnowledgeBase kb, TenantId tenant) {
    Map<String, Article> byKey = new LinkedHashMap<>();
    for (Entry entry : articles()) {
      Article draft = kb.createDraft(tenant, entry.content(), Locale.forLanguageTag(entry.locale()),
          Audience.PUBLIC, "editor");
      Article submitted = kb.submit(tenant, draft.id(), draft.version());
      byKey.put(entry.key(),
          kb.publish(tenant, draft.id(), submitted.version(), "reviewer", "first version"));
    }
    return byKey;
  }

  private static <T> T read(String resource, TypeReference<T> type) {
    try (InputStream in = Corpus.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return JSON.readValue(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
