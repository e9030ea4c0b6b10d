package dev.ticketkit.kb.search;

import dev.ticketkit.kb.store.KbStorageException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MergePolicy;
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
 * and segment (and, in hybrid search, every segment's HNSW graph is searched), so a read-mostly
 * knowledge base searches faster with fewer segments.
 *
 * <p>Searchers follow merges: Lucene merges segments on its own merge threads, minutes after the
 * bulk import that triggered them, when no write may follow for hours. Each finished merge is
 * counted and reported to the owner ({@code onMerge}, called on the merge thread), which
 * refreshes the searchers through {@link #refreshIfMerged} unless a write is running (the write
 * refreshes when it ends). No thread, timer or clock of the library's own is involved. Not
 * thread-safe for writes and refreshes: {@link LuceneArticleIndex} serializes them; searches
 * acquire and release searchers concurrently.
 */
final class TenantShard {

  /**
   * The merge policy's floor: smaller segments count as this large. Lucene also merges segments
   * under it while a refresh opens its reader (merge-on-refresh, up to 500 ms), so only merges of
   * larger segments run after the refresh, on the merge threads.
   */
  static final double FLOOR_SEGMENT_MB = 16;

  private final Directory directory;
  private final boolean durable;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Map<Term, Long> versions = new HashMap<>();
  private final MergeCounter merges;
  /** How many merges had finished when the last refresh began. */
  private volatile long refreshedAfter;

  /**
   * Opens a tenant's index.
   *
   * @param directory its directory
   * @param durable whether every write is committed
   * @param analyzer the analyzer
   * @param floorSegmentMB the merge policy's floor, {@link #FLOOR_SEGMENT_MB} but in tests
   * @param onMerge called on Lucene's merge thread after each merge of this shard has finished;
   *     must not block
   */
  TenantShard(Directory directory, boolean durable, Analyzer analyzer, double floorSegmentMB,
      Runnable onMerge) throws IOException {
    this.directory = directory;
    this.durable = durable;
    this.merges = new MergeCounter(onMerge);
    IndexWriterConfig config = new IndexWriterConfig(analyzer)
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
        .setRAMBufferSizeMB(64)
        .setMergePolicy(new TieredMergePolicy().setSegmentsPerTier(2)
            .setFloorSegmentMB(floorSegmentMB))
        .setMergeScheduler(merges);
    this.writer = new IndexWriter(directory, config);
    this.searchers = new SearcherManager(writer, new SearcherFactory());
  }

  /**
   * Lucene's concurrent merge scheduler (merge threads, I/O throttling, stalls unchanged) that
   * counts finished merges and reports each one. A merge's segment replaces its sources in the
   * writer before {@link #doMerge} returns, so a searcher opened after the report sees it.
   */
  private static final class MergeCounter extends ConcurrentMergeScheduler {
    private final AtomicLong finished = new AtomicLong();
    private final Runnable onMerge;

    MergeCounter(Runnable onMerge) {
      this.onMerge = onMerge;
    }

    @Override
    protected void doMerge(MergeSource source, MergePolicy.OneMerge merge) throws IOException {
      super.doMerge(source, merge);
      finished.incrementAndGet();
      onMerge.run();
    }
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
      refresh();
    } catch (IOException e) {
      throw new KbStorageException("cannot " + what, e);
    }
  }

  /** Tells whether a merge has finished since the last refresh began. */
  boolean merged() {
    return merges.finished.get() != refreshedAfter;
  }

  /**
   * Refreshes the searchers if a merge has finished since the last refresh began; the caller
   * excludes writes.
   *
   * @throws IOException if the merged segments cannot be opened
   */
  void refreshIfMerged() throws IOException {
    if (merged()) {
      refresh();
    }
  }

  private void refresh() throws IOException {
    long finished = merges.finished.get();
    searchers.maybeRefreshBlocking();
    refreshedAfter = finished;
  }

  /** Returns how many merges of this shard have finished (tests). */
  long mergesFinished() {
    return merges.finished.get();
  }

  /** Waits until no merge of this shard runs or is pending (tests). */
  void awaitMerges() {
    merges.sync();
  }

  /** Returns how many segments searches read (tests). */
  int searchedSegments() {
    IndexSearcher searcher = acquire();
    try {
      return searcher.getIndexReader().leaves().size();
    } finally {
      release(searcher);
    }
  }

  /** Returns how many segments the writer holds now (tests). */
  int segments() throws IOException {
    try (DirectoryReader current = DirectoryReader.open(writer)) {
      return current.leaves().size();
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

  /**
   * Closes the shard. A durable one commits and waits for running merges; an in-memory one,
   * whose content is lost anyway, aborts them instead of waiting (after a bulk import, the last
   * merges rebuild HNSW graphs for minutes).
   */
  void close() throws IOException {
    searchers.close();
    if (durable) {
      writer.close();
    } else {
      writer.rollback();
    }
    directory.close();
  }
}
