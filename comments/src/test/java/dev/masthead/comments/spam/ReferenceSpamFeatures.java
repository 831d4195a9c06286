package dev.masthead.comments.spam;

import dev.masthead.comments.links.LinkFinder;
import dev.masthead.core.StreamSafe;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A frozen copy of {@link SpamFeatures} as it was before the throughput work (commit f10bd5a), the oracle that
 * {@link SpamFeaturesProperties} holds the optimized extraction to: the starter model and every evaluated
 * figure depend on these exact buckets. Do not optimize this copy.
 *
 * <p>Turns a comment into the features the learned classifier weighs: word unigrams and bigrams, character 3- to
 * 5-grams over the words (with word boundaries marked) and a long-number marker, the n-grams; then the
 * {@link SpamCues} found (links, obfuscated links, contact channels, calls to action, ...) and the host of each
 * link, the cues. Features are hashed (the "hashing trick", Weinberger et al. 2009) into {@link #BUCKETS}
 * buckets with 64-bit FNV-1a, so that extraction allocates no string per n-gram.
 *
 * <p>The text is folded first (NFKC, lower case in the root locale, invisible format characters removed), so
 * {@code FREE}, {@code ｆｒｅｅ} and {@code f\u200Bree} give the same features. Each feature is present or
 * absent (binary features: comments are short, and counts add little but noise); character n-grams keep the
 * punctuation between words ({@code !!!}, {@code :)}, {@code $50}). Only the first
 * {@value #MAX_TEXT_CHARS} chars are read, so a 10 MB comment costs no more than a long one.
 */
final class ReferenceSpamFeatures {
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
  private static final long CUE = 'c';
  private static final int[] CUE_BUCKETS = new int[ReferenceSpamCues.Cue.values().length];

  static {
    for (ReferenceSpamCues.Cue cue : ReferenceSpamCues.Cue.values()) {
      CUE_BUCKETS[cue.ordinal()] = bucket(hash(CUE, cue.code, 0, cue.code.length()));
    }
  }

  /**
   * The features of one comment, each present or absent (weighing 1): {@code buckets[0, grams)} are its n-grams,
   * the rest its cues and link hosts. Buckets are distinct.
   */
  record Features(int[] buckets, int grams) {}

  private ReferenceSpamFeatures() {}

  /** The features of a plain text, its links and cues found as the validator would. */
  static Features of(String text) {
    String cut = text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) : text;
    List<String> links = LinkFinder.find(List.of(), cut);
    return of(cut, ReferenceSpamCues.scan(cut, links, ""), LinkFinderHosts.of(links));
  }

  /** The features of a validated comment, with the links the validator found. */
  static Features of(dev.masthead.comments.Comment comment) {
    return of(comment.contentText(), ReferenceSpamCues.of(comment), LinkFinderHosts.of(comment.links()));
  }

  static Features of(String text, ReferenceSpamCues.Found found, List<String> hosts) {
    int[] grams = grams(text);
    int[] out = Arrays.copyOf(grams, grams.length + found.cues().size() + hosts.size());
    int size = grams.length;
    for (ReferenceSpamCues.Cue cue : found.cues()) {
      if (cue != ReferenceSpamCues.Cue.SHOUTING) { // reported, never weighed: see ReferenceSpamCues.Cue.SHOUTING
        out[size++] = CUE_BUCKETS[cue.ordinal()];
      }
    }
    for (String host : hosts) {
      out[size++] = bucket(hash(HOST, host, 0, host.length()));
    }
    int[] all = distinct(out, size);
    // distinct keeps first-seen order, so the n-grams stay first unless a cue collided with one of them
    int gramCount = Math.min(grams.length, all.length);
    return new Features(all, gramCount);
  }

  /** The distinct n-gram buckets of a text, in first-seen order. */
  static int[] grams(String text) {
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
        previous = hash(LINK, "#", 0, 1);
        out = add(out, size++, bucket(previous));
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
      joined.append(folded, start, i).append(' '); // character n-grams keep punctuation: "!!!", ":)", "$50"
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

  /** Whether the token {@code s[from, to)} is a link, by the one link detector (punctuation around it trimmed). */
  private static boolean isLink(String s, int from, int to) {
    int e = to;
    while (e > from && ".,;:!?'*\")]".indexOf(s.charAt(e - 1)) >= 0) {
      e--;
    }
    int b = from;
    while (b < e && "\"'(*[".indexOf(s.charAt(b)) >= 0) {
      b++;
    }
    return e - b > 3 && s.indexOf('.', b) >= 0 && s.indexOf('.', b) < e
        && LinkFinder.isBareLink(s.substring(b, e));
  }

  /** The hosts of links, distinct, in order. */
  private static final class LinkFinderHosts {
    static List<String> of(List<String> links) {
      if (links.isEmpty()) {
        return List.of();
      }
      List<String> hosts = new java.util.ArrayList<>(links.size());
      for (String link : links) {
        String host = LinkFinder.host(link);
        if (!hosts.contains(host)) {
          hosts.add(host);
        }
      }
      return hosts;
    }
  }
}
