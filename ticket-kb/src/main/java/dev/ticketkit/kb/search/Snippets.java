package dev.ticketkit.kb.search;

import dev.ticketkit.kb.ArticleId;
import dev.ticketkit.kb.ArticleType;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.jspecify.annotations.Nullable;

/**
 * Runs a query and turns the top documents into hits with highlighted title and body snippets
 * (Lucene's UnifiedHighlighter over offsets stored in the postings, with the text read from doc
 * values). Immutable and thread-safe.
 */
final class Snippets {

  static final String MARK_OPEN = "<mark>";
  static final String MARK_CLOSE = "</mark>";
  /** The highlighter looks for matches in the first this many chars of a field only. */
  static final int MAX_LENGTH = 20_000;
  private static final int PASSAGE_CHARS = 120;
  private static final String[] FIELDS = {ArticleDocuments.TITLE, ArticleDocuments.BODY};
  private static final int[] PASSAGES = {1, 2};

  private final Analyzer analyzer;

  Snippets(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  SearchResults results(IndexSearcher searcher, Query text, TopDocs top, SearchRequest request,
      double[] relevance, double confidence) throws IOException {
    Map<String, String[]> marked = request.snippets() && top.scoreDocs.length > 0
        ? highlighter(searcher).highlightFields(FIELDS, text, top, PASSAGES) : Map.of();
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
    for (int i = 0; i < top.scoreDocs.length; i++) {
      ScoreDoc scoreDoc = top.scoreDocs[i];
      String[] hit = hitFields(leaves, scoreDoc.doc);
      hits.add(new SearchHit(
          ArticleId.parse(hit[0]),
          ArticleType.values()[hit[1].charAt(0) - '0'],
          hit[2],
          scoreDoc.score,
          orEmpty(pick(marked, ArticleDocuments.TITLE, i)),
          orEmpty(pick(marked, ArticleDocuments.BODY, i)),
          relevance[i],
          relevance[i] >= confidence));
    }
    return new SearchResults(hits, top.totalHits.value);
  }

  private static String[] hitFields(List<LeafReaderContext> leaves, int doc) throws IOException {
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    BinaryDocValues values = leaf.reader().getBinaryDocValues(ArticleDocuments.HIT);
    if (values == null || !values.advanceExact(doc - leaf.docBase)) {
      throw new IOException("index document " + doc + " has no hit values");
    }
    return ArticleDocuments.decodeHit(values.binaryValue());
  }

  private UnifiedHighlighter highlighter(IndexSearcher searcher) {
    UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, analyzer)
        .withFormatter(new DefaultPassageFormatter(MARK_OPEN, MARK_CLOSE, " … ", true))
        .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
            BreakIterator.getSentenceInstance(Locale.ROOT), PASSAGE_CHARS, 0.5f))
        .withMaxLength(MAX_LENGTH)
        .withWeightMatches(false);
    return new DocValuesHighlighter(builder, searcher);
  }

  /**
   * A highlighter that reads the title and body text from doc values ({@link ArticleDocuments#HIT},
   * {@link ArticleDocuments#BODY_TEXT}) instead of stored fields: a stored-field read decompresses
   * a whole block of documents for each hit. Documents without those doc values (an on-disk index
   * written by an older version, where the text was stored) fall back to stored fields.
   */
  private static final class DocValuesHighlighter extends UnifiedHighlighter {
    private final IndexSearcher searcher;

    DocValuesHighlighter(UnifiedHighlighter.Builder builder, IndexSearcher searcher) {
      super(builder);
      this.searcher = searcher;
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter,
        int cacheCharsThreshold) throws IOException {
      List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
      List<CharSequence[]> values = new ArrayList<>();
      LeafReaderContext leaf = null;
      BinaryDocValues titles = null;
      BinaryDocValues bodies = null;
      for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = docIter.nextDoc()) {
        if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
          leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
          titles = leaf.reader().getBinaryDocValues(ArticleDocuments.HIT);
          bodies = leaf.reader().getBinaryDocValues(ArticleDocuments.BODY_TEXT);
        }
        int local = doc - leaf.docBase;
        // Doc ids arrive in increasing order, so one forward iterator per leaf suffices.
        boolean hasTitle = titles != null && titles.advanceExact(local);
        boolean hasBody = bodies != null && bodies.advanceExact(local);
        if (!hasTitle || !hasBody) {
          values.add(stored(fields, doc));
          continue;
        }
        CharSequence[] row = new CharSequence[fields.length];
        for (int f = 0; f < fields.length; f++) {
          row[f] = switch (fields[f]) {
            case ArticleDocuments.TITLE -> ArticleDocuments.decodeHit(titles.binaryValue())[2];
            case ArticleDocuments.BODY -> bodies.binaryValue().utf8ToString();
            default -> "";
          };
        }
        values.add(row);
      }
      return values;
    }

    private CharSequence[] stored(String[] fields, int doc) throws IOException {
      Document document = searcher.storedFields().document(doc, Set.of(fields));
      CharSequence[] row = new CharSequence[fields.length];
      for (int f = 0; f < fields.length; f++) {
        String value = document.get(fields[f]);
        row[f] = value == null ? "" : value;
      }
      return row;
    }
  }

  private static @Nullable String pick(Map<String, String[]> marked, String field, int i) {
    String[] values = marked.get(field);
    return values == null ? null : values[i];
  }

  private static String orEmpty(@Nullable String text) {
    return text == null ? "" : text.strip();
  }
}
