package io.openvpc.api;

/**
 * Strict UTF-8, as requests must be encoded. Java's and Jackson's decoders forgive what must be
 * refused: an overlong form ({@code C0 80} for NUL), an encoded surrogate ({@code ED A0 80}), a code
 * point over U+10FFFF. Rather than failing a whole body, {@link #decodeMarking} turns each byte of a
 * bad sequence into a lone surrogate (U+DC80 to U+DCFF, as Python's {@code surrogateescape} does), so
 * that the parameter check that refuses lone surrogates names the member that carried it.
 */
public final class Utf8 {
  private Utf8() {}

  /** Whether {@code bytes} are well-formed UTF-8 (the check Java's strict decoder makes, without allocating). */
  public static boolean isValid(byte[] bytes) {
    for (int i = 0; i < bytes.length; ) {
      if (bytes[i] >= 0) {
        i++;
        continue;
      }
      int n = sequenceLength(bytes, i, bytes.length);
      if (n < 0) {
        return false;
      }
      i += n;
    }
    return true;
  }

  /** The text of {@code bytes[from, to)}, each byte of an ill-formed sequence becoming U+DC80 + its low 7 bits. */
  public static String decodeMarking(byte[] bytes, int from, int to) {
    StringBuilder out = new StringBuilder(to - from);
    for (int i = from; i < to; ) {
      int b = bytes[i] & 0xFF;
      if (b < 0x80) {
        out.append((char) b);
        i++;
        continue;
      }
      int n = sequenceLength(bytes, i, to);
      if (n < 0) {
        out.append((char) (0xDC00 | b));
        i++;
        continue;
      }
      out.appendCodePoint(codePoint(bytes, i, n));
      i += n;
    }
    return out.toString();
  }

  /** The text of {@code bytes}: decoded as is when well-formed (the common case), else marked as above. */
  public static String decodeMarking(byte[] bytes) {
    return decodeMarking(bytes, 0, bytes.length);
  }

  /** Whether a character is one that {@link #decodeMarking} made of a bad byte (or a lone low surrogate). */
  static boolean isMark(char c) {
    return c >= 0xDC80 && c <= 0xDCFF;
  }

  /**
   * The length of the well-formed sequence that starts at {@code i} (2 to 4), or -1: a bad lead byte, a
   * missing or bad continuation, an overlong form, a surrogate or a code point over U+10FFFF.
   */
  private static int sequenceLength(byte[] b, int i, int to) {
    int lead = b[i] & 0xFF;
    int n;
    int min;
    if (lead >= 0xC2 && lead <= 0xDF) {
      n = 2;
      min = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      n = 3;
      min = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      n = 4;
      min = 0x10000;
    } else {
      return -1;
    }
    if (i + n > to) {
      return -1;
    }
    int cp = lead & (0x7F >> n);
    for (int k = 1; k < n; k++) {
      int d = b[i + k] & 0xFF;
      if ((d & 0xC0) != 0x80) {
        return -1;
      }
      cp = (cp << 6) | (d & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return -1;
    }
    return n;
  }

  private static int codePoint(byte[] b, int i, int n) {
    int cp = (b[i] & 0xFF) & (0x7F >> n);
    for (int k = 1; k < n; k++) {
      cp = (cp << 6) | (b[i + k] & 0x3F);
    }
    return cp;
  }
}
