package dev.masthead.comments.spam;

import dev.masthead.comments.Comment;
import dev.masthead.comments.links.LinkFinder;
import java.util.ArrayList;
import java.util.List;

/**
 * The cues of one validated comment ({@link SpamCues#of}) and the distinct hosts of its links, scanned once per
 * verdict: the filter hands the same scan to the heuristics check, which explains the cues, and to the
 * classifier check, which weighs them ({@link CueCheck}), instead of each scanning the comment again.
 *
 * <p>Immutable and thread-safe.
 *
 * @param found the cues, as {@link SpamCues#of(Comment)} finds them
 * @param hosts the hosts of {@link Comment#links()} as {@link LinkFinder#host} gives them, distinct, in order
 */
record CommentCues(SpamCues.Found found, List<String> hosts) {
  CommentCues {
    hosts = List.copyOf(hosts);
  }

  /** Scans a comment: each link's host is computed once, for both the cues and the features. */
  static CommentCues of(Comment comment) {
    List<String> links = comment.links();
    List<String> linkHosts = new ArrayList<>(links.size());
    List<String> distinct = new ArrayList<>(links.size());
    for (String link : links) {
      String host = LinkFinder.host(link);
      linkHosts.add(host);
      if (!distinct.contains(host)) {
        distinct.add(host);
      }
    }
    SpamCues.Found found = SpamCues.scan(comment.contentText(), links, linkHosts, comment.contentHtml().html());
    return new CommentCues(found, distinct);
  }
}
