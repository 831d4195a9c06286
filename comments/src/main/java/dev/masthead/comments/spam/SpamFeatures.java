package dev.masthead.comments.spam;

import dev.masthead.core.StreamSafe;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * Turns a comment's text into the features the learned classifier weighs: word unigrams and bigrams,
 * character 3- to 5-grams over the words (with word boundaries marked), a link marker with the link's host,
 * and a long-number marker. Features are hashed (the "hashing trick", Weinberger et al. 2009) into
 * {@link #BUCKETS} buckets with 64-bit FNV-1a, so that extraction allocates no string per feature.
 *
 * <p>The text is folded first (NFKC, lower case in the root locale, invisible format characters removed), so
 * {@code FREE}, {@code ｆｒｅｅ} and {@code f\u200Bree} give the same features. Each feature is present or
 * absent (binary features: comments are short, and counts add little but noise). Only the first
 * {@value #MAX_TEXT_CHARS} chars are read, so a 10 MB comment costs no more than a long one.
 */
final class SpamFeatures {
  static final int BUCKET_BITS = 18;
  static final int BUCKETS = 1 << BUCKET_BITS;
  static final int MIN_CHAR_GRAM = 3;
  static final int MAX_CHAR_GRAM = 5;
  static final int MAX_TEXT_CHARS = 4_000;

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  private static final long WORD = 'w';
  private static final long BIGRAM = 'b';
  private static final long LINK = 'l';
  private static final long HOST = 'h';
  private static final long NUMBER = 'n';

  private SpamFeatures() {}

  /** The distinct buckets of a text's features, in first-seen order. */
  static int[] of(String text) {
    String folded = fold(text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) : text);
    int[] out = new int[64];
    int size = 0;
    StringBuilder joined = new StringBuilder(folded.length() + 2).append(' ');
    long previous = hash(WORD, "^", 0, 1);
    int n = folded.length();
    int i = 0;
    while (i < n) {
      while (i < n && Character.isWhitespace(folded.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(folded.charAt(i))) {
        i++;
      }
      if (start == i) {
        break;
      }
      if (isLink(folded, start, i)) {
        out = add(out, size++, bucket(hash(LINK, "#", 0, 1)));
        int[] host = host(folded, start, i);
        if (host[1] > host[0]) {
          out = add(out, size++, bucket(hash(HOST, folded, host[0], host[1])));
        }
        previous = hash(LINK, "#", 0, 1);
        joined.append(folded, start, i).append(' ');
        continue;
      }
      int s = start;
      int e = i;
      while (s < e && !Character.isLetterOrDigit(folded.charAt(s))) {
        s++;
      }
      while (e > s && !Character.isLetterOrDigit(folded.charAt(e - 1))) {
        e--;
      }
      if (s == e) {
        continue;
      }
      long word = hash(WORD, folded, s, e);
      out = add(out, size++, bucket(word));
      out = add(out, size++, bucket(mix(BIGRAM, previous, word)));
      previous = word;
      if (e - s >= 5 && allDigits(folded, s, e)) {
        out = add(out, size++, bucket(hash(NUMBER, "#", 0, 1)));
      }
      joined.append(folded, s, e).append(' ');
    }
    int len = joined.length();
    for (int at = 0; at + MIN_CHAR_GRAM <= len; at++) {
      // one pass per start: the hash of the 3-gram extends to the 4- and 5-gram starting there
      long h = FNV_OFFSET;
      int end = Math.min(len, at + MAX_CHAR_GRAM);
      for (int k = at; k < end; k++) {
        char c = joined.charAt(k);
        h = (h ^ c) * FNV_PRIME;
        int gram = k - at + 1;
        if (gram >= MIN_CHAR_GRAM) {
          out = add(out, size++, bucket(h * 31 + gram));
        }
      }
    }
    return distinct(out, size);
  }

  /** The distinct values of {@code values[0, size)}, in first-seen order, through an open-addressing set. */
  private static int[] distinct(int[] values, int size) {
    int capacity = Integer.highestOneBit(Math.max(16, size * 2 - 1)) << 1;
    int[] table = new int[capacity]; // stores value + 1; 0 is empty
    int mask = capacity - 1;
    int[] out = new int[size];
    int n = 0;
    for (int k = 0; k < size; k++) {
      int v = values[k];
      int slot = (v * 0x9E3779B1) >>> 7 & mask;
      while (table[slot] != 0 && table[slot] != v + 1) {
        slot = slot + 1 & mask;
      }
      if (table[slot] == 0) {
        table[slot] = v + 1;
        out[n++] = v;
      }
    }
    return Arrays.copyOf(out, n);
  }

  private static int[] add(int[] out, int at, int value) {
    int[] target = at < out.length ? out : Arrays.copyOf(out, out.length * 2);
    target[at] = value;
    return target;
  }

  static String fold(String text) {
    if (TextFolding.isPlainAscii(text)) {
      return text.toLowerCase(Locale.ROOT);
    }
    String nfkc = Normalizer.normalize(StreamSafe.of(text), Normalizer.Form.NFKC);
    StringBuilder sb = new StringBuilder(nfkc.length());
    for (int i = 0; i < nfkc.length(); ) {
      int cp = nfkc.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (type == Character.FORMAT || type == Character.SURROGATE) {
        continue;
      }
      sb.appendCodePoint(cp);
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }

  private static long hash(long kind, CharSequence s, int from, int to) {
    long h = (FNV_OFFSET ^ kind) * FNV_PRIME;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      h = (h ^ (c & 0xff)) * FNV_PRIME;
      h = (h ^ (c >>> 8)) * FNV_PRIME;
    }
    return h;
  }

  private static long mix(long kind, long a, long b) {
    long h = (FNV_OFFSET ^ kind) * FNV_PRIME;
    h = (h ^ a) * FNV_PRIME;
    h = (h ^ b) * FNV_PRIME;
    return h;
  }

  private static int bucket(long hash) {
    long h = hash ^ (hash >>> 29);
    h *= 0xbf58476d1ce4e5b9L;
    h ^= h >>> 32;
    return (int) (h >>> (64 - BUCKET_BITS));
  }

  private static boolean allDigits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static boolean isLink(String s, int from, int to) {
    if (s.startsWith("http://", from) || s.startsWith("https://", from) || s.startsWith("www.", from)) {
      return true;
    }
    int dot = s.indexOf('.', from);
    if (dot <= from || dot >= to - 2) {
      return false;
    }
    String token = s.substring(from, to);
    return token.contains(".com") || token.contains(".ly/") || token.contains(".net") || token.contains(".org");
  }

  /** The [from, to) of a link's host, without a scheme or a leading "www.". */
  private static int[] host(String s, int from, int to) {
    int start = from;
    int scheme = s.indexOf("://", from);
    if (scheme >= 0 && scheme < to) {
      start = scheme + 3;
    }
    if (s.startsWith("www.", start)) {
      start += 4;
    }
    int end = start;
    while (end < to && s.charAt(end) != '/' && s.charAt(end) != '?' && s.charAt(end) != '#') {
      end++;
    }
    return new int[] {start, end};
  }
}
