package dev.masthead.core;

/**
 * Where an article is in its life. Only {@link #PUBLISHED} and {@link #SCHEDULED} articles can be visible;
 * see {@link Article#isVisibleAt(java.time.Instant)}.
 */
public enum ArticleStatus {
  /** Being written; never shown to readers. */
  DRAFT,
  /** Approved and due to go live at its {@code publishedAt}; visible from that moment on. */
  SCHEDULED,
  /** Live since its {@code publishedAt}. */
  PUBLISHED,
  /** Taken down (retracted, expired, deleted); never shown to readers. */
  UNPUBLISHED
}
