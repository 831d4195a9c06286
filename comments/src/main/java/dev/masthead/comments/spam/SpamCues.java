package dev.masthead.comments.spam;

import dev.masthead.comments.Comment;
import dev.masthead.comments.links.LinkFinder;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The signs of spam that mean spam on any site, not only on the one a model was trained on: links, links
 * written so that no link detector sees them, links through URL shorteners, contact channels (what most spam on
 * news sites sells: a phone number, a messenger, an email address, a handle), calls to action, offers of
 * something for nothing, amounts of money, and a few shapes of text. Each is a
 * {@link Cue}: the learned classifier takes them as features and weighs them ({@link SpamFeatures}); the
 * heuristics check names them for moderators ({@link ContentHeuristicsCheck}). None is a verdict by itself.
 *
 * <p>Cost: one pass over the text for the shapes, a pass over its words for the calls to action, and a regular
 * expression only where a cheap test (an {@code @}, eight digits, the word {@code dot}) says it may match.
 * Stateless and thread-safe.
 */
final class SpamCues {
  /** One sign of spam. */
  enum Cue {
    /** At least one link. */
    LINK("link", "Contains a link"),
    /** Two links or more. */
    LINKS_2("links.2", "Contains two links or more"),
    /** Three links or more. */
    LINKS_3("links.3", "Contains three links or more"),
    /** The whole comment is one link. */
    ONLY_LINK("only_link", "The comment is nothing but a link"),
    /** Two or more distinct links to one host. */
    SAME_HOST_LINKS("same_host_links", "Several links point to one host"),
    /**
     * A link written so that it is not one: {@code example . com}, {@code example(dot)com}, {@code hxxp://}, or
     * in full-width or look-alike letters.
     */
    OBFUSCATED_LINK("obfuscated_link", "A link written to get past link detection"),
    /**
     * A link through a URL shortener ({@code bit.ly}, {@code goo.gl}, {@code tinyurl.com}, {@code adf.ly}, ...),
     * which hides where it leads.
     */
    SHORTENED_LINK("shortened_link", "A link through a URL shortener"),
    /** An email address in the text, or a {@code mailto:} link. */
    EMAIL("email", "An email address in the text"),
    /** A phone number, international ({@code +44 20 7946 0958}) or local ({@code 555-123-4567}). */
    PHONE("phone", "A phone number"),
    /** A messenger contact: WhatsApp, Telegram, WeChat, Viber, Snapchat, Skype, Kik. */
    MESSENGER("messenger", "A messenger contact (WhatsApp, Telegram, ...)"),
    /** An {@code @handle}. */
    AT_HANDLE("at_handle", "An @handle"),
    /** A {@code +handle}. */
    PLUS_HANDLE("plus_handle", "A +handle"),
    /** A call to action: "sub me", "check my channel", "f4f", "click here", "dm me". */
    CALL_TO_ACTION("call_to_action", "A call to action"),
    /** Two or more different calls to action. */
    CALLS_TO_ACTION_2("calls_to_action.2", "Two calls to action or more"),
    /** Something for nothing: "free", "win", "prize", "giveaway", "gift card", "bonus", "claim", ... */
    OFFER("offer", "Offers something for nothing"),
    /** An amount of money: a currency sign beside digits ({@code $50}, {@code 100€}, {@code £1,000}). */
    MONEY("money", "An amount of money"),
    /** One character ten or more times in a row. */
    REPEATED_CHARACTER("repeated_character", "One character repeated ten times or more in a row"),
    /** A BBCode link ({@code [url=…]}), which no one types into a web form but a forum-spamming bot. */
    BBCODE_LINK("bbcode_link", "Contains a BBCode link"),
    /**
     * At least 20 letters, 70% or more of them capitals. Reported, never weighed: many legitimate short
     * messages shout, so it is no sign of spam by itself.
     */
    SHOUTING("shouting", "Most letters are capitals");

    final String code;
    final String reason;

    Cue(String code, String reason) {
      this.code = code;
      this.reason = reason;
    }
  }

