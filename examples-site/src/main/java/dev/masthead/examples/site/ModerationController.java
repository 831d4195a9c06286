package dev.masthead.examples.site;

import dev.masthead.examples.site.CommentStore.StoredComment;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The moderation queue, for a logged-in moderator only (see {@link SecurityConfiguration}): held comments and
 * those judged spam, each with Approve and Spam buttons that feed the spam filter's learned checks.
 */
@Controller
class ModerationController {
  /**
   * One comment of the queue as shown.
   *
   * @param id its id
   * @param status held or spam
   * @param article the article's path
   * @param authorName the author
   * @param time when it was posted
   * @param html the sanitized comment
   */
  record QueueItem(String id, String status, String article, String authorName, String time, String html) {}

  private final CommentDesk desk;
  private final Catalog catalog;
  private final SiteProperties properties;

  ModerationController(CommentDesk desk, Catalog catalog, SiteProperties properties) {
    this.desk = desk;
    this.catalog = catalog;
    this.properties = properties;
  }

  @GetMapping("/moderation")
  String queue(Model model) {
    DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(Locale.ENGLISH)
        .withZone(properties.zone());
    List<QueueItem> items = desk.queue().stream().map((StoredComment c) -> new QueueItem(c.id(),
        c.status().name().toLowerCase(Locale.ROOT),
        catalog.find(c.comment().articleId()).map(Catalog::path).orElse("/"), c.comment().authorName(),
        when.format(c.comment().submittedAt()), c.comment().contentHtml().html())).toList();
    model.addAttribute("items", items);
    return "moderation";
  }

  @PostMapping("/moderation/{id}/approve")
  String approve(@PathVariable String id) {
    desk.approve(id);
    return "redirect:/moderation";
  }

  @PostMapping("/moderation/{id}/spam")
  String spam(@PathVariable String id) {
    desk.markSpam(id);
    return "redirect:/moderation";
  }
}
