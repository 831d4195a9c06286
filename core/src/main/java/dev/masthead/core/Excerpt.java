package dev.masthead.core;

import java.text.BreakIterator;
import java.util.Locale;
import java.util.Objects;
import org.jsoup.Jsoup;

/**
 * Plain text and excerpts from an article's HTML body, for teasers, meta descriptions and previews.
 *
 * <p>The HTML is parsed with jsoup as a body fragment, by the WHATWG rules browsers follow: tags are dropped,
 * character references decoded ({@code &amp;amp;} → {@code &}), the content of {@code script} and
 * {@code style} elements ignored, block elements and {@code <br>} separated by a space, and runs of
 * white space collapsed to one space.
 *
 * <p>Thread-safe: every method is a pure function.
 */
public final class Excerpt {
  /** Appended to a shortened excerpt: U+2026 HORIZONTAL ELLIPSIS, one code point. */
  public static final String ELLIPSIS = "\u2026";

  private Excerpt() {}

  /**
   * Returns the plain text of an HTML fragment, as a reader sees it.
   *
   * @param html an HTML fragment (an article body, a comment); any string, malformed markup included
   * @return the text, trimmed, with white space collapsed; empty if there is none
   * @throws NullPointerException if {@code html} is null
   */
  public static String plainText(String html) {
    Objects.requireNonNull(html, "html");
    if (html.isEmpty()) {
      return "";
    }
    return Jsoup.parseBodyFragment(html).body().text();
  }

  /**
   * Returns an excerpt of an HTML fragment: its plain text ({@link #plainText(String)}), whole if it fits,
   * otherwise cut at the last word boundary that leaves room for {@link #ELLIPSIS}, with trailing white
   * space and separating punctuation ({@code , ; : -} and dashes) removed before the ellipsis.
   *
   * <p>Word boundaries are those of {@link BreakIterator#getWordInstance(Locale)} for the root locale, so a cut
   * never falls inside a word of a language written with spaces; in Chinese or Japanese text, which has none,
   * it falls between characters. A surrogate pair or a base letter with its combining marks is never split.
   * Only when the first word alone is longer than the limit is it cut inside, at a character boundary.
   *
   * @param html an HTML fragment; any string
   * @param maxLengthCodePoints the longest excerpt, ellipsis included, in Unicode code points (an emoji
   *     counts 1); at least 2
   * @return the excerpt: at most {@code maxLengthCodePoints} code points; empty if the text is empty
   * @throws NullPointerException if {@code html} is null
   * @throws IllegalArgumentException if {@code maxLengthCodePoints} is less than 2
   */
  public static String of(String html, int maxLengthCodePoints) {
    if (maxLengthCodePoints < 2) {
      throw new IllegalArgumentException("maxLengthCodePoints must be at least 2, was " + maxLengthCodePoints);
    }
    String text = plainText(html);
    if (text.codePointCount(0, text.length()) <= maxLengthCodePoints) {
      return text;
    }
    int budget = maxLengthCodePoints - 1; // code points left for the text before the ellipsis
    int limit = text.offsetByCodePoints(0, budget); // char index: the cut must be at or before it

    BreakIterator words = BreakIterator.getWordInstance(Locale.ROOT);
    words.setText(text);
    int cut = words.preceding(limit + 1); // the last boundary <= limit
    int end = trimEnd(text, cut == BreakIterator.DONE ? 0 : cut);
    if (end == 0) {
      // The first word alone is longer than the budget: cut it at a character (grapheme) boundary.
      BreakIterator chars = BreakIterator.getCharacterInstance(Locale.ROOT);
      chars.setText(text);
      int hard = chars.isBoundary(limit) ? limit : chars.preceding(limit);
      end = Math.max(hard, 0);
    }
    return text.substring(0, end) + ELLIPSIS;
  }

  private static int trimEnd(String text, int end) {
    while (end > 0) {
      char c = text.charAt(end - 1);
      if (Character.isWhitespace(c) || c == ',' || c == ';' || c == ':' || c == '-' || c == '\u2013' || c == '\u2014'
          || c == '(' || c == '[' || c == '{' || c == '\u00A0') {
        end--;
      } else {
        break;
      }
    }
    return end;
  }
}
