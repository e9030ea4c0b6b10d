package dev.ticketkit.kb.search;

import java.util.ArrayList;
import java.util.List;

/**
 * The embedding SPI of the knowledge base: turns a text into a dense vector whose cosine
 * similarity to another text's vector says how close their meanings are.
 *
 * <p>An index built with an embedding ({@link SearchSettings#withEmbedding}) stores one vector per
 * article in the same Lucene index (an HNSW vector field) and fuses vector neighbours with the
 * lexical ranking; the same embedding ranks ticket suggestions, similar tickets and FAQ candidate
 * clusters. The default implementation, a quantised bge-small-zh-v1.5 that runs in-process on the
 * CPU, is in the optional module {@code ticket-kb-semantic}; hosts that do not add that module
 * carry no model. Queries and documents may be embedded differently (retrieval models often
 * prefix short queries with an instruction).
 *
 * <p>Implementations must be thread-safe and deterministic (the same text always gives the same
 * vector), and every vector must have {@link #dimensions()} finite components, not all zero.
 */
public interface TextEmbedding {

  /**
   * Returns a stable name of the model (for example {@code bge-small-zh-v1.5-q}); an on-disk
   * index records nothing of it, so an index must be rebuilt after the model changes.
   *
   * @return the name
   */
  String name();

  /**
   * Returns the length of every vector this embedding makes.
   *
   * @return the dimensions, positive
   */
  int dimensions();

  /**
   * Embeds a search query or a ticket's text as a question.
   *
   * @param text the text, not blank
   * @return the vector
   */
  float[] embedQuery(String text);

  /**
   * Embeds an article or another passage that answers queries.
   *
   * @param text the text, not blank
   * @return the vector
   */
  float[] embedDocument(String text);

  /**
   * Embeds many passages; implementations may batch them.
   *
   * @param texts the texts, none blank
   * @return the vectors, in the order of the texts
   */
  default List<float[]> embedDocuments(List<String> texts) {
    List<float[]> vectors = new ArrayList<>(texts.size());
    texts.forEach(t -> vectors.add(embedDocument(t)));
    return vectors;
  }
}
