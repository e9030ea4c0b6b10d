package dev.ticketkit.benchmarks.kb;

import dev.ticketkit.kb.Viewer;
import dev.ticketkit.kb.search.ArticleSearchIndex;
import dev.ticketkit.kb.search.SearchHit;
import dev.ticketkit.kb.search.SearchRequest;
import dev.ticketkit.kb.search.SearchResults;
import dev.ticketkit.kb.search.SearchSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints every hit of many searches on an on-disk index, so that two versions of the library can
 * be shown to return the same results: for the benchmarks' 24 queries and the queries of the
 * given relevance-set files ({@code kind | query | ids} lines), as a requester and as an agent,
 * each hit's id, type, score and relevance (as bits), confidence flag, title and body snippet.
 * Run it with two jars on the same index and compare the outputs ({@code cmp}).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.ticketkit.benchmarks.kb.KbSearchDigest lexical|hybrid /tmp/kbidx ticket-testkit/src/main/resources/kb/eval/queries.txt ...</pre>
 */
public final class KbSearchDigest {

  private KbSearchDigest() {}

  /**
   * Runs the searches.
   *
   * @param args {@code lexical|hybrid}, the index directory, then query files
   * @throws IOException if a query file cannot be read
   */
  public static void main(String[] args) throws IOException {
    boolean hybrid = args[0].equals("hybrid");
    List<String> queries = new ArrayList<>(List.of(KbSearchBenchmark.QUERIES));
    for (int i = 2; i < args.length; i++) {
      for (String line : Files.readAllLines(Path.of(args[i]))) {
        String[] parts = line.split("\\|");
        if (parts.length >= 2) {
          queries.add(parts[1].strip());
        }
      }
    }
    SearchSettings settings = SearchSettings.defaults();
    if (hybrid) {
      settings = settings.withEmbedding(PooledEmbedding.ofGenerated(PooledEmbedding.model()));
    }
    try (ArticleSearchIndex index = ArticleSearchIndex.onDisk(Path.of(args[1]), settings)) {
      for (String q : queries) {
        for (Viewer viewer : new Viewer[] {Viewer.REQUESTER, Viewer.AGENT}) {
          SearchResults results = index.search(
              SearchRequest.of(GeneratedArticles.TENANT, q).withViewer(viewer));
          System.out.println("Q " + viewer + " " + q + " total=" + results.totalHits());
          for (SearchHit h : results.hits()) {
            System.out.println("  " + h.articleId() + " " + h.type() + " "
                + Float.floatToIntBits(h.score()) + " " + Double.doubleToLongBits(h.relevance())
                + " " + h.confident() + " | " + h.titleHighlight() + " | " + h.snippet());
          }
        }
      }
    }
  }
}
