/**
 * An example news site on Spring Boot that embeds Masthead: the article page (headline, dek, dateline, byline,
 * body) with "Top 5 This Week", "Popular Articles" and "Related Posts", threaded replies, and a moderation queue
 * behind a login. Server-rendered with Thymeleaf; {@code /api/**} answers JSON.
 */
@NullMarked
package dev.masthead.examples.site;

import org.jspecify.annotations.NullMarked;
