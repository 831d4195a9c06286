package dev.masthead.comments.spam;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A parsed list of terms, one per line, and its matcher. See {@link TermListCheck} for the syntax.
 */
final class TermList {
  /** One term: its line as written, and how it matches. */
  record Term(String line, @Nullable IpRange ip, @Nullable String substring, List<String> words) {}

  /** The most words in one term: a term is a word or a phrase, not a paragraph. */
  static final int MAX_WORDS = 64;

  private final List<Term> terms;
  private final List<IpRange> ips = new ArrayList<>();
  private final List<Term> ipTerms = new ArrayList<>();
  private final List<Term> substrings = new ArrayList<>();
  /** Whole-word terms as a trie of words, so matching at a position costs its depth, not the number of terms. */
  private final Node root = new Node();
  private boolean hasWordTerms;

  /** A trie node: the next word, exact or a wildcard pattern; the earliest term (in list order) ending here. */
  private static final class Node {
    final Map<String, Node> exact = new HashMap<>();
    final Map<String, Node> wildcard = new java.util.LinkedHashMap<>();
    int termIndex = -1;
  }

  private TermList(List<Term> terms) {
    this.terms = List.copyOf(terms);
    for (int index = 0; index < terms.size(); index++) {
      Term t = terms.get(index);
      if (t.ip() != null) {
        ips.add(t.ip());
        ipTerms.add(t);
      } else if (t.substring() != null) {
        substrings.add(t);
      } else {
        Node node = root;
        for (String word : t.words()) {
          node = (word.indexOf('*') >= 0 ? node.wildcard : node.exact).computeIfAbsent(word, k -> new Node());
        }
        if (node.termIndex < 0) {
          node.termIndex = index;
        }
        hasWordTerms = true;
      }
    }
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

  static TermList parse(String lines) {
    List<Term> terms = new ArrayList<>();
    for (String raw : lines.split("\r\n|\r|\n", -1)) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Optional<IpRange> ip = IpRange.parse(line);
      if (ip.isPresent()) {
        terms.add(new Term(line, ip.get(), null, List.of()));
        continue;
      }
      if (line.startsWith("~")) {
        String folded = collapseSpaces(TextFolding.fold(line.substring(1)));
        if (!folded.isEmpty()) {
          terms.add(new Term(line, null, folded, List.of()));
        }
        continue;
      }
      List<String> words = words(TextFolding.fold(line), true);
      while (!words.isEmpty() && words.get(0).equals("*")) {
        words.remove(0); // a leading lone wildcard adds nothing to a whole-word match
      }
      while (!words.isEmpty() && words.get(words.size() - 1).equals("*")) {
        words.remove(words.size() - 1);
      }
      if (words.size() > MAX_WORDS) {
        throw new IllegalArgumentException("a term has at most " + MAX_WORDS + " words; this one has " + words.size()
            + ": \"" + (line.length() > 60 ? line.substring(0, 60) + "…" : line) + "\"");
      }
      if (!words.isEmpty()) {
        terms.add(new Term(line, null, null, List.copyOf(words)));
      }
    }
    return new TermList(terms);
  }

  int size() {
    return terms.size();
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
   * The first word or substring term found in the (unfolded) text, if any: substring terms first, then the
   * word terms matching at the earliest word, the first in list order among them.
   */
  Optional<Term> matchText(String text) {
    if (substrings.isEmpty() && !hasWordTerms) {
      return Optional.empty();
    }
    String folded = TextFolding.fold(text);
    if (!substrings.isEmpty()) {
      String spaced = collapseSpaces(folded);
      for (Term t : substrings) {
        if (spaced.contains(t.substring())) {
          return Optional.of(t);
        }
      }
    }
    if (hasWordTerms) {
      List<String> words = words(folded, false);
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
      while (i < n && isWordChar(folded.codePointAt(i), pattern)) {
        i += Character.charCount(folded.codePointAt(i));
      }
      out.add(folded.substring(start, i));
    }
    return out;
  }

  private static boolean isWordChar(int cp, boolean pattern) {
    return Character.isLetterOrDigit(cp) || pattern && cp == '*';
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
    String folded = TextFolding.fold(text);
    java.util.BitSet hits = new java.util.BitSet(terms.size());
    if (!substrings.isEmpty()) {
      String spaced = collapseSpaces(folded);
      for (int i = 0; i < terms.size(); i++) {
        Term t = terms.get(i);
        if (t.substring() != null && spaced.contains(t.substring())) {
          hits.set(i);
        }
      }
    }
    if (hasWordTerms) {
      List<String> words = words(folded, false);
      for (int i = 0; i < words.size(); i++) {
        allMatchesAt(root, words, i, hits);
      }
    }
    for (int i = hits.nextSetBit(0); i >= 0; i = hits.nextSetBit(i + 1)) {
      found.add(terms.get(i));
    }
    return found;
  }
}
