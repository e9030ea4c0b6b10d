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

  /**
   * Returns a vector scaled to unit length and quantised to one signed byte per component
   * ({@code round(127 x / max |x|)}), followed by the 4 bytes of the float that restores the
   * scale ({@code max |x| / 127}): a quarter of the floats' size, cosine error under 0.01.
   *
   * @param v the vector
   * @return the quantised bytes, {@code v.length + 4} long
   */
  public static byte[] quantise(float[] v) {
    float[] unit = unit(v);
    float max = 0;
    for (float x : unit) {
      max = Math.max(max, Math.abs(x));
    }
    byte[] out = new byte[unit.length + 4];
    float scale = max == 0 ? 0 : 127 / max;
    for (int i = 0; i < unit.length; i++) {
      out[i] = (byte) Math.round(unit[i] * scale);
    }
    int bits = Float.floatToIntBits(max / 127);
    for (int b = 0; b < 4; b++) {
      out[unit.length + b] = (byte) (bits >>> (24 - 8 * b));
    }
    return out;
  }

  /**
   * Returns the dot product of a unit vector with a vector quantised by {@link #quantise}, read
   * from {@code length} bytes at {@code offset}: their cosine.
   *
   * @param unit a unit vector
   * @param bytes the quantised vector's bytes
   * @param offset where they start
   * @param length how many bytes, {@code unit.length + 4}
   * @return the cosine, about -1 to 1; 0 if the lengths differ
   */
  public static double dotQuantised(float[] unit, byte[] bytes, int offset, int length) {
    if (length != unit.length + 4) {
      return 0;
    }
    int bits = 0;
    for (int b = 0; b < 4; b++) {
      bits = (bits << 8) | (bytes[offset + unit.length + b] & 0xff);
    }
    float dot = 0;
    for (int i = 0; i < unit.length; i++) {
      dot += unit[i] * bytes[offset + i];
    }
    return dot * Float.intBitsToFloat(bits);
  }
}
