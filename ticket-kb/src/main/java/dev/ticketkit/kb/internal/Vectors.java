package dev.ticketkit.kb.internal;

/** Dense vector arithmetic for embeddings. Stateless and thread-safe. */
public final class Vectors {

  private Vectors() {}

  /**
   * Returns a vector scaled to unit length (a copy), or a copy of it if it is all zeros.
   *
   * @param v the vector
   * @return the unit vector
   */
  public static float[] unit(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    float[] unit = v.clone();
    if (norm > 0) {
      float scale = (float) (1 / Math.sqrt(norm));
      for (int i = 0; i < unit.length; i++) {
        unit[i] *= scale;
      }
    }
    return unit;
  }

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
