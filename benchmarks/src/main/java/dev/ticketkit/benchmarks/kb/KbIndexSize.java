package dev.ticketkit.benchmarks.kb;

import dev.ticketkit.kb.search.ArticleSearchIndex;
import dev.ticketkit.kb.search.SearchSettings;
import dev.ticketkit.kb.semantic.BgeSmallZhEmbedding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Indexes generated articles into an on-disk index, lexical and hybrid, and prints the bulk
 * indexing throughput and the index size; then embeds 200 articles with the real model to give
 * the embedding throughput a hybrid index pays on top (the hybrid index here uses
 * {@link PooledEmbedding}, see there).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.ticketkit.benchmarks.kb.KbIndexSize 100000</pre>
 */
public final class KbIndexSize {

  private KbIndexSize() {}

  /**
   * Runs the measurement.
   *
   * @param args the number of articles (default 100,000)
   * @throws IOException if the temporary directory fails
   */
  public static void main(String[] args) throws IOException {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    BgeSmallZhEmbedding model = BgeSmallZhEmbedding.load();
    PooledEmbedding pooled = PooledEmbedding.ofGenerated(model);
    for (SearchSettings settings : List.of(SearchSettings.defaults(),
        SearchSettings.defaults().withEmbedding(pooled))) {
      Path dir = Files.createTempDirectory("kb-size");
      GeneratedArticles generator = new GeneratedArticles(42);
      long start = System.nanoTime();
      try (ArticleSearchIndex index = ArticleSearchIndex.onDisk(dir, settings)) {
        for (int done = 0; done < count; done += 5_000) {
          index.indexAll(generator.next(Math.min(5_000, count - done)));
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(Locale.ROOT, "%s: %d articles in %.1f s (%.0f/s), index %.1f MB%n",
          settings.embedding() == null ? "lexical" : "hybrid (pooled vectors)", count, seconds,
          count / seconds, size(dir) / 1e6);
    }
    List<String> texts = new GeneratedArticles(99).next(200).stream()
        .map(a -> a.title() + "\n" + a.content().body()).toList();
    long start = System.nanoTime();
    model.embedDocuments(texts);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "bge-small-zh embedding of articles: %.0f articles/s%n",
        texts.size() / seconds);
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
