package dev.masthead.examples.site;

import dev.masthead.comments.Comment;
import dev.masthead.comments.ParentLookup;
import dev.masthead.comments.spam.SpamContext;
import dev.masthead.core.ArticleId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The site's comments, in memory (a real site keeps them in its database). It is also the validator's
 * {@link ParentLookup}: a top-level comment has depth 1 and a reply its parent's depth plus one, as
 * {@link ParentLookup.Parent} counts (the JDK HttpServer app stored depth 0 for a top-level comment, so every
 * reply to one was a 500). Thread-safe.
 */
public final class CommentStore implements ParentLookup {
  /** Where a comment stands. */
  public enum Status {
    /** Listed under the article. */
    APPROVED,
    /** Waiting in the moderation queue; shown only to its author, marked as awaiting moderation. */
    HELD,
    /** Judged spam by the filter or a moderator; shown to no reader but its author, as if held. */
    SPAM
  }

  /**
   * A comment as stored.
   *
   * @param id the comment's id ({@code c1}, {@code c2}, ...)
   * @param comment the clean comment
   * @param context its spam context as checked, for the moderator's feedback to the filter
   * @param depth 1 for a top-level comment, 2 for a reply to one, ...
   * @param status where it stands
   * @param authorVisitor the visitor id of the browser that posted it, so its author sees it while it is held
   */
  public record StoredComment(String id, Comment comment, SpamContext context, int depth, Status status,
      String authorVisitor) {
    StoredComment withStatus(Status newStatus) {
      return new StoredComment(id, comment, context, depth, newStatus, authorVisitor);
    }

    long sequence() {
      return Long.parseLong(id.substring(1));
    }
  }

  private final Map<String, StoredComment> comments = new ConcurrentHashMap<>();
  private final AtomicLong nextId = new AtomicLong(1);

  @Override
  public Optional<Parent> find(String id) {
    return get(id).map(c -> new Parent(c.comment().articleId(), c.status() == Status.APPROVED, c.depth()));
  }

  /**
   * Returns a stored comment.
   *
   * @param id its id
   * @return the comment, or empty if there is none with that id
   */
  public Optional<StoredComment> get(String id) {
    return Optional.ofNullable(comments.get(id));
  }

  /**
   * Stores a new comment; its depth follows from its parent's.
   *
   * @param comment the validated comment
   * @param context its spam context
   * @param status the filter's decision as a status
   * @param authorVisitor the posting browser's visitor id
   * @return the stored comment with its new id
   */
  public StoredComment add(Comment comment, SpamContext context, Status status, String authorVisitor) {
    int depth = comment.parent().flatMap(this::get).map(p -> p.depth() + 1).orElse(1);
    StoredComment stored = new StoredComment("c" + nextId.getAndIncrement(), comment, context, depth, status,
        authorVisitor);
    comments.put(stored.id(), stored);
    return stored;
  }

  /**
   * Moves a comment to another status.
   *
   * @param id the comment's id
   * @param status its new status
   * @return the comment as it was before, or empty if there is none with that id
   */
  public Optional<StoredComment> setStatus(String id, Status status) {
    StoredComment[] before = new StoredComment[1];
    comments.computeIfPresent(id, (k, c) -> {
      before[0] = c;
      return c.withStatus(status);
    });
    return Optional.ofNullable(before[0]);
  }

  /**
   * Returns the comments a visitor sees under an article, in thread order: each top-level comment oldest first,
   * followed by its replies (oldest first, recursively). Held and spam comments are included only for their
   * author, and a reply is shown only under a parent that is shown.
   *
   * @param articleId the article
   * @param visitor the reader's visitor id, or {@code null}
   * @return the threads, each a top-level comment and its replies in display order
   */
  public List<List<StoredComment>> threads(ArticleId articleId, @Nullable String visitor) {
    List<StoredComment> shown = comments.values().stream()
        .filter(c -> c.comment().articleId().equals(articleId))
        .filter(c -> c.status() == Status.APPROVED || c.authorVisitor().equals(visitor))
        .sorted(Comparator.comparingLong(StoredComment::sequence))
        .toList();
    List<List<StoredComment>> threads = new ArrayList<>();
    for (StoredComment c : shown) {
      if (c.comment().parent().isEmpty()) {
        List<StoredComment> thread = new ArrayList<>();
        addWithReplies(c, shown, thread);
        threads.add(List.copyOf(thread));
      }
    }
    return List.copyOf(threads);
  }

  private static void addWithReplies(StoredComment c, List<StoredComment> shown, List<StoredComment> out) {
    out.add(c);
    for (StoredComment r : shown) {
      if (r.comment().parent().filter(c.id()::equals).isPresent()) {
        addWithReplies(r, shown, out);
      }
    }
  }

  /**
   * Returns how many approved comments an article has.
   *
   * @param articleId the article
   * @return the count
   */
  public long approvedCount(ArticleId articleId) {
    return comments.values().stream()
        .filter(c -> c.status() == Status.APPROVED && c.comment().articleId().equals(articleId)).count();
  }

  /**
   * Returns the moderation queue: held comments, then those judged spam, oldest first.
   *
   * @return the comments waiting for a moderator
   */
  public List<StoredComment> queue() {
    return comments.values().stream()
        .filter(c -> c.status() != Status.APPROVED)
        .sorted(Comparator.comparing(StoredComment::status).thenComparingLong(StoredComment::sequence))
        .toList();
  }
}
