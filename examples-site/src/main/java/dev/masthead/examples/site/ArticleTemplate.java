package dev.masthead.examples.site;

/** The names the article template and its controller share. */
final class ArticleTemplate {
  /** The honeypot field: plausible for a bot, hidden from people with CSS. */
  static final String HONEYPOT = "phone";
  /** The hidden field that carries the form token. */
  static final String FORM_TOKEN = "form_token";

  private ArticleTemplate() {}
}
