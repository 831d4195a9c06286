package dev.masthead.comments.spam;

import dev.masthead.comments.Comment;
import java.util.ArrayList;
import java.util.List;

/**
 * Names the signs of spam in the text itself, for moderators, as signals that add nothing to the score: how
 * much each one means is learned, not set by hand. The learned classifier ({@link ClassifierCheck}) takes the
 * same signs as features and weighs them against everything else in the comment, so a filter with a
 * classifier decides on one calibrated probability; this check explains it.
 *
 * <p>Each sign is a signal {@code heuristics.<code>} with score 0:
 * <ul>
 *   <li>links: {@code link}, {@code links.2}, {@code links.3}, {@code only_link} (the whole comment is one
 *       link), {@code same_host_links}, as {@link Comment#links()} lists them (any top-level domain of the public
 *       suffix list); {@code shortened_link}, a link through a URL shortener ({@code bit.ly}, {@code goo.gl},
 *       {@code tinyurl.com}, {@code adf.ly}, ...), which hides where it leads;</li>
 *   <li>{@code obfuscated_link}: a link written to get past link detection ({@code example . com},
 *       {@code example(dot)com}, {@code hxxp://});</li>
 *   <li>contact channels, what most spam on news sites sells: {@code phone} (international {@code +44 20 7946
 *       0958} or local {@code 555-123-4567}), {@code messenger} (WhatsApp, Telegram, WeChat, Viber, Snapchat,
 *       Skype, Kik), {@code email} (an address in the text or a {@code mailto:} link), {@code at_handle},
 *       {@code plus_handle};</li>
 *   <li>calls to action: {@code call_to_action} and {@code calls_to_action.2} ("sub me", "check my channel",
 *       "f4f", "click here", "dm me", "promo code", ...);</li>
 *   <li>{@code offer}: something for nothing ("free", "win", "prize", "giveaway", "gift card", "bonus",
 *       "claim", ...), and {@code money}: an amount of money, a currency sign beside digits ({@code $50},
 *       {@code 100€});</li>
 *   <li>{@code repeated_character}: one character ten times or more in a row;</li>
 *   <li>{@code shouting}: 70% or more of at least 20 letters are capitals. Reported only: the classifier does
 *       not weigh it, because many legitimate short messages shout;</li>
 *   <li>{@code bbcode_link}: a BBCode link ({@code [url=…]}, {@code [url]}, {@code [link=…]}), which no one types
 *       into a web comment form except a forum-spamming bot. The one sign that also sets a floor:
 *       {@link Decision#HOLD}, so a person looks at it whatever the classifier says.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
final class ContentHeuristicsCheck implements CueCheck {
  private static final ContentHeuristicsCheck INSTANCE = new ContentHeuristicsCheck();

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
  public List<Signal> check(Comment comment, SpamContext context, CommentCues cues) {
    SpamCues.Found found = cues.found();
    if (found.cues().isEmpty()) {
      return List.of();
    }
    List<Signal> signals = new ArrayList<>(found.cues().size());
    for (SpamCues.Cue cue : found.cues()) {
      String reason = switch (cue) {
        case SHOUTING -> found.capitalsPercent() + "% of the letters are capitals (not weighed)";
        case REPEATED_CHARACTER -> "One character is repeated " + found.longestRun() + " times in a row";
        case LINK, LINKS_2, LINKS_3 -> "Contains " + comment.links().size() + " link"
            + (comment.links().size() == 1 ? "" : "s");
        case CALL_TO_ACTION, CALLS_TO_ACTION_2 -> cue.reason + ": \"" + String.join("\", \"", found.callsToAction())
            + "\"";
        case OFFER -> cue.reason + ": \"" + String.join("\", \"", found.offers()) + "\"";
        default -> cue.reason;
      };
      Decision floor = cue == SpamCues.Cue.BBCODE_LINK ? Decision.HOLD : null;
      signals.add(new Signal(name(), "heuristics." + cue.code, 0.0, floor, reason));
    }
    return signals;
  }

  @Override
  public String toString() {
    return "ContentHeuristicsCheck";
  }
}
