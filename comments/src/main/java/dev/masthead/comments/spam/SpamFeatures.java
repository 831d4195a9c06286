package dev.masthead.comments.spam;

import dev.masthead.comments.links.LinkFinder;
import dev.masthead.core.StreamSafe;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns a comment into the features the learned classifier weighs: word unigrams and bigrams, character 3- to
 * 5-grams over the words (with word boundaries marked) and a long-number marker, the n-grams; then the
 * {@link SpamCues} found (links, obfuscated links, contact channels, calls to action, ...) and the host of each
 * link, the cues. Features are hashed (the "hashing trick", Weinberger et al. 2009) into {@link #BUCKETS}
 * buckets with 64-bit FNV-1a, so that extraction allocates no string per n-gram, and made distinct in first-seen
 * order through a per-thread bit set (see {@link Scratch}).
 *
 * <p>The text is folded first (NFKC, lower case in the root locale, invisible format characters removed), so
 * {@code FREE}, {@code ｆｒｅｅ} and {@code f\u200Bree} give the same features. Each feature is present or
 * absent (binary features: comments are short, and counts add little but noise); character n-grams keep the
 * punctuation between words ({@code !!!}, {@code :)}, {@code $50}). Only the first
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
  private static final long CUE = 'c';
  private static final int[] CUE_BUCKETS = new int[SpamCues.Cue.values().length];
  private static final long START_WORD = hash(WORD, "^", 0, 1);
  private static final long LINK_WORD = hash(LINK, "#", 0, 1);
  private static final int LINK_BUCKET = bucket(LINK_WORD);
  private static final int NUMBER_BUCKET = bucket(hash(NUMBER, "#", 0, 1));

  static {
    for (SpamCues.Cue cue : SpamCues.Cue.values()) {
      CUE_BUCKETS[cue.ordinal()] = bucket(hash(CUE, cue.code, 0, cue.code.length()));
    }
  }

  /**
   * The features of one comment, each present or absent (weighing 1): {@code buckets[0, grams)} are its n-grams,
   * the rest its cues and link hosts. Buckets are distinct.
   */
  record Features(int[] buckets, int grams) {}

  private SpamFeatures() {}

  /**
   * The buckets of the cues the classifier weighs (every {@link SpamCues.Cue} but {@link SpamCues.Cue#SHOUTING}),
   * a new array each call.
   */
  static int[] weighedCueBuckets() {
    int[] out = new int[CUE_BUCKETS.length - 1];
    int k = 0;
    for (SpamCues.Cue cue : SpamCues.Cue.values()) {
      if (cue != SpamCues.Cue.SHOUTING) {
        out[k++] = CUE_BUCKETS[cue.ordinal()];
      }
    }
    return out;
  }

  /** The features of a plain text, its links and cues found as the validator would. */
  static Features of(String text) {
    String cut = text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) : text;
    List<String> links = LinkFinder.find(List.of(), cut);
    return of(cut, SpamCues.scan(cut, links, ""), LinkFinderHosts.of(links));
  }

  /** The features of a validated comment, with the links the validator found. */
  static Features of(dev.masthead.comments.Comment comment) {
    return of(comment, CommentCues.of(comment));
  }

  /** The features of a validated comment whose cues and link hosts are scanned. */
  static Features of(dev.masthead.comments.Comment comment, CommentCues cues) {
    return of(comment.contentText(), cues.found(), cues.hosts());
  }

  static Features of(String text, SpamCues.Found found, List<String> hosts) {
    Scratch scratch = Scratch.acquire();
    try {
      int grams = addAll(text, found, hosts, scratch);
      return new Features(scratch.toArray(), grams);
    } finally {
      scratch.release();
    }
  }

  /** Scores features in place: {@code buckets[0, size)} as {@link Features#buckets()}, the first {@code grams} n-grams. */
  interface Scorer {
    double score(int[] buckets, int size, int grams);
  }

  /**
   * What {@code scorer} gives for the features of a validated comment whose cues are scanned, the features as
   * {@link #of(dev.masthead.comments.Comment, CommentCues)} gives them but never copied out of the scratch.
   */
  static double score(dev.masthead.comments.Comment comment, CommentCues cues, Scorer scorer) {
    Scratch scratch = Scratch.acquire();
    try {
      int grams = addAll(comment.contentText(), cues.found(), cues.hosts(), scratch);
      return scorer.score(scratch.buckets, scratch.size, grams);
    } finally {
      scratch.release();
    }
  }

  /** Adds the n-grams, then the weighed cues and the hosts; returns the number of n-grams. */
  private static int addAll(String text, SpamCues.Found found, List<String> hosts, Scratch scratch) {
    addGrams(text, scratch);
    int grams = scratch.size; // the n-grams stay first: a cue that collides with one of them adds nothing
    for (SpamCues.Cue cue : found.cues()) {
      if (cue != SpamCues.Cue.SHOUTING) { // reported, never weighed: see SpamCues.Cue.SHOUTING
        scratch.add(CUE_BUCKETS[cue.ordinal()]);
      }
    }
    for (String host : hosts) {
      scratch.add(bucket(hash(HOST, host, 0, host.length())));
    }
    return grams;
  }

  /** The distinct n-gram buckets of a text, in first-seen order. */
  static int[] grams(String text) {
    Scratch scratch = Scratch.acquire();
    try {
      addGrams(text, scratch);
      return scratch.toArray();
    } finally {
      scratch.release();
    }
  }

  /**
   * Adds the n-gram buckets of a text to {@code out}, in first-seen order: per word its unigram, its bigram with
   * the word before and the long-number marker, then the character 3- to 5-grams over the words joined by one
   * space (with a space before the first and after the last), each start's 3-gram hash extended to its 4- and
   * 5-gram. No string per word or n-gram.
   */
  private static void addGrams(String text, Scratch out) {
    String folded = fold(text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) : text);
    int n = folded.length();
    char[] joined = out.joined(n + 2);
    int len = 0;
    joined[len++] = ' ';
    long previous = START_WORD;
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
      folded.getChars(start, i, joined, len); // character n-grams keep punctuation: "!!!", ":)", "$50"
      len += i - start;
      joined[len++] = ' ';
      if (isLink(folded, start, i)) {
        previous = LINK_WORD;
        out.add(LINK_BUCKET);
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
      out.add(bucket(word));
      out.add(bucket(mix(BIGRAM, previous, word)));
      previous = word;
      if (e - s >= 5 && allDigits(folded, s, e)) {
        out.add(NUMBER_BUCKET);
      }
    }
    for (int at = 0; at + MIN_CHAR_GRAM <= len; at++) {
      // one pass per start: the hash of the 3-gram extends to the 4- and 5-gram starting there
      long h = FNV_OFFSET;
      h = (h ^ joined[at]) * FNV_PRIME;
      h = (h ^ joined[at + 1]) * FNV_PRIME;
      h = (h ^ joined[at + 2]) * FNV_PRIME;
      out.add(bucket(h * 31 + 3));
      if (at + 3 < len) {
        h = (h ^ joined[at + 3]) * FNV_PRIME;
        out.add(bucket(h * 31 + 4));
        if (at + 4 < len) {
          h = (h ^ joined[at + 4]) * FNV_PRIME;
          out.add(bucket(h * 31 + 5));
        }
      }
    }
  }

  /**
   * Per-thread scratch of one extraction: the set of buckets seen (a bit per bucket, 32 KB), the buckets in
   * first-seen order, and the joined words. Kept in a {@link ThreadLocal} so that an extraction allocates only
   * its result; the bits it set are cleared when it is released, so the next extraction starts empty. Not
   * shared between threads; an extraction that finds its thread's scratch in use (none does today: extraction
   * calls nothing that extracts) takes a fresh one.
   */
  private static final class Scratch {
    private static final ThreadLocal<Scratch> PER_THREAD = ThreadLocal.withInitial(Scratch::new);

    private final long[] seen = new long[BUCKETS >>> 6];
    int[] buckets = new int[2_048];
    private char[] joined = new char[1_024];
    int size;
    private boolean inUse;

    static Scratch acquire() {
      Scratch s = PER_THREAD.get();
      if (s.inUse) {
        s = new Scratch();
      }
      s.inUse = true;
      return s;
    }

    char[] joined(int capacity) {
      if (joined.length < capacity) {
        joined = new char[Math.max(capacity, joined.length * 2)];
      }
      return joined;
    }

    /** Adds a bucket unless already added. */
    void add(int bucket) {
      long bit = 1L << bucket; // shifts by bucket mod 64
      int word = bucket >>> 6;
      long bits = seen[word];
      if ((bits & bit) != 0) {
        return;
      }
      seen[word] = bits | bit;
      if (size == buckets.length) {
        buckets = Arrays.copyOf(buckets, size * 2);
      }
      buckets[size++] = bucket;
    }

    int[] toArray() {
      return Arrays.copyOf(buckets, size);
    }

    void release() {
      for (int k = 0; k < size; k++) {
        seen[buckets[k] >>> 6] = 0;
      }
      size = 0;
      inUse = false;
    }
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
    return e - b > 3 && hasDot(s, b, e) && LinkFinder.isBareLink(s.substring(b, e));
  }

  private static boolean hasDot(String s, int from, int to) {
    for (int k = from; k < to; k++) {
      if (s.charAt(k) == '.') {
        return true;
      }
    }
    return false;
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
