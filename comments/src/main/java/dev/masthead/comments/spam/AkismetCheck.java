package dev.masthead.comments.spam;

import dev.masthead.comments.Comment;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Asks Akismet ({@link AkismetClient}): {@code true} gives {@code akismet.spam} with a SPAM floor;
 * {@code true} with {@code X-akismet-pro-tip: discard} gives {@code akismet.discard} with a DISCARD floor;
 * {@code false} gives no signal; an invalid key, an HTTP error or a timeout gives
 * {@code akismet.unavailable} with a HOLD floor, never SPAM. Moderators' feedback is sent back with
 * {@code submit-spam} and {@code submit-ham}, without waiting for the answer.
 *
 * <p>A {@link SpamCheck.Cost#NETWORK} check: the filter runs it last, and not at all once the outcome is
 * settled. Thread-safe.
 */
final class AkismetCheck implements SpamCheck {
  private final AkismetClient client;

  private AkismetCheck(AkismetClient client) {
    this.client = client;
  }

  /**
   * Returns the check.
   *
   * @param client the Akismet client
   * @return the check
   * @throws NullPointerException if {@code client} is null
   */
  public static AkismetCheck of(AkismetClient client) {
    return new AkismetCheck(Objects.requireNonNull(client, "client"));
  }

  @Override
  public String name() {
    return "akismet";
  }

  @Override
  public Cost cost() {
    return Cost.NETWORK;
  }

  @Override
  public List<Signal> check(Comment comment, SpamContext context) {
    return checkAsync(comment, context).join();
  }

  @Override
  public CompletableFuture<List<Signal>> checkAsync(Comment comment, SpamContext context) {
    return client.commentCheck(comment, context).thenApply(result -> switch (result) {
      case HAM -> List.of();
      case SPAM -> List.of(Signal.floor(name(), "akismet.spam", Decision.SPAM, "Akismet says this is spam"));
      case DISCARD -> List.of(Signal.floor(name(), "akismet.discard", Decision.DISCARD,
          "Akismet says this is blatant spam, safe to discard"));
      case INVALID_KEY -> List.of(Signal.floor(name(), "akismet.unavailable", Decision.HOLD,
          "Akismet refused the API key; held for a person to decide"));
      case UNAVAILABLE -> List.of(Signal.floor(name(), "akismet.unavailable", Decision.HOLD,
          "Akismet could not be reached in time; held for a person to decide"));
    });
  }

  @Override
  public void feedback(Comment comment, SpamContext context, Label label) {
    if (label == Label.SPAM) {
      client.submitSpam(comment, context);
    } else {
      client.submitHam(comment, context);
    }
  }

  @Override
  public String toString() {
    return "AkismetCheck[" + client + "]";
  }
}
