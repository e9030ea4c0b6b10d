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
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.PostingsOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * Runs a query and turns the top documents into hits with highlighted title and body snippets
 * (Lucene's UnifiedHighlighter over offsets stored in the postings, with the text read from doc
 * values). Immutable and thread-safe.
 *
 * <p>Implementation notes: two parts of the highlighter are replaced by allocation-free
 * equivalents that give the same passages, scores and marks (a search's garbage decides how
 * often a young collection lands in it, docs/benchmarks.md, "Allocation per search"): the
 * passage scorer ({@link QuietPassageScorer}: Lucene's BM25-like formula without a
 * {@code BytesRefHash} and its 32 KB block per scored passage) and the offsets of plain terms
 * ({@link ReusingOffsetStrategy}: a full postings enum with offsets only for the terms a hit
 * contains).
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
        .withScorer(QuietPassageScorer.INSTANCE)
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
    protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source,
        UHComponents components) {
      return source == OffsetSource.POSTINGS ? new ReusingOffsetStrategy(components)
          : super.getOffsetStrategy(source, components);
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

  /**
   * Lucene's {@link PostingsOffsetStrategy}, but for the plain (position-insensitive) terms it
   * first checks with a docs-only enum, reused from hit to hit within a segment, whether the hit
   * contains the term, and creates the full enum with offsets (several KB of buffers) only if it
   * does; Lucene creates one for every term of the query that the segment holds, for every hit.
   * The terms enum is reused likewise, and so is each term's offsets enum from the previous hit
   * in the same segment (the highlighter has consumed it by then). The offsets enums returned, and their order, are Lucene's.
   * One instance serves one field of one search; the highlighter visits hits one after another
   * in doc order and consumes each hit's offsets before the next.
   */
  static final class ReusingOffsetStrategy extends PostingsOffsetStrategy {
    private @Nullable Terms terms;
    private @Nullable TermsEnum termsEnum;
    private @Nullable PostingsEnum docs;
    /** The previous hit's offsets enum of each term, reused for the next hit in its segment. */
    private PostingsEnum @Nullable [] offsetsOf;
    private BytesRef @Nullable [] offsetsFor;

    ReusingOffsetStrategy(UHComponents components) {
      super(components);
    }

    @Override
    protected void createOffsetsEnumsForTerms(BytesRef[] sourceTerms, Terms termsIndex, int doc,
        List<OffsetsEnum> results) throws IOException {
      if (termsIndex != terms || sourceTerms != offsetsFor) {
        terms = termsIndex;
        termsEnum = termsIndex.iterator();
        docs = null;
        offsetsFor = sourceTerms;
        offsetsOf = new PostingsEnum[sourceTerms.length];
      }
      for (int t = 0; t < sourceTerms.length; t++) {
        BytesRef term = sourceTerms[t];
        if (!termsEnum.seekExact(term)) {
          continue;
        }
        docs = termsEnum.postings(docs, PostingsEnum.NONE);
        if (docs.advance(doc) != doc) {
          continue;
        }
        PostingsEnum offsets = termsEnum.postings(offsetsOf[t], PostingsEnum.OFFSETS);
        offsetsOf[t] = offsets;
        if (offsets == null) {
          throw new IllegalArgumentException(
              "field '" + getField() + "' was indexed without offsets, cannot highlight");
        }
        if (offsets.advance(doc) == doc) {
          results.add(new OffsetsEnum.OfPostings(term, offsets));
        }
      }
    }
  }

  /**
   * Lucene's default {@link PassageScorer} (k1 1.2, b 0.75, pivot 87): the same sum over the
   * passage's distinct terms, in the order of their first match, of {@code tf * weight}, times
   * the position norm, so the same float; it counts term frequencies by scanning the passage's
   * matches instead of hashing them into a new {@code BytesRefHash} (a 32 KB block) per passage.
   */
  static final class QuietPassageScorer extends PassageScorer {
    static final QuietPassageScorer INSTANCE = new QuietPassageScorer();

    @Override
    public float score(Passage passage, int contentLength) {
      BytesRef[] terms = passage.getMatchTerms();
      int[] inDoc = passage.getMatchTermFreqsInDoc();
      int matches = passage.getNumMatches();
      double score = 0d;
      for (int i = 0; i < matches; i++) {
        if (seenBefore(terms, i)) {
          continue;
        }
        int inPassage = 1;
        for (int j = i + 1; j < matches; j++) {
          inPassage += terms[j].bytesEquals(terms[i]) ? 1 : 0;
        }
        score += tf(inPassage, passage.getLength()) * weight(contentLength, inDoc[i]);
      }
      score *= norm(passage.getStartOffset());
      return (float) score;
    }

    private static boolean seenBefore(BytesRef[] terms, int i) {
      for (int j = 0; j < i; j++) {
        if (terms[j].bytesEquals(terms[i])) {
          return true;
        }
      }
      return false;
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
