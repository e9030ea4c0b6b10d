package dev.ticketkit.kb.semantic.internal;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;

/**
 * Loads a bundled, quantised BERT encoder (an ONNX file and its tokenizer on the classpath) into
 * an ONNX Runtime session whose work runs on the calling thread, and L2-normalises its vectors.
 * Shared by the module's embeddings. Stateless; the models it returns are thread-safe.
 */
public final class OnnxModels {

  private OnnxModels() {}

  /**
   * Loads a model from the classpath.
   *
   * @param loader the class loader whose classpath holds the files
   * @param model the ONNX file's resource name
   * @param tokenizer the tokenizer's resource name
   * @param dimensions the vectors' length
   * @param intraOpThreads ONNX Runtime intra-op threads
   * @param spinning whether idle intra-op threads spin
   * @param artifact the Maven artifact that holds the files, for the error message
   * @return the model, CLS-pooled
   * @throws IllegalStateException if a file is missing or the model cannot be loaded
   */
  public static EmbeddingModel load(ClassLoader loader, String model, String tokenizer,
      int dimensions, int intraOpThreads, boolean spinning, String artifact) {
    try (InputStream onnx = resource(loader, model, artifact);
        InputStream vocabulary = resource(loader, tokenizer, artifact);
        OrtSession.SessionOptions session = new OrtSession.SessionOptions()) {
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      session.setIntraOpNumThreads(intraOpThreads);
      session.setInterOpNumThreads(1);
      session.addConfigEntry("session.intra_op.allow_spinning", spinning ? "1" : "0");
      OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(environment,
          environment.createSession(onnx.readAllBytes(), session), vocabulary, PoolingMode.CLS);
      return new InProcess(encoder, dimensions);
    } catch (IOException | OrtException e) {
      throw new IllegalStateException("cannot load the bundled model " + model, e);
    }
  }

  private static InputStream resource(ClassLoader loader, String name, String artifact) {
    InputStream in = loader.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("the classpath has no " + name + " (add " + artifact + ")");
    }
    return in;
  }

  /**
   * Returns the embedding's vector scaled to unit length (unchanged if all zero).
   *
   * @param embedding the model's output
   * @return a new unit vector
   */
  public static float[] unit(Embedding embedding) {
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

  /** LangChain4j's in-process model over our own session, batches run on the calling thread. */
  private static final class InProcess extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;
    private final int dimensions;

    InProcess(OnnxBertBiEncoder encoder, int dimensions) {
      super(Runnable::run);
      this.encoder = encoder;
      this.dimensions = dimensions;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }

    @Override
    protected Integer knownDimension() {
      return dimensions;
    }
  }
}
