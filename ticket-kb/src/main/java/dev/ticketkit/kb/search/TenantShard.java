package dev.ticketkit.kb.search;

import dev.ticketkit.kb.store.KbStorageException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;

/**
 * One tenant's own Lucene index: its writer, its searchers and the versions it holds. Each
 * tenant having its own index means its own term statistics (document counts, document
 * frequencies, average lengths), so one tenant's articles never move another tenant's scores.
 *
 * <p>The merge policy keeps few segments (two per tier, segments under 16 MB merged as if they
 * were 16 MB): every query term is looked up, and its postings enums allocated, once per field
 * and segment, so a read-mostly knowledge base searches faster with fewer segments. Not
 * thread-safe for writes: {@link LuceneArticleIndex} serializes them; searches acquire and
 * release searchers concurrently.
 */
final class TenantShard {

  private final Directory directory;
  private final boolean durable;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Map<Term, Long> versions = new HashMap<>();

  TenantShard(Directory directory, boolean durable, Analyzer analyzer) throws IOException {
    this.directory = directory;
    this.durable = durable;
    IndexWriterConfig config = new IndexWriterConfig(analyzer)
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
        .setRAMBufferSizeMB(64)
        .setMergePolicy(new TieredMergePolicy().setSegmentsPerTier(2).setFloorSegmentMB(16));
    this.writer = new IndexWriter(directory, config);
    this.searchers = new SearcherManager(writer, new SearcherFactory());
  }

  /** Tells whether the shard holds a version of the key at least as new. */
  boolean holds(Term key, long version) {
    Long indexed = versions.get(key);
    return indexed != null && indexed >= version;
  }

  void put(Term key, long version, Document doc) throws IOException {
    writer.updateDocument(key, doc);
    versions.put(key, version);
  }

  void delete(Term key) throws IOException {
    writer.deleteDocuments(key);
    versions.remove(key);
  }

  void clear() throws IOException {
    writer.deleteAll();
    versions.clear();
  }

  void afterWrite(String what) {
    try {
      if (durable) {
        writer.commit();
      }
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new KbStorageException("cannot " + what, e);
    }
  }

  long size() {
    return writer.getDocStats().numDocs;
  }

  IndexSearcher acquire() {
    try {
      return searchers.acquire();
    } catch (IOException e) {
      throw new KbStorageException("cannot open a searcher", e);
    }
  }

  void release(IndexSearcher searcher) {
    try {
      searchers.release(searcher);
    } catch (IOException e) {
      throw new KbStorageException("cannot release a searcher", e);
    }
  }

  void close() throws IOException {
    searchers.close();
    writer.close();
    directory.close();
  }
}
