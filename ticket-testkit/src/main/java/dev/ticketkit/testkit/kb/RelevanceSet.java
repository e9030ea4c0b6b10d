package dev.ticketkit.testkit.kb;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.kb.Article;
import dev.ticketkit.kb.ArticleContent;
import dev.ticketkit.kb.ArticleDetails;
import dev.ticketkit.kb.ArticleId;
import dev.ticketkit.kb.Audience;
import dev.ticketkit.kb.CategoryPath;
import dev.ticketkit.kb.KnowledgeBase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The relevance set of issue 16 ({@code kb/eval/}): support articles in Simplified and Traditional
 * Chinese and English, and queries by kind with the articles that answer them (none for
 * no-answer queries). See {@code kb/eval/README.md}. Immutable and thread-safe.
 */
public final class RelevanceSet {

  /** The article files. */
  static final List<String> ARTICLE_FILES =
      List.of("articles-zh-hans.txt", "articles-zh-hant.txt", "articles-en.txt");

  /** One article of the set. */
  public record Entry(String key, String locale, List<String> tags, String title, String body) {
    /** Checks that the parts are present. */
    public Entry {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(locale, "locale");
      Objects.requireNonNull(tags, "tags");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(body, "body");
    }


    /** Returns the article content (a FAQ under the category "eval"). */
    public ArticleContent content() {
      return new ArticleContent(title, body, tags, CategoryPath.parse("eval"),
          new ArticleDetails.Faq());
    }
  }

  /**
   * One query: its kind, its text, the keys of the articles that answer it (empty: no answer)
   * and its line number in the file (even lines form the calibration half).
   */
  public record Query(String kind, String text, List<String> expected, int line) {
    /** Checks that the parts are present. */
    public Query {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(expected, "expected");
    }


    /** Tells whether the query has no answer in the set. */
    public boolean noAnswer() {
      return expected.isEmpty();
    }

    /** Tells whether the query is in the calibration half (the other half is held out). */
    public boolean calibration() {
      return line % 2 == 0;
    }
  }

  private RelevanceSet() {}

  /** Returns the articles in file order. */
  public static List<Entry> articles() {
    List<Entry> entries = new ArrayList<>();
    for (String file : ARTICLE_FILES) {
      List<String> block = new ArrayList<>();
      for (String line : lines(file)) {
        if (line.startsWith("=== ") && !block.isEmpty()) {
          entries.add(entry(block));
          block.clear();
        }
        if (!line.isBlank()) {
          block.add(line);
        }
      }
      if (!block.isEmpty()) {
        entries.add(entry(block));
      }
    }
    return entries;
  }

  private static Entry entry(List<String> block) {
    String[] head = block.get(0).substring(4).split("\\|");
    List<String> tags = Arrays.stream(head[2].split(",")).map(String::strip).toList();
    String body = String.join("\n", block.subList(2, block.size()));
    return new Entry(head[0].strip(), head[1].strip(), tags, block.get(1).strip(), body);
  }

  /** Returns the queries in file order. */
  public static List<Query> queries() {
    return queries("queries.txt");
  }

  /**
   * Returns the fresh queries ({@code fresh-queries.txt}), written after the first round of
   * tuning and used for nothing but an independent check: 40 answerable, 40 without an answer.
   */
  public static List<Query> freshQueries() {
    return queries("fresh-queries.txt");
  }

  /**
   * Returns the check queries ({@code check-queries.txt}), written for the third round of the
   * no-answer signal before it was measured, and used for nothing but an independent check: 40
   * answerable, 48 without an answer (other products, features that do not exist, chit-chat,
   * account-specific questions).
   */
  public static List<Query> checkQueries() {
    return queries("check-queries.txt");
  }

  /**
   * Returns the held-out queries ({@code heldout-queries.txt}), written for the fifth round of
   * the no-answer signal before anything of it was computed, and used for nothing but a final
   * check of models already chosen: 91 answerable, 48 without an answer.
   */
  public static List<Query> heldoutQueries() {
    return queries("heldout-queries.txt");
  }

  /**
   * Returns the sixth-pass queries ({@code sixth-queries.txt}), written for the sixth round of the
   * no-answer signal (an English embedding for Latin-script text) before anything of it was
   * computed, and used for nothing but a final check of models already chosen: 66 answerable
   * (mostly English), 46 without an answer (mostly English, several near a covered topic).
   */
  public static List<Query> sixthQueries() {
    return queries("sixth-queries.txt");
  }

  private static List<Query> queries(String file) {
    List<Query> queries = new ArrayList<>();
    List<String> lines = lines(file);
    for (int i = 0; i < lines.size(); i++) {
      String[] parts = lines.get(i).split("\\|");
      String expect = parts[2].strip();
      List<String> expected = expect.equals("-") ? List.of()
          : Arrays.stream(expect.split(",")).map(String::strip).toList();
      queries.add(new Query(parts[0].strip(), parts[1].strip(), expected, i));
    }
    return queries;
  }

  /**
   * Creates, submits and publishes every article as a public article of a tenant.
   *
   * @return the published articles' ids by key
   */
  public static Map<String, ArticleId> publish(KnowledgeBase kb, TenantId tenant) {
    Map<String, ArticleId> ids = new LinkedHashMap<>();
    for (Entry entry : articles()) {
      Article draft = kb.createDraft(tenant, entry.content(), Locale.forLanguageTag(entry.locale()),
          Audience.PUBLIC, "editor");
      Article submitted = kb.submit(tenant, draft.id(), draft.version());
      kb.publish(tenant, draft.id(), submitted.version(), "reviewer", "first version");
      ids.put(entry.key(), draft.id());
    }
    return ids;
  }

  private static List<String> lines(String file) {
    String resource = "/kb/eval/" + file;
    try (InputStream in = RelevanceSet.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
