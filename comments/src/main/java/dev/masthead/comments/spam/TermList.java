package dev.masthead.comments.spam;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A parsed list of terms, one per line, and its matcher: the disallowed or the moderation list of
 * {@link SpamChecks#terms}, as WordPress's "Disallowed Comment Keys" and "Comment Moderation".
 *
 * <p><b>Syntax</b>, one term per line: blank lines and lines starting with {@code #} are ignored; surrounding
 * white space is trimmed.
 * <ul>
 *   <li>An IPv4 or IPv6 address, or a CIDR range ({@code 203.0.113.7}, {@code 198.51.100.0/24},
 *       {@code 2001:db8::/32}), matches the client's IP address only, as a whole address: {@code 10.0.0.1}
 *       never matches {@code 10.0.0.12}.</li>
 *   <li>A line starting with {@code ~} is a substring term: {@code ~casino} matches {@code onlinecasinos}.</li>
 *   <li>Any other line is a whole-word term of one or more words (at most {@value #MAX_WORDS}):
 *       {@code cheap pills} matches the two words side by side, not {@code cheapest}; a {@code *} inside a word
 *       stands for any run of letters and digits ({@code v*agra} matches {@code viagra} and {@code v1agra}).</li>
 * </ul>
 *
 * <p><b>Matching</b> is case-insensitive. The text is folded: HTML character references decoded, NFKC, every
 * default-ignorable code point (zero-width space, joiners, bidi controls, Hangul fillers, variation selectors)
 * and other format characters removed, accents removed and, unless {@link LookAlikes#KEEP}, the common Cyrillic
 * and Greek look-alikes mapped to the Latin letters they imitate. So {@code ｃａｓｉｎｏ}, {@code c&#97;sino},
 * {@code ca\u200Bsino}, {@code vi\u3164agra} and {@code саsino} (Cyrillic а) all match the term
 * {@code casino}.
 *
 * <p>A term is never folded into another word: it matches what it says. A term that folding leaves unchanged
 * (plain letters without accents or look-alikes, the usual case) is matched against the folded text; any other
 * term ({@code año}, {@code café}, {@code казино}, or a disguise such as {@code іt} with a Cyrillic {@code і}) is
 * matched against the text as written (decoded, NFKC, invisible characters removed, lower case), so
 * {@code año} does not match {@code ano} and {@code іt} does not match the English word "it". Terms that mix
 * scripts in one word, or are written entirely in look-alike letters, are reported in {@link #warnings()}: they
 * match only text disguised in the very same way, which is rarely what a moderator meant.
 *
 * <p>Immutable and thread-safe.
 */
public final class TermList {
  /** Whether the text's Cyrillic and Greek look-alikes of Latin letters are folded to Latin before matching. */
  public enum LookAlikes {
    /** Fold them (the default): {@code vіagra} with a Cyrillic {@code і} matches the term {@code viagra}. */
    FOLD,
    /**
     * Keep them: only accents, case, compatibility forms and invisible characters are folded, for sites whose
     * readers write Cyrillic or Greek, where a folded word could match a Latin term by accident.
     */
    KEEP
  }

  /**
   * A term that probably does not match what its author meant.
   *
   * @param lineNumber the term's line in the parsed text, from 1
   * @param term the term as written (trimmed)
   * @param kind what is wrong with it
   * @param message a readable explanation for the person who edits the list, in English
   */
  public record Warning(int lineNumber, String term, Kind kind, String message) {
    /** What is wrong with a term. */
    public enum Kind {
      /** A word mixes letters of two scripts, such as Latin and Cyrillic ({@code vіagra}). */
      MIXED_SCRIPTS,
      /** A word is written entirely in Cyrillic or Greek letters that look like Latin ones ({@code сор}). */
      LOOK_ALIKES
    }

    /**
     * Validates the warning.
     *
     * @throws NullPointerException if an argument is null
     */
    public Warning {
      Objects.requireNonNull(term, "term");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(message, "message");
    }
  }

  /** One term: its line as written, and how it matches (on the folded text, or on the text as written). */
  record Term(String line, @Nullable IpRange ip, @Nullable String substring, List<String> words, boolean folded) {}

  /** The most words in one term: a term is a word or a phrase, not a paragraph. */
  public static final int MAX_WORDS = 64;

  private static final TermList EMPTY = new TermList(List.of(), List.of(), LookAlikes.FOLD);

  private final List<Term> terms;
  private final List<Warning> warnings;
  private final LookAlikes lookAlikes;
  private final List<IpRange> ips = new ArrayList<>();
  private final List<Term> ipTerms = new ArrayList<>();
  private final List<Term> substrings = new ArrayList<>();
  /** Whole-word terms as tries of words, so matching at a position costs its depth, not the number of terms. */
  private final Node foldedRoot = new Node();
  private final Node plainRoot = new Node();
  private boolean hasFoldedWords;
  private boolean hasPlainWords;
  private boolean hasPlainSubstrings;

  /** A trie node: the next word, exact or a wildcard pattern; the earliest term (in list order) ending here. */
  private static final class Node {
    final Map<String, Node> exact = new HashMap<>();
    final Map<String, Node> wildcard = new java.util.LinkedHashMap<>();
    int termIndex = -1;
  }

  private TermList(List<Term> terms, List<Warning> warnings, LookAlikes lookAlikes) {
    this.terms = List.copyOf(terms);
    this.warnings = List.copyOf(warnings);
    this.lookAlikes = lookAlikes;
    for (int index = 0; index < terms.size(); index++) {
      Term t = terms.get(index);
      if (t.ip() != null) {
        ips.add(t.ip());
        ipTerms.add(t);
      } else if (t.substring() != null) {
        substrings.add(t);
        hasPlainSubstrings |= !t.folded();
      } else {
        Node node = t.folded() ? foldedRoot : plainRoot;
        for (String word : t.words()) {
          node = (word.indexOf('*') >= 0 ? node.wildcard : node.exact).computeIfAbsent(word, k -> new Node());
        }
        if (node.termIndex < 0) {
          node.termIndex = index;
        }
        if (t.folded()) {
          hasFoldedWords = true;
        } else {
          hasPlainWords = true;
        }
      }
    }
  }

  /**
   * Parses a list, folding look-alikes ({@link LookAlikes#FOLD}).
   *
   * @param lines the terms, one per line (may be empty); {@code \n}, {@code \r\n} or {@code \r} separated
   * @return the list, with its warnings
   * @throws NullPointerException if {@code lines} is null
   * @throws IllegalArgumentException if a term has more than {@value #MAX_WORDS} words
   */
  public static TermList parse(String lines) {
    return parse(lines, LookAlikes.FOLD);
  }

  /**
   * Parses a list.
   *
   * @param lines the terms, one per line (may be empty); {@code \n}, {@code \r\n} or {@code \r} separated
   * @param lookAlikes whether the text's look-alike letters are folded to Latin before matching
   * @return the list, with its warnings
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a term has more than {@value #MAX_WORDS} words
   */
  public static TermList parse(String lines, LookAlikes lookAlikes) {
    Objects.requireNonNull(lines, "lines");
    Objects.requireNonNull(lookAlikes, "lookAlikes");
    boolean foldLookAlikes = lookAlikes == LookAlikes.FOLD;
    List<Term> terms = new ArrayList<>();
    List<Warning> warnings = new ArrayList<>();
    String[] rows = lines.split("\r\n|\r|\n", -1);
    for (int row = 0; row < rows.length; row++) {
      String line = rows[row].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Optional<IpRange> ip = IpRange.parse(line);
      if (ip.isPresent()) {
        terms.add(new Term(line, ip.get(), null, List.of(), false));
        continue;
      }
      boolean substring = line.startsWith("~");
      String plain = TextFolding.normalize(substring ? line.substring(1) : line);
      String folded = TextFolding.foldNormalized(plain, foldLookAlikes);
      boolean matchFolded = plain.equals(folded);
      warn(row + 1, line, plain, warnings);
      if (substring) {
        String spaced = collapseSpaces(plain);
        if (!spaced.isEmpty()) {
          terms.add(new Term(line, null, spaced, List.of(), matchFolded));
        }
        continue;
      }
      List<String> words = words(plain, true);
      while (!words.isEmpty() && words.get(0).equals("*")) {
        words.remove(0); // a leading lone wildcard adds nothing to a whole-word match
      }
      while (!words.isEmpty() && words.get(words.size() - 1).equals("*")) {
        words.remove(words.size() - 1);
      }
      if (words.size() > MAX_WORDS) {
        throw new IllegalArgumentException("a term has at most " + MAX_WORDS + " words; the one on line " + (row + 1)
            + " has " + words.size() + ": \"" + (line.length() > 60 ? line.substring(0, 60) + "…" : line) + "\"");
      }
      if (!words.isEmpty()) {
        terms.add(new Term(line, null, null, List.copyOf(words), matchFolded));
      }
    }
    return new TermList(terms, warnings, lookAlikes);
  }

  /**
   * Returns the empty list, which matches nothing (WordPress's default for both lists).
   *
   * @return the empty list
   */
  public static TermList empty() {
    return EMPTY;
  }

  /** Adds a warning for the first word of a term that mixes scripts or is all look-alikes. */
  private static void warn(int lineNumber, String line, String plain, List<Warning> warnings) {
    for (String word : words(plain, true)) {
      java.util.EnumSet<Character.UnicodeScript> scripts = java.util.EnumSet.noneOf(Character.UnicodeScript.class);
      boolean allLookAlikes = true;
      boolean letters = false;
      for (int i = 0; i < word.length(); ) {
        int cp = word.codePointAt(i);
        i += Character.charCount(cp);
        if (!Character.isLetter(cp)) {
          continue;
        }
        letters = true;
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        if (script != Character.UnicodeScript.COMMON && script != Character.UnicodeScript.INHERITED) {
          scripts.add(script);
        }
        allLookAlikes &= script != Character.UnicodeScript.LATIN && TextFolding.isLookAlike(cp);
      }
      scripts.removeAll(java.util.EnumSet.of(Character.UnicodeScript.HAN, Character.UnicodeScript.HIRAGANA,
          Character.UnicodeScript.KATAKANA, Character.UnicodeScript.HANGUL));
      if (scripts.size() > 1) {
        warnings.add(new Warning(lineNumber, line, Warning.Kind.MIXED_SCRIPTS, "Line " + lineNumber + ": \"" + word
            + "\" mixes " + names(scripts) + " letters, so the term matches only text disguised the same way;"
            + " write it in one script (\"" + TextFolding.foldNormalized(word, true) + "\" in Latin)"));
        return;
      }
      if (letters && allLookAlikes) {
        warnings.add(new Warning(lineNumber, line, Warning.Kind.LOOK_ALIKES, "Line " + lineNumber + ": \"" + word
            + "\" is written in " + names(scripts) + " letters that look like the Latin \""
            + TextFolding.foldNormalized(word, true) + "\"; the term matches only " + names(scripts)
            + " text, never the Latin word"));
        return;
      }
    }
  }

  private static String names(java.util.Set<Character.UnicodeScript> scripts) {
    List<String> names = new ArrayList<>();
    for (Character.UnicodeScript s : scripts) {
      String n = s.name().toLowerCase(Locale.ROOT).replace('_', ' ');
      names.add(Character.toUpperCase(n.charAt(0)) + n.substring(1));
    }
    return String.join(" and ", names);
  }

  /**
   * Returns the terms that probably do not match what their author meant: a word mixing scripts, or written
   * entirely in look-alike letters. The host shows them to whoever edits the list; the terms still work as
   * documented.
   *
   * @return the warnings, in line order; empty for a clean list
   */
  public List<Warning> warnings() {
    return warnings;
  }

  /**
   * Returns whether the text's look-alikes are folded before matching.
   *
   * @return {@link LookAlikes#FOLD} unless the list was parsed with {@link LookAlikes#KEEP}
   */
  public LookAlikes lookAlikes() {
    return lookAlikes;
  }

  /**
   * Returns the number of terms, IP entries included.
   *
   * @return the number of terms
   */
  public int size() {
    return terms.size();
  }

  @Override
  public String toString() {
    return "TermList[" + terms.size() + " terms, " + warnings.size() + " warnings, lookAlikes=" + lookAlikes + "]";
  }

  /** The smallest index of a term matching at {@code at}, or -1; walks every path the words allow. */
  private int firstMatchAt(Node node, List<String> words, int at, int best) {
    if (node.termIndex >= 0 && (best < 0 || node.termIndex < best)) {
      best = node.termIndex;
    }
    if (at == words.size()) {
      return best;
    }
    String word = words.get(at);
    Node next = node.exact.get(word);
    if (next != null) {
      best = firstMatchAt(next, words, at + 1, best);
    }
    for (Map.Entry<String, Node> e : node.wildcard.entrySet()) {
      if (glob(e.getKey(), word)) {
        best = firstMatchAt(e.getValue(), words, at + 1, best);
      }
    }
    return best;
  }

  /** Adds the index of every term matching at {@code at} to {@code found}. */
  private void allMatchesAt(Node node, List<String> words, int at, java.util.BitSet found) {
    if (node.termIndex >= 0) {
      found.set(node.termIndex);
    }
    if (at == words.size()) {
      return;
    }
    String word = words.get(at);
    Node next = node.exact.get(word);
    if (next != null) {
      allMatchesAt(next, words, at + 1, found);
    }
    for (Map.Entry<String, Node> e : node.wildcard.entrySet()) {
      if (glob(e.getKey(), word)) {
        allMatchesAt(e.getValue(), words, at + 1, found);
      }
    }
  }

  /** The first IP term that contains the address, if any. */
  Optional<Term> matchIp(@Nullable String address) {
    for (int i = 0; i < ips.size(); i++) {
      if (ips.get(i).contains(address)) {
        return Optional.of(ipTerms.get(i));
      }
    }
    return Optional.empty();
  }

  /**
   * The text in the two forms terms are matched against, each computed once and only if a term needs it, so
   * that lists with the same {@link LookAlikes} (a check's disallowed and moderation lists) fold a field once.
   * Not thread-safe: one per text and call.
   */
  static final class Forms {
    private final String text;
    private final LookAlikes lookAlikes;
    private @Nullable String plain;
    private @Nullable String folded;
    private @Nullable List<String> plainWords;
    private @Nullable List<String> foldedWords;

    Forms(String text, LookAlikes lookAlikes) {
      this.text = text;
      this.lookAlikes = lookAlikes;
    }

    LookAlikes lookAlikes() {
      return lookAlikes;
    }

    private boolean plainAscii;

    String plain() {
      if (plain == null) {
        plainAscii = TextFolding.isPlainAscii(text);
        // plain ASCII: what normalize returns for it, without looking at it twice
        plain = plainAscii ? text.toLowerCase(Locale.ROOT) : TextFolding.normalize(text);
      }
      return plain;
    }

    String folded() {
      if (folded == null) {
        String p = plain();
        // plain ASCII normalizes to its lower case, which folding leaves as it is
        folded = plainAscii ? p : TextFolding.foldNormalized(p, lookAlikes == LookAlikes.FOLD);
      }
      return folded;
    }

    private @Nullable String plainSpaced;
    private @Nullable String foldedSpaced;

    String spaced(boolean folded) {
      if (folded) {
        if (foldedSpaced == null) {
          foldedSpaced = collapseSpaces(folded());
        }
        return foldedSpaced;
      }
      if (plainSpaced == null) {
        plainSpaced = collapseSpaces(plain());
      }
      return plainSpaced;
    }

    List<String> words(boolean folded) {
      if (folded) {
        if (foldedWords == null) {
          foldedWords = TermList.words(folded(), false);
        }
        return foldedWords;
      }
      if (plainWords == null) {
        plainWords = TermList.words(plain(), false);
      }
      return plainWords;
    }
  }

  /**
   * The first word or substring term found in the (unfolded) text, if any: substring terms first, in list
   * order; then the word terms matched on the folded text, at the earliest word, the first in list order among
   * them; then those matched on the text as written, the same way.
   */
  Optional<Term> matchText(String text) {
    return matchText(new Forms(text, lookAlikes));
  }

  /** As {@link #matchText(String)}, on forms of the text folded as this list folds ({@link #lookAlikes()}). */
  Optional<Term> matchText(Forms forms) {
    if (forms.lookAlikes() != lookAlikes) {
      throw new IllegalArgumentException("forms folded with " + forms.lookAlikes() + ", list with " + lookAlikes);
    }
    if (substrings.isEmpty() && !hasFoldedWords && !hasPlainWords) {
      return Optional.empty();
    }
    for (Term t : substrings) {
      if (forms.spaced(t.folded()).contains(Objects.requireNonNull(t.substring()))) {
        return Optional.of(t);
      }
    }
    for (int pass = 0; pass < 2; pass++) {
      boolean folded = pass == 0;
      if (folded ? !hasFoldedWords : !hasPlainWords) {
        continue;
      }
      List<String> words = forms.words(folded);
      Node root = folded ? foldedRoot : plainRoot;
      for (int i = 0; i < words.size(); i++) {
        int index = firstMatchAt(root, words, i, -1);
        if (index >= 0) {
          return Optional.of(terms.get(index));
        }
      }
    }
    return Optional.empty();
  }

  /** Whether a word matches a pattern in which '*' stands for any run of characters, in linear time. */
  static boolean glob(String pattern, String word) {
    if (pattern.indexOf('*') < 0) {
      return pattern.equals(word);
    }
    int p = 0;
    int w = 0;
    int star = -1;
    int mark = 0;
    while (w < word.length()) {
      if (p < pattern.length() && pattern.charAt(p) != '*' && pattern.charAt(p) == word.charAt(w)) {
        p++;
        w++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        mark = w;
      } else if (star >= 0) {
        p = star + 1;
        w = ++mark;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }

  /** Runs of letters and digits (and '*' in patterns), in order. */
  static List<String> words(String folded, boolean pattern) {
    List<String> out = new ArrayList<>();
    int n = folded.length();
    int i = 0;
    while (i < n) {
      int cp = folded.codePointAt(i);
      if (!isWordChar(cp, pattern)) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      i += Character.charCount(cp);
      while (i < n) {
        int next = folded.codePointAt(i);
        if (!isWordChar(next, pattern)) {
          break;
        }
        i += Character.charCount(next);
      }
      out.add(folded.substring(start, i));
    }
    return out;
  }

  /** Letters, digits and marks (which stay attached to their letter in the text as written), and '*' in patterns. */
  private static boolean isWordChar(int cp, boolean pattern) {
    if (cp < 0x80) { // Basic Latin: its only letters and digits are these, and it has no marks
      return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9' || pattern && cp == '*';
    }
    if (Character.isLetterOrDigit(cp) || pattern && cp == '*') {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  private static String collapseSpaces(String s) {
    return TextFolding.collapseSpaces(s);
  }

  /** Every word or substring term found in the (unfolded) text, each once, in list order; folds the text once. */
  List<Term> matchAll(String text) {
    List<Term> found = new ArrayList<>();
    if (terms.isEmpty()) {
      return found;
    }
    Forms forms = new Forms(text, lookAlikes);
    java.util.BitSet hits = new java.util.BitSet(terms.size());
    if (!substrings.isEmpty()) {
      for (int i = 0; i < terms.size(); i++) {
        Term t = terms.get(i);
        String sub = t.substring();
        if (sub != null && forms.spaced(t.folded()).contains(sub)) {
          hits.set(i);
        }
      }
    }
    if (hasFoldedWords) {
      List<String> words = forms.words(true);
      for (int i = 0; i < words.size(); i++) {
        allMatchesAt(foldedRoot, words, i, hits);
      }
    }
    if (hasPlainWords) {
      List<String> words = forms.words(false);
      for (int i = 0; i < words.size(); i++) {
        allMatchesAt(plainRoot, words, i, hits);
      }
    }
    for (int i = hits.nextSetBit(0); i >= 0; i = hits.nextSetBit(i + 1)) {
      found.add(terms.get(i));
    }
    return found;
  }
}
