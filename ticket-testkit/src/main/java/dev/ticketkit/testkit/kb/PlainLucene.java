package dev.ticketkit.testkit.kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The baseline: a default Lucene setup as a developer would write it in an afternoon. BM25,
 * one analyzer (SmartChineseAnalyzer or CJKAnalyzer) for title (boost 2), tags and body, and a
 * disjunction of the analyzed query terms over the three fields. No folding, synonyms or typo
 * handling. Thread-safe after construction.
 */
public final class PlainLucene implements AutoCloseable {

  private static final String[] FIELDS = {"title", "tags", "body"};
  private static final float[] BOOSTS = {2f, 1.5f, 1f};

  private final Analyzer analyzer;
  private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  /**
   * Indexes the relevance set's articles.
   *
   * @param analyzer the analyzer of every field
   */
  public PlainLucene(Analyzer analyzer) {
    this.analyzer = analyzer;
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
      for (RelevanceSet.Entry entry : RelevanceSet.articles()) {
        Document doc = new Document();
        doc.add(new StoredField("key", entry.key()));
        doc.add(new TextField("title", entry.title(), Field.Store.NO));
        doc.add(new TextField("tags", String.join(" ", entry.tags()), Field.Store.NO));
        doc.add(new TextField("body", entry.body(), Field.Store.NO));
        writer.addDocument(doc);
      }
      writer.commit();
      reader = DirectoryReader.open(directory);
      searcher = new IndexSearcher(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Searches and returns the keys of the first ten hits.
   *
   * @param text the query
   * @return the ranking (no confidence flag)
   */
  public RelevanceReport.Ranked search(String text) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (int f = 0; f < FIELDS.length; f++) {
      for (String term : terms(text)) {
        query.add(new BoostQuery(new TermQuery(new Term(FIELDS[f], term)), BOOSTS[f]),
            BooleanClause.Occur.SHOULD);
      }
    }
    try {
      List<String> keys = new ArrayList<>();
      for (ScoreDoc hit : searcher.search(query.build(), 10).scoreDocs) {
        keys.add(searcher.storedFields().document(hit.doc).get("key"));
      }
      return new RelevanceReport.Ranked(keys, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> terms(String text) {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("body", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        if (!terms.contains(term.toString())) {
          terms.add(term.toString());
        }
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return terms;
  }

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
  }
}
