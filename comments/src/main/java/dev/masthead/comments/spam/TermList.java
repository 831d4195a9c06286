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

  private final List<Term> terms;
  private final List<IpRange> ips = new ArrayList<>();
  private final List<Term> ipTerms = new ArrayList<>();
  private final List<Term> substrings = new ArrayList<>();
  /** Whole-word terms whose first word has no wildcard, by that word. */
  private final Map<String, List<Term>> byFirstWord = new HashMap<>();
  /** Whole-word terms whose first word has a wildcard. */
  private final List<Term> wildcardFirst = new ArrayList<>();

  private TermList(List<Term> terms) {
    this.terms = List.copyOf(terms);
    for (Term t : terms) {
      if (t.ip() != null) {
        ips.add(t.ip());
        ipTerms.add(t);
      } else if (t.substring() != null) {
        substrings.add(t);
      } else if (t.words().get(0).indexOf('*') >= 0) {
        wildcardFirst.add(t);
      } else {
        byFirstWord.computeIfAbsent(t.words().get(0), k -> new ArrayList<>()).add(t);
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

  /** The first word or substring term found in the (unfolded) text, if any. */
  Optional<Term> matchText(String text) {
    if (substrings.isEmpty() && byFirstWord.isEmpty() && wildcardFirst.isEmpty()) {
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
    List<String> words = words(folded, false);
    for (int i = 0; i < words.size(); i++) {
      List<Term> candidates = byFirstWord.get(words.get(i));
      if (candidates != null) {
        for (Term t : candidates) {
          if (matchesAt(t.words(), words, i)) {
            return Optional.of(t);
          }
        }
      }
      for (Term t : wildcardFirst) {
        if (matchesAt(t.words(), words, i)) {
          return Optional.of(t);
        }
      }
    }
    return Optional.empty();
  }

  private static boolean matchesAt(List<String> term, List<String> words, int at) {
    if (at + term.size() > words.size()) {
      return false;
    }
    for (int k = 0; k < term.size(); k++) {
      if (!glob(term.get(k), words.get(at + k))) {
        return false;
      }
    }
    return true;
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
    String spaced = substrings.isEmpty() ? "" : collapseSpaces(folded);
    List<String> words = words(folded, false);
    for (Term t : terms) {
      if (t.ip() != null) {
        continue;
      }
      boolean hit = false;
      if (t.substring() != null) {
        hit = spaced.contains(t.substring());
      } else {
        for (int i = 0; i < words.size() && !hit; i++) {
          hit = matchesAt(t.words(), words, i);
        }
      }
      if (hit) {
        found.add(t);
      }
    }
    return found;
  }
}