  /**
   * What was found: the cues, the calls to action and offers by phrase, the capitals' share, the longest run.
   */
  record Found(Set<Cue> cues, List<String> callsToAction, List<String> offers, int capitalsPercent, int longestRun) {}

  /** Calls to action, as folded words (see {@link #words}). Each one counts once. */
  static final List<String> CALLS_TO_ACTION = List.of(
      "sub me", "sub to me", "sub to my", "sub 4 sub", "sub4sub", "sub for sub", "subscribe to me", "subscribe to my",
      "subscribe me", "subscribe my", "please subscribe", "pls subscribe", "plz subscribe", "subscribe back",
      "f4f", "s4s", "l4l", "follow4follow", "like4like", "follow me", "follow my", "follow back", "followback",
      "check my", "check out my", "check me out", "checkout my", "visit my", "go to my", "look at my", "watch my",
      "my channel", "my page", "my website", "my site", "my blog", "my profile", "my shop", "my store",
      "click here", "click the link", "click this link", "click my", "link in my", "link below", "link in bio",
      "dm me", "pm me", "message me", "text me", "contact me", "call me", "email me", "inbox me", "add me",
      "join my", "join us", "like my", "like this comment", "thumbs up this", "share this", "promo code",
      "discount code", "coupon code", "earn money", "make money", "earn cash", "work from home", "free followers",
      "free likes", "buy now", "order now", "limited offer", "sign up", "signup", "register now");

  /** Offers of something for nothing, as folded words. Each one counts once. */
  static final List<String> OFFERS = List.of(
      "free", "win", "winner", "winning", "prize", "prizes", "giveaway", "give away", "gift card", "gift cards",
      "giftcard", "cash", "bonus", "reward", "claim", "congratulations", "guaranteed", "voucher", "jackpot",
      "lottery", "earn", "income", "profit", "discount", "cheap");

  /** The URL shorteners whose links hide where they lead (hosts as {@link LinkFinder#host} gives them). */
  static final Set<String> SHORTENERS = Set.of("bit.ly", "goo.gl", "tinyurl.com", "adf.ly", "ow.ly", "t.co",
      "is.gd", "buff.ly", "rebrand.ly", "cutt.ly", "shorturl.at", "tiny.cc", "bit.do", "lnkd.in", "rb.gy", "v.gd",
      "shorte.st", "ouo.io", "bc.vc", "j.mp", "t.ly", "tiny.one", "s.id", "clck.ru", "qr.ae", "soo.gd", "x.co");

  /** A phrase of {@link #CALLS_TO_ACTION} or {@link #OFFERS}. */
  private record Phrase(String text, boolean offer) {}

  private static final int MAX_PHRASE_WORDS = 3;
  /**
   * The phrases by the hash of their words (see {@link #phrases}), in an open-addressing table of primitive
   * keys, so that the three look-ups per word of a comment box nothing. Filled once, then only read.
   */
  private static final long[] PHRASE_KEYS;
  private static final Phrase[] PHRASE_VALUES;

  static {
    Map<Long, Phrase> byKey = new HashMap<>();
    for (List<String> list : List.of(CALLS_TO_ACTION, OFFERS)) {
      for (String p : list) {
        List<String> w = words(p);
        if (w.size() > MAX_PHRASE_WORDS) {
          throw new AssertionError("phrase longer than " + MAX_PHRASE_WORDS + " words: " + p);
        }
        long h = 0;
        for (String word : w) {
          h = mix(h, word.hashCode());
        }
        if (byKey.put(h, new Phrase(p, list == OFFERS)) != null) {
          throw new AssertionError("phrase listed twice: " + p);
        }
      }
    }
    int capacity = Integer.highestOneBit(byKey.size() * 4 - 1) << 1; // at most a quarter full
    PHRASE_KEYS = new long[capacity];
    PHRASE_VALUES = new Phrase[capacity];
    for (Map.Entry<Long, Phrase> e : byKey.entrySet()) {
      int slot = phraseSlot(e.getKey());
      while (PHRASE_VALUES[slot] != null) {
        slot = slot + 1 & capacity - 1;
      }
      PHRASE_KEYS[slot] = e.getKey();
      PHRASE_VALUES[slot] = e.getValue();
    }
  }

