package dev.ticketkit.benchmarks.kb;

import dev.ticketkit.kb.search.TextEmbedding;
import dev.ticketkit.kb.semantic.BgeSmallZhEmbedding;
import dev.ticketkit.kb.semantic.EmbeddingOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A benchmark-only {@link TextEmbedding}: queries are embedded by the real model at every call;
 * article vectors come from a pool of real model embeddings of {@value #POOL} generated articles,
 * each reused with small Gaussian noise (sigma {@value #NOISE} per component, then normalised)
 * so that every article has its own vector. Embedding 100,000 articles with the real model would
 * take about 20-40 minutes on the shared 2-core machine; HNSW search time depends on the count,
 * the dimensions and the spread of the vectors, which the pool keeps realistic. Thread-safe if
 * the model is.
 */
final class PooledEmbedding implements TextEmbedding {

  static final int POOL = 1_000;
  static final double NOISE = 0.02;

  private final TextEmbedding model;
  private final List<float[]> pool;

  PooledEmbedding(TextEmbedding model, List<String> poolTexts) {
    this.model = model;
    this.pool = model.embedDocuments(poolTexts);
  }

  /**
   * Loads the real model for a benchmark: no query cache unless {@code -Dkb.queryCache=n} (every
   * search pays for its query embedding, the headline figure), ONNX intra-op threads from
   * {@code -Dkb.threads} (default 1) and spinning from {@code -Dkb.spin} (default false).
   */
  static BgeSmallZhEmbedding model() {
    return model(Integer.getInteger("kb.threads", 1), Boolean.getBoolean("kb.spin"),
        Integer.getInteger("kb.queryCache", 0));
  }

  /** Loads the real model with these session threads, spinning and query cache size. */
  static BgeSmallZhEmbedding model(int threads, boolean spin, int queryCache) {
    EmbeddingOptions options = EmbeddingOptions.defaults().withIntraOpThreads(threads)
        .withSpinning(spin).withQueryCache(queryCache);
    System.out.println("[kb-model] " + options);
    return BgeSmallZhEmbedding.load(options);
  }

  /** Returns the pool over {@value #POOL} generated articles (seed 4242) embedded by a model. */
  static PooledEmbedding ofGenerated(TextEmbedding model) {
    return new PooledEmbedding(model, new GeneratedArticles(4242).next(POOL).stream()
        .map(a -> a.title() + "\n" + a.content().body()).toList());
  }

  @Override
  public String name() {
    return model.name() + "-pooled";
  }

  @Override
  public int dimensions() {
    return model.dimensions();
  }

  @Override
  public float[] embedQuery(String text) {
    return model.embedQuery(text);
  }

  @Override
  public float[] embedDocument(String text) {
    Random random = new Random(text.hashCode());
    float[] base = pool.get(Math.floorMod(text.hashCode(), pool.size()));
    float[] v = new float[base.length];
    double norm = 0;
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (base[i] + NOISE * random.nextGaussian());
      norm += v[i] * v[i];
    }
    for (int i = 0; i < v.length; i++) {
      v[i] /= (float) Math.sqrt(norm);
    }
    return v;
  }

  @Override
  public List<float[]> embedDocuments(List<String> texts) {
    List<float[]> vectors = new ArrayList<>(texts.size());
    texts.forEach(t -> vectors.add(embedDocument(t)));
    return vectors;
  }
}
