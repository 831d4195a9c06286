package dev.masthead.comments.spam;

import dev.masthead.comments.Comment;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Asks Akismet ({@link AkismetClient}): {@code true} gives {@code akismet.spam} with a SPAM floor;
 * {@code true} with {@code X-akismet-pro-tip: discard} gives {@code akismet.discard} with a DISCARD floor;
 * {@code false} gives no signal. Every kind of unavailability (timeout, HTTP status, {@code invalid} key,
 * unreadable answer, failed connection, and the filter's own check timeout when it is shorter than the client's)
 * gives the one code {@value #UNAVAILABLE} with a HOLD floor, never SPAM, and a reason naming the cause.
 * Moderators' feedback is sent back with {@code submit-spam} and {@code submit-ham}, without waiting for the
 * answer.
 *
 * <p>A {@link SpamCheck.Cost#NETWORK} check: the filter runs it last, and not at all once the outcome is
 * settled. Thread-safe.
 */
final class AkismetCheck implements SpamCheck {
  /** The code of every kind of unavailability. */
  static final String UNAVAILABLE = "akismet.unavailable";

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
    return client.commentCheck(comment, context).thenApply(answer -> switch (answer.result()) {
      case HAM -> List.of();
      case SPAM -> List.of(Signal.floor(name(), "akismet.spam", Decision.SPAM, "Akismet says this is spam"));
      case DISCARD -> List.of(Signal.floor(name(), "akismet.discard", Decision.DISCARD,
          "Akismet says this is blatant spam, safe to discard"));
      case UNAVAILABLE -> List.of(Signal.floor(name(), UNAVAILABLE, Decision.HOLD,
          "Akismet is unavailable (" + reason(answer) + "); held for a person to decide"));
    });
  }

  private static String reason(AkismetClient.Answer answer) {
    AkismetClient.Failure failure = java.util.Objects.requireNonNull(answer.failure());
    String kind = switch (failure) {
      case TIMEOUT -> "timeout";
      case HTTP_STATUS -> "HTTP error";
      case INVALID_KEY -> "invalid API key";
      case UNREADABLE_ANSWER -> "unreadable answer";
      case CONNECTION_FAILED -> "connection failed";
    };
    return kind + ": " + answer.detail();
  }

  @Override
  public String failureCode() {
    return UNAVAILABLE;
  }

  @Override
  public void feedback(Comment comment, SpamContext context, Label label) {
    // sent without waiting: a failure is logged by the client, at most once a minute per kind
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
