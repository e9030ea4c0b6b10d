package dev.ticketkit.kb.internal;

/** Dense vector arithmetic for embeddings. Stateless and thread-safe. */
public final class Vectors {

  private Vectors() {}

  /**
   * Returns the cosine similarity of two vectors of the same length, 0 if either is all zeros.
   *
   * @param a a vector
   * @param b another vector, as long as {@code a}
   * @return the cosine, -1 to 1
   */
  public static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }
}