  private static int phraseSlot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 40) & PHRASE_KEYS.length - 1;
  }

  /** The phrase whose words hash to {@code key}, or null. */
  private static @Nullable Phrase phrase(long key) {
    int mask = PHRASE_KEYS.length - 1;
    for (int slot = phraseSlot(key); PHRASE_VALUES[slot] != null; slot = slot + 1 & mask) {
      if (PHRASE_KEYS[slot] == key) {
        return PHRASE_VALUES[slot];
      }
    }
    return null;
  }

  private static final Pattern EMAIL_ADDRESS =
      Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}");
  private static final Pattern AT_HANDLE_PATTERN = Pattern.compile("(?<![\\p{L}\\p{N}_.@])@[\\p{L}\\p{N}_][\\p{L}\\p{N}_.]{1,}");
  private static final Pattern PLUS_HANDLE_PATTERN = Pattern.compile("(?<![\\p{L}\\p{N}_+])\\+\\p{L}[\\p{L}\\p{N}_]{2,}");
  /** "example (dot) com", "example[dot]pl": a dot spelled out in brackets, before any common TLD. */
  private static final Pattern BRACKETED_DOT = Pattern.compile(
      "[\\p{L}\\p{N}-]{2,} *[(\\[{] *(?:dot|punto|punkt|point) *[)\\]}] *"
          + "(?:com|net|org|info|biz|co|io|me|tv|ly|ru|xyz|top|site|online|us|uk|de|in|pl|nl|br|fr|es|it)\\b");
  /**
   * "example . com", "example .com", "example dot com": before a TLD that is no English word (not "it", "me",
   * "in", "us"), so that a stray space before a full stop ("it was fun . It ended") is not a link.
   */
  private static final Pattern SPACED_DOT = Pattern.compile(
      "[\\p{L}\\p{N}-]{2,}(?: +(?:dot|\\.) +| +\\.)(?:com|net|org|info|biz|ru|xyz|top|site|online|ly|io)\\b");
  private static final List<String> MESSENGERS = List.of("whatsapp", "whats app", "watsapp", "wa.me/", "telegram",
      "t.me/", "wechat", "viber", "snapchat", "skype", "kik me", "kik:", "line id");

  private SpamCues() {}

  /** The cues of a validated comment, its links as the validator found them. */
  static Found of(Comment comment) {
    return CommentCues.of(comment).found();
  }

  private static String cut(String text) {
    return text.length() > SpamFeatures.MAX_TEXT_CHARS ? text.substring(0, SpamFeatures.MAX_TEXT_CHARS) : text;
  }

  /** The cues of a text with its links (as {@link LinkFinder#find} lists them) and its HTML (or empty). */
  static Found scan(String fullText, List<String> links, String html) {
    List<String> hosts = new ArrayList<>(links.size());
    for (String link : links) {
      hosts.add(LinkFinder.host(link));
    }
    return scan(fullText, links, hosts, html);
  }

  /** As {@link #scan(String, List, String)}, with the host of each link ({@link LinkFinder#host}) in order. */
  static Found scan(String fullText, List<String> links, List<String> linkHosts, String html) {
    String text = cut(fullText);
    EnumSet<Cue> cues = EnumSet.noneOf(Cue.class);
    if (!links.isEmpty()) {
      cues.add(Cue.LINK);
      if (links.size() >= 2) {
        cues.add(Cue.LINKS_2);
      }
      if (links.size() >= 3) {
        cues.add(Cue.LINKS_3);
      }
      Map<String, Integer> byHost = new HashMap<>();
      for (String host : linkHosts) {
        if (byHost.merge(host, 1, Integer::sum) >= 2) {
          cues.add(Cue.SAME_HOST_LINKS);
        }
        if (SHORTENERS.contains(host)) {
          cues.add(Cue.SHORTENED_LINK);
        }
      }
      String stripped = text.strip();
      if (links.size() == 1 && !stripped.isEmpty() && stripped.indexOf(' ') < 0 && LinkFinder.isBareLink(stripped)) {
        cues.add(Cue.ONLY_LINK);
      }
    }
    int letters = 0;
    int capitals = 0;
    int digits = 0;
    int run = 0;
    int longestRun = 0;
    int previous = -1;
    boolean at = false;
    boolean plus = false;
    boolean money = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetter(cp)) {
        letters++;
        if (Character.isUpperCase(cp)) {
          capitals++;
        }
      } else if (cp >= '0' && cp <= '9') {
        digits++;
        money |= previous >= 0 && Character.getType(previous) == Character.CURRENCY_SYMBOL;
      } else if (cp == '@') {
        at = true;
      } else if (cp == '+') {
        plus = true;
      } else if (previous >= '0' && previous <= '9' && Character.getType(cp) == Character.CURRENCY_SYMBOL) {
        money = true;
      }
      run = cp == previous && !Character.isWhitespace(cp) ? run + 1 : 1;
      longestRun = Math.max(longestRun, run);
      previous = cp;
    }
    if (letters >= 20 && capitals * 10 >= letters * 7) {
      cues.add(Cue.SHOUTING);
    }
    if (longestRun >= 10) {
      cues.add(Cue.REPEATED_CHARACTER);
    }
    if (money) {
      cues.add(Cue.MONEY);
    }
    boolean plainAscii = TextFolding.isPlainAscii(text);
    // lower case; full-width, look-alike and invisible letters folded (plain ASCII: its lower case)
    String lower = plainAscii ? text.toLowerCase(Locale.ROOT) : TextFolding.fold(text);
    if (lower.contains("[url=") || lower.contains("[url]") || lower.contains("[link=")
        || html.contains("[url=") || html.contains("[URL=")) {
      cues.add(Cue.BBCODE_LINK);
    }
    if (at && EMAIL_ADDRESS.matcher(text).find() || html.contains("href=\"mailto:")) {
      cues.add(Cue.EMAIL);
    }
    if (at && AT_HANDLE_PATTERN.matcher(text).find()) {
      cues.add(Cue.AT_HANDLE);
    }
    if (plus && PLUS_HANDLE_PATTERN.matcher(text).find()) {
      cues.add(Cue.PLUS_HANDLE);
    }
    if (digits >= 8 && hasPhoneNumber(text)) {
      cues.add(Cue.PHONE);
    }
    for (String m : MESSENGERS) {
      if (lower.contains(m)) {
        cues.add(Cue.MESSENGER);
        break;
      }
    }
    if (lower.contains("hxxp") || lower.contains("h**p") || lower.contains("www .") || lower.contains("www dot")
        || (lower.contains("dot") || lower.contains(" .")) && (SPACED_DOT.matcher(lower).find()
            || BRACKETED_DOT.matcher(lower).find())) {
      cues.add(Cue.OBFUSCATED_LINK);
    }
    if (!cues.contains(Cue.OBFUSCATED_LINK) && !plainAscii
        && LinkFinder.bareLinks(TextFolding.fold(text)).size() > LinkFinder.bareLinks(text).size()) {
      cues.add(Cue.OBFUSCATED_LINK); // a link in full-width or look-alike letters: "ｅｂａｙ.ｃｏｍ"
    }
    List<String> calls = new ArrayList<>(2);
    List<String> offers = new ArrayList<>(2);
    phrases(lower, calls, offers);
    if (!calls.isEmpty()) {
      cues.add(Cue.CALL_TO_ACTION);
      if (calls.size() >= 2) {
        cues.add(Cue.CALLS_TO_ACTION_2);
      }
    }
    if (!offers.isEmpty()) {
      cues.add(Cue.OFFER);
    }
    return new Found(cues, calls, offers, letters == 0 ? 0 : capitals * 100 / letters, longestRun);
  }

  /** The distinct calls to action in a lower-cased text, in the order found. */
  static List<String> callsToAction(String lower) {
    List<String> calls = new ArrayList<>(2);
    phrases(lower, calls, new ArrayList<>(2));
    return calls;
  }

  /** Adds the distinct calls to action and offers of a lower-cased text to {@code calls} and {@code offers}. */
  private static void phrases(String lower, List<String> calls, List<String> offers) {
    long[] recent = new long[MAX_PHRASE_WORDS]; // hashes of the last words, most recent first
    int seen = 0;
    int n = lower.length();
    int i = 0;
    while (i < n) {
      while (i < n && !isWordChar(lower.charAt(i))) {
        i++;
      }
      int start = i;
      int h = 0; // String.hashCode of the word, without making the string
      while (i < n && isWordChar(lower.charAt(i))) {
        h = 31 * h + lower.charAt(i);
        i++;
      }
      if (start == i) {
        break;
      }
      System.arraycopy(recent, 0, recent, 1, MAX_PHRASE_WORDS - 1);
      recent[0] = h;
      seen++;
      for (int len = 1; len <= Math.min(seen, MAX_PHRASE_WORDS); len++) {
        long key = 0;
        for (int k = len - 1; k >= 0; k--) {
          key = mix(key, (int) recent[k]);
        }
        Phrase phrase = phrase(key);
        if (phrase != null) {
          List<String> found = phrase.offer() ? offers : calls;
          if (!found.contains(phrase.text())) {
            found.add(phrase.text());
          }
        }
      }
    }
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c);
  }

  static List<String> words(String phrase) {
    List<String> out = new ArrayList<>();
    for (String w : phrase.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  private static long mix(long h, int word) {
    return (h + word + 0x9E3779B97F4A7C15L) * 0xbf58476d1ce4e5b9L;
  }

  /**
   * Whether the text holds a phone number: 9 to 15 digits in groups separated by single spaces, dots, dashes,
   * slashes or parentheses, that starts with {@code +} or {@code 00}, or is in two or more groups, or is one run
   * of 10 to 13 digits; a run of years ({@code 2014 2015 2016}) is not one.
   */
  static boolean hasPhoneNumber(String text) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      boolean starts = (c == '+' || c == '(' || isDigit(c)) && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)));
      if (!starts) {
        i++;
        continue;
      }
      boolean plus = c == '+';
      int j = plus ? i + 1 : i;
      int digitCount = 0;
      int groups = 0;
      int groupLength = 0;
      boolean allYears = true;
      int groupStart = j;
      char separator = 0;
      while (j < n) {
        char d = text.charAt(j);
        if (isDigit(d)) {
          if (groupLength == 0) {
            groupStart = j;
          }
          digitCount++;
          groupLength++;
          j++;
          separator = 0;
        } else if ((d == ' ' || d == '.' || d == '-' || d == '/' || d == '(' || d == ')') && separator == 0
            || d == ' ' && separator == ')') {
          if (groupLength > 0) {
            groups++;
            allYears &= isYear(text, groupStart, groupLength);
            groupLength = 0;
          }
          separator = d;
          j++;
        } else {
          break;
        }
      }
      if (groupLength > 0) {
        groups++;
        allYears &= isYear(text, groupStart, groupLength);
      }
      boolean letterAfter = separator == 0 && j < n && Character.isLetter(text.charAt(j)); // "12345678abc"
      boolean zeroZero = text.startsWith("00", plus ? i + 1 : i);
      if (digitCount >= 9 && digitCount <= 15 && !letterAfter && !allYears
          && (plus || zeroZero || groups >= 2 || digitCount >= 10 && digitCount <= 13)) {
        return true;
      }
      i = Math.max(j, i + 1);
    }
    return false;
  }

  private static boolean isYear(String text, int start, int length) {
    return length == 4 && (text.startsWith("19", start) || text.startsWith("20", start));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
