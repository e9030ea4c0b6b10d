package dev.ticketkit.kb.search;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketKitException;
import dev.ticketkit.kb.Article;
import dev.ticketkit.kb.ArticleId;
import dev.ticketkit.kb.internal.KbAnalyzer;
import dev.ticketkit.kb.store.ArticleRef;
import dev.ticketkit.kb.store.ArticleStore;
import dev.ticketkit.kb.store.KbStorageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.SingleInstanceLockFactory;
import org.jspecify.annotations.Nullable;

/**
 * The Lucene implementation of {@link ArticleSearchIndex}: one {@link TenantShard} (a Lucene
 * index with its own term statistics) per tenant, created on the tenant's first article; on disk
 * each in a subdirectory named after the tenant's id in hex.
 *
 * <p>Thread-safe: writes are serialized on a lock and refresh the shard's searchers before they
 * return; searches acquire a searcher of their tenant's shard and run concurrently. With an
 * embedding, articles are embedded outside the lock and queries once per search.
 *
 * <p>Searchers also follow Lucene's background merges ({@link #catchUp}): the thread that finishes
 * a merge (Lucene's merge thread) refreshes the searchers of the merged shard if it can take the
 * write lock at once; if a write holds it, that write refreshes on its way out and then catches
 * up with merges that finished meanwhile. So searches after a bulk import move to the merged
 * segments as soon as the merges end, with no thread, timer or clock of the library's own, no
 * write ever waits for a merge, and a merge thread never waits for a write. A refresh never
 * happens in the middle of a write, so searches never see half of a bulk import or of a
 * rebuild.
 */
final class LuceneArticleIndex implements ArticleSearchIndex {

  private static final int SCAN_PAGE = 1_000;
  private static final String SHARD_PREFIX = "t-";

  private final @Nullable Path root;
  private final Analyzer analyzer;
  private final QueryFactory queries;
  private final Snippets snippets;
  private final SearchSettings settings;
  private final @Nullable TextEmbedding embedding;
  private final ReentrantLock writes = new ReentrantLock();
  private final Map<String, TenantShard> shards = new ConcurrentHashMap<>();

  private final double floorSegmentMB;

  private LuceneArticleIndex(@Nullable Path root, SearchSettings settings, double floorSegmentMB)
      throws IOException {
    Analyzer main = settings.chinese() == ChineseAnalysis.SMART
        ? KbAnalyzer.smart() : KbAnalyzer.bigram();
    this.root = root;
    this.floorSegmentMB = floorSegmentMB;
    this.settings = settings;
    this.embedding = settings.embedding();
    this.analyzer = new PerFieldAnalyzerWrapper(main, Map.of(
        ArticleDocuments.HAN, KbAnalyzer.unigram(), ArticleDocuments.PINYIN, KbAnalyzer.pinyin()));
    this.queries = new QueryFactory(settings, main);
    this.snippets = new Snippets(main);
    if (root != null) {
      try (Stream<Path> dirs = Files.list(root)) {
        for (Path dir : dirs.filter(Files::isDirectory).toList()) {
          String name = dir.getFileName().toString();
          if (name.startsWith(SHARD_PREFIX)) {
            String tenant = new String(HexFormat.of().parseHex(name.substring(2)),
                StandardCharsets.UTF_8);
            shards.put(tenant, new TenantShard(FSDirectory.open(dir), true, analyzer,
                floorSegmentMB, this::catchUp));
          }
        }
      }
    }
  }

  static LuceneArticleIndex inMemory(SearchSettings settings) {
    return inMemory(settings, TenantShard.FLOOR_SEGMENT_MB);
  }

  /** An in-memory index whose merge policy rounds smaller segments up to this size (tests). */
  static LuceneArticleIndex inMemory(SearchSettings settings, double floorSegmentMB) {
    try {
      return new LuceneArticleIndex(null, settings, floorSegmentMB);
    } catch (IOException e) {
      throw new KbStorageException("cannot create an in-memory index", e);
    }
  }

  static LuceneArticleIndex onDisk(Path path, SearchSettings settings) {
    return onDisk(path, settings, TenantShard.FLOOR_SEGMENT_MB);
  }

