package dev.masthead.comments.spam;

import dev.masthead.comments.Comment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Signs of spam in the text itself, each a small score so that none decides alone:
 * <ul>
 *   <li>{@code heuristics.shouting} (+0.5): at least 20 letters, 70% or more of them capitals;</li>
 *   <li>{@code heuristics.repeated_character} (+0.5): one character 10 or more times in a row
 *       ({@code !!!!!!!!!!}, {@code aaaaaaaaaa});</li>
 *   <li>{@code heuristics.bbcode_link} (+2.0, HOLD floor): a BBCode link ({@code [url=…]}, {@code [url]},
 *       {@code [link=…]}), which no one types into a web comment form except a forum-spamming bot;</li>
 *   <li>{@code heuristics.same_domain_links} (+1.5): three or more links to one host;</li>
 *   <li>{@code heuristics.only_link} (+1.5): the whole comment is one link;</li>
 *   <li>{@code heuristics.promotion} (+1.0 per phrase, at most +2.0): self-promotion phrasing, the most common
 *       kind of comment spam in the YouTube Spam Collection (Alberto et al., 2015): "check out my", "subscribe
 *       to my", "visit my", "my channel", "click here", "make money", "earn money", "work from home",
 *       "free followers", "promo code", "buy cheap".</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
final class ContentHeuristicsCheck implements SpamCheck {
  private static final ContentHeuristicsCheck INSTANCE = new ContentHeuristicsCheck();
  private static final List<String> PROMOTION = List.of("check out my", "subscribe to my", "visit my", "my channel",
      "click here", "make money", "earn money", "work from home", "free followers", "promo code", "buy cheap");
  private static final TermList PROMOTION_TERMS = TermList.parse(String.join("\n", PROMOTION));

  private ContentHeuristicsCheck() {}

  /**
   * Returns the check.
   *
   * @return the check
   */
  public static ContentHeuristicsCheck create() {
    return INSTANCE;
  }

  @Override
  public String name() {
    return "heuristics";
  }

  @Override
  public List<Signal> check(Comment comment, SpamContext context) {
    List<Signal> signals = new ArrayList<>();
    String text = comment.contentText();
    int letters = 0;
    int capitals = 0;
    int run = 0;
    int longestRun = 0;
    int previous = -1;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetter(cp)) {
        letters++;
        if (Character.isUpperCase(cp)) {
          capitals++;
        }
      }
      run = cp == previous && !Character.isWhitespace(cp) ? run + 1 : 1;
      longestRun = Math.max(longestRun, run);
      previous = cp;
    }
    if (letters >= 20 && capitals * 10 >= letters * 7) {
      signals.add(Signal.score(name(), "heuristics.shouting", 0.5,
          capitals * 100 / letters + "% of the letters are capitals"));
    }
    if (longestRun >= 10) {
      signals.add(Signal.score(name(), "heuristics.repeated_character", 0.5,
          "One character is repeated " + longestRun + " times in a row"));
    }
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    String html = comment.contentHtml().html().toLowerCase(java.util.Locale.ROOT);
    if (lower.contains("[url=") || lower.contains("[url]") || lower.contains("[link=") || html.contains("[url=")) {
      signals.add(new Signal(name(), "heuristics.bbcode_link", 2.0, Decision.HOLD, "Contains a BBCode link"));
    }
    Set<String> links = Links.of(comment);
    Map<String, Integer> byHost = new HashMap<>();
    for (String link : links) {
      byHost.merge(Links.host(link), 1, Integer::sum);
    }
    byHost.forEach((host, count) -> {
      if (count >= 3) {
        signals.add(Signal.score(name(), "heuristics.same_domain_links", 1.5, count + " links point to one host"));
      }
    });
    String stripped = text.strip();
    if (links.size() == 1 && !stripped.isEmpty() && stripped.indexOf(' ') < 0 && Links.isBareLink(stripped)) {
      signals.add(Signal.score(name(), "heuristics.only_link", 1.5, "The comment is nothing but a link"));
    }
    double promotion = 0;
    List<String> phrases = new ArrayList<>();
    for (TermList.Term t : PROMOTION_TERMS.matchAll(text)) {
      if (promotion < 2.0) {
        promotion += 1.0;
        phrases.add(t.line());
      }
    }
    if (promotion > 0) {
      signals.add(Signal.score(name(), "heuristics.promotion", promotion,
          "Self-promotion phrasing: \"" + String.join("\", \"", phrases) + "\""));
    }
    return signals;
  }

  @Override
  public String toString() {
    return "ContentHeuristicsCheck";
  }
}
