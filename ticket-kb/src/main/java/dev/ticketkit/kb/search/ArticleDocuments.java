package dev.ticketkit.kb.search;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.kb.Article;
import dev.ticketkit.kb.ArticleContent;
import dev.ticketkit.kb.ArticleId;
import dev.ticketkit.kb.ArticleStatus;
import dev.ticketkit.kb.Audience;
import dev.ticketkit.kb.internal.MarkdownText;
import dev.ticketkit.kb.internal.Vectors;
import java.util.Locale;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/** Turns articles into Lucene documents; names the fields. Stateless and thread-safe. */
final class ArticleDocuments {

  static final String KEY = "key";
  static final String ID = "id";
  static final String TENANT = "tenant";
  static final String AUDIENCE = "audience";
  static final String STATUS = "status";
  static final String TYPE = "type";
  static final String VISIBILITY = "visibility";
  static final String LOCALE = "locale";
  static final String LANGUAGE = "lang";
  static final String TITLE = "title";
  static final String TAGS = "tags";
  static final String BODY = "body";
  /** Title, tags and body as single Han characters (the colloquial fallback). */
  static final String HAN = "han";
  /** Title, tags and body as pinyin syllable pairs (the homophone fallback). */
  static final String PINYIN = "pinyin";
  /**
   * The article's embedding, normalised to unit length, in an HNSW graph compared by dot product
   * (the cosine of unit vectors, without recomputing norms): hybrid search only.
   */
  static final String VECTOR = "vector";
  /**
   * Doc values holding the embedding of the article's title alone, unit length, quantised to one
   * signed byte per component ({@link Vectors#quantise}): read for the candidates of a hybrid
   * search (the third list of the fusion, {@link HybridRanking}), never searched as a graph.
   */
  static final String TITLE_VECTOR = "title_vector";
  /** Doc values holding what a hit shows without snippets: id, type and title. */
  static final String HIT = "hit";
  /**
   * Doc values holding the body text that {@link #BODY} indexes, read by {@link Snippets} to
   * highlight: uncompressed, so a snippet needs no stored-field block decompression. Only the
   * first {@value Snippets#MAX_LENGTH} chars, as the highlighter looks no further. (The title text
   * is read from {@link #HIT}.)
   */
  static final String BODY_TEXT = "body_text";

  private static final FieldType TEXT_WITH_OFFSETS = textWithOffsets();

  private ArticleDocuments() {}

  static Term key(TenantId tenant, ArticleId id) {
    return new Term(KEY, tenant + "/" + id);
  }

  static Document of(Article article, float @Nullable [] vector) {
    return of(article, vector, null);
  }

  static Document of(Article article, float @Nullable [] vector,
      float @Nullable [] titleVector) {
    Document doc = new Document();
    doc.add(new StringField(KEY, key(article.tenant(), article.id()).text(), Field.Store.NO));
    doc.add(new StringField(ID, article.id().toString(), Field.Store.NO));
    doc.add(new BinaryDocValuesField(HIT, hitValue(article)));
    doc.add(new StringField(TENANT, article.tenant().value(), Field.Store.NO));
    doc.add(new StringField(AUDIENCE, article.audience().name(), Field.Store.NO));
    doc.add(new StringField(STATUS, article.status().name(), Field.Store.NO));
    doc.add(new StringField(VISIBILITY, visibility(article.status(), article.audience()),
        Field.Store.NO));
    doc.add(new StringField(TYPE, article.type().name(), Field.Store.NO));
    doc.add(new StringField(LOCALE, localeTag(article.locale()), Field.Store.NO));
    doc.add(new StringField(LANGUAGE, article.locale().getLanguage(), Field.Store.NO));
    ArticleContent content = article.content();
    doc.add(new Field(TITLE, content.title(), TEXT_WITH_OFFSETS));
    doc.add(new TextField(TAGS, String.join("\n", content.tags()), Field.Store.NO));
    String body = bodyText(content);
    doc.add(new Field(BODY, body, TEXT_WITH_OFFSETS));
    doc.add(new BinaryDocValuesField(BODY_TEXT, new BytesRef(
        body.length() <= Snippets.MAX_LENGTH ? body : body.substring(0, Snippets.MAX_LENGTH))));
    String all = content.title() + "\n" + String.join("\n", content.tags()) + "\n" + body;
    doc.add(new TextField(HAN, all, Field.Store.NO));
    doc.add(new TextField(PINYIN, all, Field.Store.NO));
    if (vector != null) {
      doc.add(new KnnFloatVectorField(VECTOR, Vectors.unit(vector),
          VectorSimilarityFunction.DOT_PRODUCT));
    }
    if (titleVector != null) {
      doc.add(new BinaryDocValuesField(TITLE_VECTOR, new BytesRef(Vectors.quantise(titleVector))));
    }
    return doc;
  }

  /** Returns the text an article is embedded from: title, tags, then the body's plain text. */
  static String embeddingText(Article article) {
    ArticleContent content = article.content();
    return content.title() + "\n" + String.join(", ", content.tags()) + "\n"
        + MarkdownText.plain(content.body());
  }

  /** Status and audience in one term, so the requester filter is a single posting list. */
  static String visibility(ArticleStatus status, Audience audience) {
    return status.name() + "/" + audience.name();
  }

  /** Encodes id, type ordinal and title, so a hit needs no stored-field (decompression) read. */
  private static BytesRef hitValue(Article article) {
    String value = article.id() + "" + (char) ('0' + article.type().ordinal()) + article.title();
    return new BytesRef(value);
  }

  /** Decodes {@link #hitValue}: the id's 36 chars, one type char, then the title. */
  static String[] decodeHit(BytesRef bytes) {
    String value = bytes.utf8ToString();
    return new String[] {value.substring(0, 36), value.substring(36, 37), value.substring(37)};
  }

  static String localeTag(Locale locale) {
    return locale.toLanguageTag().toLowerCase(Locale.ROOT);
  }

  private static String bodyText(ArticleContent content) {
    StringBuilder text = new StringBuilder(MarkdownText.plain(content.body()));
    for (String line : content.details().lines()) {
      text.append('\n').append(line);
    }
    return text.toString();
  }

  /**
   * Indexed text with offsets in the postings (so highlighting needs no re-analysis), not stored:
   * the highlighter reads the text from doc values ({@link #HIT}, {@link #BODY_TEXT}).
   */
  private static FieldType textWithOffsets() {
    FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }
}