  /** An on-disk index whose merge policy rounds smaller segments up to this size (tests). */
  static LuceneArticleIndex onDisk(Path path, SearchSettings settings, double floorSegmentMB) {
    try {
      Files.createDirectories(path);
      return new LuceneArticleIndex(path, settings, floorSegmentMB);
    } catch (IOException | IllegalArgumentException e) {
      throw new KbStorageException("cannot open the index directory " + path, e);
    }
  }

  private TenantShard shard(TenantId tenant) {
    return shards.computeIfAbsent(tenant.value(), t -> {
      try {
        Directory directory = root == null
            // One heap buffer per file: clones and slices (one per term lookup) are then O(1).
            ? new ByteBuffersDirectory(new SingleInstanceLockFactory(),
                ByteBuffersDataOutput::new, ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER)
            : FSDirectory.open(root.resolve(SHARD_PREFIX
                + HexFormat.of().formatHex(t.getBytes(StandardCharsets.UTF_8))));
        return new TenantShard(directory, root != null, analyzer, floorSegmentMB,
            this::catchUp);
      } catch (IOException e) {
        throw new KbStorageException("cannot open the index of tenant " + t, e);
      }
    });
  }

  @Override
  public void index(Article article) {
    indexAll(List.of(article));
  }

  @Override
  public void indexAll(Collection<Article> articles) {
    List<Article> all = List.copyOf(articles);
    List<float[]> vectors = embed(all);
    writes.lock();
    try {
      List<TenantShard> changed = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        TenantShard shard = put(all.get(i), vectors == null ? null : vectors.get(i),
            vectors == null ? null : vectors.get(all.size() + i));
        if (shard != null && !changed.contains(shard)) {
          changed.add(shard);
        }
      }
      changed.forEach(s -> s.afterWrite("index " + all.size() + " articles"));
    } finally {
      writes.unlock();
    }
    catchUp();
  }

  /**
   * Refreshes the searchers of every shard with a merge finished since its last refresh, unless
   * a write (or another refresh) holds the write lock: never blocks. Called on Lucene's merge
   * thread after each merge, and after each write once the lock is released; whoever holds the
   * lock when a merge finishes checks again after releasing it, so no finished merge stays
   * unseen. A failed refresh is left to the next write, which refreshes and reports it.
   */
  private void catchUp() {
    while (shards.values().stream().anyMatch(TenantShard::merged) && writes.tryLock()) {
      try {
        for (TenantShard shard : shards.values()) {
          shard.refreshIfMerged();
        }
      } catch (IOException | AlreadyClosedException e) {
        return;
      } finally {
        writes.unlock();
      }
    }
  }

  /**
   * Embeds articles in one batch: the first half of the result holds the articles' vectors, the
   * second half their titles' vectors (same order); null without an embedding.
   */
  private @Nullable List<float[]> embed(List<Article> articles) {
    if (embedding == null || articles.isEmpty()) {
      return null;
    }
    List<String> texts = new ArrayList<>(articles.size() * 2);
    articles.forEach(a -> texts.add(ArticleDocuments.embeddingText(a)));
    articles.forEach(a -> texts.add(a.title()));
    return embedding.embedDocuments(texts);
  }

  /** Indexes one article; returns its shard if it changed, null if it held a newer version. */
  private @Nullable TenantShard put(Article article, float @Nullable [] vector,
      float @Nullable [] titleVector) {
    Term key = ArticleDocuments.key(article.tenant(), article.id());
    TenantShard shard = shard(article.tenant());
    if (shard.holds(key, article.version())) {
      return null;
    }
    try {
      shard.put(key, article.version(), ArticleDocuments.of(article, vector, titleVector));
    } catch (IOException e) {
      throw new KbStorageException("cannot index article " + article.id(), e);
    }
    return shard;
  }

  @Override
  public void remove(TenantId tenant, ArticleId id) {
    Objects.requireNonNull(id, "id");
    writes.lock();
    try {
      TenantShard shard = shards.get(tenant.value());
      if (shard == null) {
        return;
      }
      try {
        shard.delete(ArticleDocuments.key(tenant, id));
      } catch (IOException e) {
        throw new KbStorageException("cannot remove article " + id, e);
      }
      shard.afterWrite("remove article " + id);
    } finally {
      writes.unlock();
    }
    catchUp();
  }

  @Override
  public long rebuild(ArticleStore store) {
    writes.lock();
    try {
      try {
        for (TenantShard shard : shards.values()) {
          shard.clear();
        }
      } catch (IOException e) {
        throw new KbStorageException("cannot clear the index", e);
      }
      long count = 0;
      ArticleRef after = null;
      for (List<Article> page = store.scan(null, SCAN_PAGE); !page.isEmpty();
          page = store.scan(after, SCAN_PAGE)) {
        List<float[]> vectors = embed(page);
        for (int i = 0; i < page.size(); i++) {
          put(page.get(i), vectors == null ? null : vectors.get(i),
              vectors == null ? null : vectors.get(page.size() + i));
        }
        count += page.size();
        Article last = page.get(page.size() - 1);
        after = new ArticleRef(last.tenant(), last.id());
      }
      shards.values().forEach(s -> s.afterWrite("rebuild the index"));
      return count;
    } finally {
      writes.unlock();
      catchUp();
    }
  }

  @Override
  public java.util.Optional<TextEmbedding> embedding() {
    return java.util.Optional.ofNullable(embedding);
  }

  @Override
  public long size() {
    return shards.values().stream().mapToLong(TenantShard::size).sum();
  }

  @Override
  public SearchResults search(SearchRequest request) {
    return run(request, null);
  }

  /** Returns the relevance features of a search's hits (for calibration and tests). */
  List<Relevance.Features> features(SearchRequest request) {
    List<Relevance.Features> out = new ArrayList<>();
    run(request, out);
    return out;
  }

  private SearchResults run(SearchRequest request, @Nullable List<Relevance.Features> explain) {
    TenantShard shard = shards.get(request.tenant().value());
    if (shard == null) {
      return SearchResults.EMPTY;
    }
    IndexSearcher searcher = shard.acquire();
    try {
      QueryFactory.Built query = queries.build(request, searcher.getIndexReader());
      if (query == null) {
        return SearchResults.EMPTY;
      }
      Query text = preferred(query.text(), request);
      String meaning = request.text().isBlank() ? request.context() : request.text();
      float[] vector = embedding == null ? null : embedding.embedQuery(meaning);
      TopDocs top = vector == null
          ? FilteredSearch.top(searcher, text, query.filter(), request.limit())
          : HybridRanking.fuse(searcher, text, query.filter(), vector, request.limit(),
              settings.vectorWeight());
      Relevance.Features[] features = Relevance.features(searcher, query, top.scoreDocs, vector);
      double[] relevance = Relevance.of(features, vector != null);
      if (explain != null) {
        explain.addAll(List.of(features));
      }
      return snippets.results(searcher, query.text(), top, request, relevance,
          settings.confidence());
    } catch (IOException | RuntimeException e) {
      throw failed(request, e);
    } finally {
      shard.release(searcher);
    }
  }

  /** Multiplies the score of articles in the preferred language, if the request has one. */
  private static Query preferred(Query text, SearchRequest request) {
    if (request.preferredLocale() == null || request.locale() != null) {
      return text;
    }
    return FunctionScoreQuery.boostByQuery(text, new TermQuery(new Term(ArticleDocuments.LANGUAGE,
        request.preferredLocale().getLanguage())), SearchRequest.PREFERENCE_BOOST);
  }

  private static TicketKitException failed(SearchRequest request, Exception e) {
    if (e instanceof TicketKitException known) {
      return known;
    }
    if (e instanceof IndexSearcher.TooManyClauses) {
      return new SearchQueryException("text", request.text(), "is too complex to search");
    }
    return new KbStorageException("search failed for tenant " + request.tenant(), e);
  }

  @Override
  public void close() {
    writes.lock();
    try {
      for (TenantShard shard : shards.values()) {
        shard.close();
      }
      shards.clear();
    } catch (IOException e) {
      throw new KbStorageException("cannot close the index", e);
    } finally {
      writes.unlock();
    }
  }

  /** Returns a tenant's shard, or null if it has none (tests). */
  @Nullable TenantShard shardOf(TenantId tenant) {
    return shards.get(tenant.value());
  }
}
