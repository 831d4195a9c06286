package dev.masthead.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Slugs: the URL-safe keys made from headlines, section and tag names ({@code "Strengthening Alliances"} →
 * {@code strengthening-alliances}).
 *
 * <p>A slug is 1 to {@value #MAX_LENGTH} characters of {@code [a-z0-9-]}, with no leading, trailing or double
 * hyphen. {@link #of(String, int)} makes one from any string, deterministically:
 * <ol>
 *   <li>the text is decomposed (Unicode NFKD), so accents fold onto their base letter ({@code é} → {@code e})
 *       and compatibility forms onto plain ones (full-width {@code Ａ} → {@code a}, ligature {@code ﬁ} →
 *       {@code fi}); the letters that do not decompose are spelled out ({@code ß} → {@code ss}, {@code æ} →
 *       {@code ae}, {@code œ} → {@code oe}, {@code ø} → {@code o}, {@code ł} → {@code l}, {@code đ ð} →
 *       {@code d}, {@code þ} → {@code th}, dotless {@code ı} → {@code i});</li>
 *   <li>ASCII letters are lower-cased, apostrophes inside words are dropped ({@code Rubio's} →
 *       {@code rubios}), and every other run of characters becomes one hyphen;</li>
 *   <li>a slug longer than the limit is cut at the last hyphen within it, so words stay whole (a single word
 *       longer than the limit is cut at the limit);</li>
 *   <li>a text with letters of which none is Latin (Greek, Cyrillic, Chinese, Arabic…), or with no letters
 *       or digits at all (empty, only punctuation or emoji), still gets a stable, non-empty slug: whatever
 *       ASCII letters and digits it has, then {@code -h} and the first 10 hexadecimal digits of the SHA-256
 *       of its NFC form, for example {@code 2025-h3f9a0c1b2d}. Equal texts give equal slugs; the hash keeps
 *       different non-Latin headlines apart.</li>
 * </ol>
 * The result is idempotent: {@code of(of(s)).equals(of(s))} for every string {@code s}. Only the first 4,000
 * chars of a text are read, and runs of combining marks are cut as {@link StreamSafe} does, so the cost is
 * bounded whatever the input.
 *
 * <p>Thread-safe: every method is a pure function.
 */
public final class Slug {
  /** The longest slug, in characters: 200, as WordPress's {@code _truncate_post_slug} for post slugs. */
  public static final int MAX_LENGTH = 200;

  /** The shortest limit {@link #of(String, int)} accepts: room for a hash suffix ({@code h} + 10 digits). */
  public static final int MIN_LIMIT = 16;

  private static final int HASH_DIGITS = 10;
  /** How much of a text is read: the slug and its hash depend only on the first 4,000 chars. */
  private static final int MAX_READ = 4_000;

  private Slug() {}

  /**
   * Returns the slug of a text, at most {@value #MAX_LENGTH} characters long.
   *
   * @param text any string: a headline, a section or tag name
   * @return a well-formed slug, never empty
   * @throws NullPointerException if {@code text} is null
   */
  public static String of(String text) {
    return of(text, MAX_LENGTH);
  }

  /**
   * Returns the slug of a text, at most {@code maxLength} characters long, cut at a word boundary.
   *
   * @param text any string: a headline, a section or tag name
   * @param maxLength the longest slug wanted, in characters, from {@value #MIN_LIMIT} to {@value #MAX_LENGTH}
   * @return a well-formed slug, never empty, at most {@code maxLength} characters
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if {@code maxLength} is out of range
   */
  public static String of(String text, int maxLength) {
    Objects.requireNonNull(text, "text");
    if (maxLength < MIN_LIMIT || maxLength > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "maxLength must be in [" + MIN_LIMIT + ", " + MAX_LENGTH + "], was " + maxLength);
    }
    text = StreamSafe.of(prefix(text));
    String ascii = fold(text);
    boolean latinLetter = false;
    for (int i = 0; i < ascii.length(); i++) {
      char c = ascii.charAt(i);
      if (c >= 'a' && c <= 'z') {
        latinLetter = true;
        break;
      }
    }
    if (latinLetter || (!ascii.isEmpty() && !hasLetter(text))) {
      return truncate(ascii, maxLength);
    }
    String suffix = "h" + hash(text);
    if (ascii.isEmpty()) {
      return suffix;
    }
    return truncate(ascii, maxLength - suffix.length() - 1) + "-" + suffix;
  }

  /**
   * Returns whether a string is a well-formed slug: 1 to {@value #MAX_LENGTH} characters of
   * {@code [a-z0-9-]}, with no leading, trailing or double hyphen.
   *
   * @param candidate any string
   * @return whether it is a well-formed slug
   * @throws NullPointerException if {@code candidate} is null
   */
  public static boolean isWellFormed(String candidate) {
    int n = candidate.length();
    if (n == 0 || n > MAX_LENGTH || candidate.charAt(0) == '-' || candidate.charAt(n - 1) == '-') {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = candidate.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && candidate.charAt(i - 1) != '-');
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  static String requireWellFormed(String field, String candidate) {
    Objects.requireNonNull(candidate, field);
    if (!isWellFormed(candidate)) {
      throw new IllegalArgumentException(
          field + " must be a slug (1 to " + MAX_LENGTH + " chars of [a-z0-9-], no leading, trailing or double"
              + " hyphen), was \"" + abbreviate(candidate) + "\"");
    }
    return candidate;
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "…";
  }

  /** The first {@value #MAX_READ} chars, never splitting a surrogate pair: a slug needs no more. */
  private static String prefix(String text) {
    if (text.length() <= MAX_READ) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(MAX_READ - 1)) ? MAX_READ - 1 : MAX_READ;
    return text.substring(0, end);
  }

  /** Folds to {@code [a-z0-9-]}, hyphens collapsed and trimmed; may be empty. */
  private static String fold(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
    StringBuilder out = new StringBuilder(Math.min(decomposed.length(), 4 * MAX_LENGTH));
    boolean pendingHyphen = false;
    int n = decomposed.length();
    for (int i = 0; i < n; ) {
      int cp = decomposed.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK
          || type == Character.FORMAT) {
        continue;
      }
      if ((cp == '\'' || cp == '\u2019') && out.length() > 0 && !pendingHyphen) {
        continue; // apostrophe inside or after a word: "Rubio's" -> "rubios"
      }
      String letters = asciiLetters(cp);
      if (letters == null) {
        pendingHyphen = true;
        continue;
      }
      if (pendingHyphen && out.length() > 0) {
        out.append('-');
      }
      pendingHyphen = false;
      out.append(letters);
      if (out.length() > 4 * MAX_LENGTH) {
        break; // enough to cut a slug from; keeps the cost bounded for huge inputs
      }
    }
    return out.toString();
  }

  /** The ASCII spelling of one code point, or null if it is a separator or a non-Latin character. */
  private static String asciiLetters(int cp) {
    if (cp >= 'a' && cp <= 'z' || cp >= '0' && cp <= '9') {
      return String.valueOf((char) cp);
    }
    if (cp >= 'A' && cp <= 'Z') {
      return String.valueOf((char) (cp + ('a' - 'A')));
    }
    switch (cp) {
      case 'ß': return "ss";
      case 'ẞ': return "ss";
      case 'æ': case 'Æ': return "ae";
      case 'œ': case 'Œ': return "oe";
      case 'ø': case 'Ø': return "o";
      case 'ł': case 'Ł': return "l";
      case 'đ': case 'Đ': case 'ð': case 'Ð': return "d";
      case 'þ': case 'Þ': return "th";
      case 'ı': return "i";
      case 'ħ': case 'Ħ': return "h";
      default: return null;
    }
  }

  private static boolean hasLetter(String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (Character.isLetter(cp)) {
        return true;
      }
      i += Character.charCount(cp);
    }
    return false;
  }

  private static String truncate(String slug, int maxLength) {
    if (slug.length() <= maxLength) {
      return slug;
    }
    if (slug.charAt(maxLength) == '-') {
      return slug.substring(0, maxLength);
    }
    int cut = slug.lastIndexOf('-', maxLength - 1);
    return cut > 0 ? slug.substring(0, cut) : slug.substring(0, maxLength);
  }

  private static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(Normalizer.normalize(text, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HASH_DIGITS);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every Java platform has SHA-256", e);
    }
  }
}
