package dev.masthead.benchmarks.comments;

import dev.masthead.comments.CommentSubmission;

/** Inputs shared by the comment benchmarks. */
final class CommentBenchmarkInputs {
  private CommentBenchmarkInputs() {}

  static CommentSubmission submissionWithEmail(String email) {
    return CommentSubmission.builder()
        .articleId("2026-03-council-budget")
        .authorName("Maria Garc\u00EDa")
        .authorEmail(email)
        .content("Short and sweet.")
        .build();
  }
}
