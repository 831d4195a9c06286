package dev.masthead.comments;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jspecify.annotations.Nullable;

/**
 * Turns a normalized comment into safe HTML and plain text with jsoup.
 *
 * <ol>
 *   <li>The comment is parsed as an HTML body fragment (so bare text such as {@code a < b & c} is text, and
 *       entities are decoded). Tags the policy does not allow that mean a line break ({@code br}) or a block
 *       ({@code p}, {@code div}, {@code li}, headings…) leave a line break or a blank line behind, so that
 *       pasted HTML keeps its paragraphs.</li>
 *   <li>jsoup's {@link Cleaner} copies only what the {@link Safelist} built from the policy allows: allowed
 *       tags and attributes, URL attributes with http/https (and mailto for {@code href}) absolute URLs only
 *       (see {@code WebSafelist}),
 *       {@code rel="nofollow ugc noopener"} on every link. Comments, scripts and style sheets are dropped;
 *       the text of other disallowed elements is kept.</li>
 *   <li>The plain text is read from the clean tree (text nodes, entities decoded; blocks separated by a
 *       blank line).</li>
 *   <li>Line breaks become markup: text is cut into paragraphs ({@code <p>}) at blank lines, and a single line
 *       break becomes {@code <br>}; allowed block elements ({@code blockquote}) stand between paragraphs and
 *       are formatted the same way inside.</li>
 * </ol>
 *
 * <p>Every step walks the tree iteratively, so deep nesting cannot overflow the stack. Immutable and
 * thread-safe: jsoup's {@link Cleaner} keeps no state between calls, and the safelist is never changed after
 * construction.
 */
final class ContentSanitizer {
  static final String LINK_REL = "nofollow ugc noopener";

  /** Elements whose content is paragraphs and other blocks. */
  private static final Set<String> FLOW = Set.of(
      "blockquote", "div", "li", "td", "th", "dd", "figure", "section", "article", "aside", "header", "footer",
      "address", "details");
  /** Blocks whose content is a single run of text. */
  private static final Set<String> PHRASING_BLOCK = Set.of(
      "p", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "figcaption", "caption", "summary");
  /** Blocks that hold other blocks only, or keep their white space. */
  private static final Set<String> OTHER_BLOCK = Set.of(
      "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr", "pre", "hr");
  private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "cite");

  private final Cleaner cleaner;
  private final Set<String> allowedTags;

  /** The sanitized forms of a comment. */
  record Sanitized(String html, String text, List<String> links) {}

  ContentSanitizer(Map<String, Set<String>> allowedHtml) {
    Safelist safelist = new WebSafelist();
    allowedHtml.forEach((tag, attributes) -> {
      safelist.addTags(tag);
      if (!attributes.isEmpty()) {
        safelist.addAttributes(tag, attributes.toArray(new String[0]));
      }
    });
    if (allowedHtml.containsKey("a")) {
      safelist.addEnforcedAttribute("a", "rel", LINK_REL);
    }
    this.cleaner = new Cleaner(safelist);
    this.allowedTags = Set.copyOf(allowedHtml.keySet());
  }

  /**
   * The safelist with Masthead's URL rule for {@code href}, {@code src} and {@code cite}: after the
   * WHATWG URL parser's own clean-up (leading and trailing C0 controls and spaces removed, tabs and line
   * breaks removed anywhere), the value must start with {@code http://} or {@code https://} (any case), or
   * {@code mailto:} for {@code href}; anything else (relative, protocol-relative, {@code javascript:},
   * {@code data:}…) removes the attribute. Entities are already decoded by the parser, so
   * {@code &#106;avascript:} is seen as {@code javascript:}.
   *
   * <p>This replaces {@link Safelist#addProtocols}, whose check resolves every URL with
   * {@code java.net.URL} against a base URI and, with none, pays for two exceptions per link (the largest cost
   * of sanitizing a comment with links, measured by the benchmark); the rule itself is the same or stricter.
   */
  private static final class WebSafelist extends Safelist {
    @Override
    public boolean isSafeAttribute(String tagName, Element element, Attribute attribute) {
      if (!super.isSafeAttribute(tagName, element, attribute)) {
        return false;
      }
      String key = attribute.getKey();
      if (!URL_ATTRIBUTES.contains(key)) {
        return true;
      }
      String url = webUrl(attribute.getValue(), key.equals("href"));
      if (url == null) {
        return false;
      }
      attribute.setValue(url);
      return true;
    }
  }

  /** The URL as a browser reads it, if it is an absolute http or https URL (or mailto, if allowed); else null. */
  static @Nullable String webUrl(String value, boolean mailto) {
    int start = 0;
    int end = value.length();
    while (start < end && value.charAt(start) <= ' ') {
      start++;
    }
    while (end > start && value.charAt(end - 1) <= ' ') {
      end--;
    }
    StringBuilder url = null;
    for (int i = start; i < end; i++) {
      char c = value.charAt(i);
      if (c == '\t' || c == '\n' || c == '\r') {
        if (url == null) {
          url = new StringBuilder(end - start).append(value, start, i);
        }
      } else if (url != null) {
        url.append(c);
      }
    }
    String cleaned = url != null ? url.toString() : value.substring(start, end);
    if (cleaned.regionMatches(true, 0, "http://", 0, 7) || cleaned.regionMatches(true, 0, "https://", 0, 8)) {
      return cleaned.length() > (cleaned.charAt(4) == ':' ? 7 : 8) ? cleaned : null;
    }
    if (mailto && cleaned.regionMatches(true, 0, "mailto:", 0, 7) && cleaned.length() > 7) {
      return cleaned;
    }
    return null;
  }

  Sanitized sanitize(String content) {
    Document dirty = Parser.parseBodyFragment(content, "");
    keepBreaksOfDisallowedBlocks(dirty.body());
    Document clean = cleaner.clean(dirty);
    clean.outputSettings().prettyPrint(false);
    Element body = clean.body();
    Set<Element> blockHolders = Collections.newSetFromMap(new IdentityHashMap<>());
    String text = tidyAndReadText(body, blockHolders);
    List<String> links = new ArrayList<>();
    for (Element a : body.getElementsByTag("a")) {
      String href = a.attr("href");
      if (!href.isEmpty()) {
        links.add(href);
      }
    }
    formatLineBreaks(body, blockHolders);
    return new Sanitized(body.html(), text, List.copyOf(links));
  }

  private void keepBreaksOfDisallowedBlocks(Element root) {
    List<Element> breaks = new ArrayList<>();
    List<Element> blocks = new ArrayList<>();
    NodeTraversor.traverse((node, depth) -> {
      if (node instanceof Element && node != root) {
        String name = ((Element) node).normalName();
        if (allowedTags.contains(name)) {
          return;
        }
        if (name.equals("br")) {
          breaks.add((Element) node);
        } else if (isBlock(name)) {
          blocks.add((Element) node);
        }
      }
    }, root);
    for (Element br : breaks) {
      br.replaceWith(new TextNode("\n"));
    }
    for (Element block : blocks) {
      // Inside the block, not beside it: the cleaner unwraps the block and keeps its text in place, and an
      // insert among the block's own children does not shift thousands of siblings (which made this quadratic).
      block.prependChild(new TextNode("\n\n"));
      block.appendChild(new TextNode("\n\n"));
    }
  }

  /**
   * Why {@code html} is not in the output form of a sanitizer under some policy, or null if it is: every tag
   * one a policy may allow (not in {@link CommentPolicy#FORBIDDEN_TAGS}), every attribute a permitted one or the
   * enforced {@code rel} of a link, every URL attribute an absolute http or https URL (mailto for href), every
   * link with the enforced {@code rel}, no HTML comment, and the markup read back exactly as written.
   */
  static @Nullable String whyNotSanitized(String html) {
    Document doc = Parser.parseBodyFragment(html, "");
    doc.outputSettings().prettyPrint(false);
    Element body = doc.body();
    String[] problem = new String[1];
    NodeTraversor.traverse((node, depth) -> {
      if (problem[0] != null || node == body) {
        return;
      }
      if (node instanceof org.jsoup.nodes.Comment || node instanceof org.jsoup.nodes.DataNode) {
        problem[0] = "an HTML comment or script data";
      } else if (node instanceof Element element) {
        String tag = element.normalName();
        if (CommentPolicy.FORBIDDEN_TAGS.contains(tag)) {
          problem[0] = "the tag <" + (tag.length() > 20 ? tag.substring(0, 20) + "…" : tag) + ">";
          return;
        }
        for (Attribute a : element.attributes()) {
          String key = a.getKey();
          if (tag.equals("a") && key.equals("rel")) {
            continue;
          }
          if (!CommentPolicy.PERMITTED_ATTRIBUTES.contains(key)) {
            problem[0] = "the attribute " + (key.length() > 20 ? key.substring(0, 20) + "…" : key) + " on <" + tag + ">";
            return;
          }
          if (URL_ATTRIBUTES.contains(key) && !a.getValue().equals(webUrl(a.getValue(), key.equals("href")))) {
            problem[0] = "an unsafe URL in " + key + " on <" + tag + ">";
            return;
          }
        }
        if (tag.equals("a") && !LINK_REL.equals(element.attr("rel"))) {
          problem[0] = "a link without rel=\"" + LINK_REL + "\"";
        }
      }
    }, body);
    if (problem[0] != null) {
      return problem[0];
    }
    return body.html().equals(html) ? null : "markup that does not read back as written";
  }

  private static boolean isBlock(String name) {
    return FLOW.contains(name) || PHRASING_BLOCK.contains(name) || OTHER_BLOCK.contains(name);
  }

  /**
   * Walks the clean tree once: normalizes decoded text and attribute values (an entity such as
   * {@code &#1;} or {@code &#xFEFF;} can decode to a character the raw text no longer holds), reads the plain
   * text, marks the elements that hold a block element somewhere below them, and unwraps links nested in
   * links.
   */
  private static String tidyAndReadText(Element body, Set<Element> blockHolders) {
    StringBuilder text = new StringBuilder();
    List<Element> nestedLinks = new ArrayList<>();
    NodeTraversor.traverse(new NodeVisitor() {
      private int linkDepth;

      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode) {
          TextNode textNode = (TextNode) node;
          String value = textNode.getWholeText();
          String tidy = FieldText.contentChars(value);
          if (!tidy.equals(value)) {
            textNode.text(tidy);
          }
          text.append(tidy);
        } else if (node != body && node instanceof Element) {
          Element element = (Element) node;
          for (Attribute attribute : element.attributes()) {
            String tidy = FieldText.contentChars(attribute.getValue());
            if (!tidy.equals(attribute.getValue())) {
              attribute.setValue(tidy);
            }
          }
          if (isBlock(element.normalName())) {
            text.append("\n\n");
          }
          if (element.normalName().equals("a") && ++linkDepth > 1) {
            nestedLinks.add(element);
          }
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node != body && node instanceof Element) {
          Element element = (Element) node;
          if (element.normalName().equals("a")) {
            linkDepth--;
          }
          if (isBlock(element.normalName())) {
            text.append("\n\n");
          }
          if ((isBlock(element.normalName()) || blockHolders.contains(element)) && element.parent() != null) {
            blockHolders.add(element.parent());
          }
        }
      }
    }, body);
    // A link inside a link (left behind by a dropped svg or math element) would be split by a browser's
    // parser; keep the outer link and the inner one's content.
    for (Element link : nestedLinks) {
      link.unwrap();
    }
    return collapseBlankLines(text);
  }

  /**
   * Trims the text, trims each line's trailing white space and each paragraph's leading white space (a
   * paragraph starts at its first visible character, as in the HTML), and keeps at most one blank line in a
   * row.
   */
  private static String collapseBlankLines(StringBuilder buffer) {
    String text = buffer.toString();
    StringBuilder out = new StringBuilder(text.length());
    int newlines = 0;
    int lineStart = 0;
    int length = text.length();
    for (int i = 0; i <= length; i++) {
      if (i < length && text.charAt(i) != '\n') {
        continue;
      }
      int end = i;
      while (end > lineStart && Character.isWhitespace(text.charAt(end - 1))) {
        end--;
      }
      if (end == lineStart) {
        if (out.length() > 0) {
          newlines++;
        }
      } else {
        int start = lineStart;
        if (out.length() > 0) {
          out.append(newlines >= 2 ? "\n\n" : "\n");
        }
        if (out.length() == 0 || newlines >= 2) {
          while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
          }
        }
        out.append(text.substring(start, end));
        newlines = 1;
      }
      lineStart = i + 1;
    }
    return out.toString();
  }

  /** Cuts text into paragraphs at blank lines and turns single line breaks into {@code <br>}, block by block. */
  private static void formatLineBreaks(Element body, Set<Element> blockHolders) {
    Deque<Element> work = new ArrayDeque<>();
    work.push(body);
    while (!work.isEmpty()) {
      Element container = work.pop();
      String name = container.normalName();
      if (PHRASING_BLOCK.contains(name)) {
        breaksToBr(container);
      } else if (OTHER_BLOCK.contains(name)) {
        if (!name.equals("pre")) {
          for (Element child : container.children()) {
            work.push(child);
          }
        }
      } else {
        // the body, flow blocks, and inline elements that hold a block (which a <p> must not wrap, or a
        // browser would restructure the markup)
        formatFlow(container, work, blockHolders);
      }
    }
  }

  private static void formatFlow(Element container, Deque<Element> work, Set<Element> blockHolders) {
    List<Node> nodes = new ArrayList<>(container.childNodes());
    container.empty();
    Paragraphs paragraphs = new Paragraphs(container);
    for (Node node : nodes) {
      if (node instanceof TextNode) {
        paragraphs.text(((TextNode) node).getWholeText());
      } else if (node instanceof Element) {
        Element element = (Element) node;
        if (isBlock(element.normalName()) || blockHolders.contains(element)) {
          paragraphs.close();
          container.appendChild(element);
          work.push(element);
        } else {
          breaksToBr(element);
          paragraphs.inline(element);
        }
      }
    }
    paragraphs.close();
  }

  /** Replaces each line feed in the text under {@code element} with a {@code <br>}. */
  private static void breaksToBr(Element element) {
    List<TextNode> withBreaks = new ArrayList<>();
    NodeTraversor.traverse((node, depth) -> {
      if (node instanceof TextNode && ((TextNode) node).getWholeText().indexOf('\n') >= 0) {
        withBreaks.add((TextNode) node);
      }
    }, element);
    for (TextNode textNode : withBreaks) {
      String text = textNode.getWholeText();
      int start = 0;
      for (int i = 0; i <= text.length(); i++) {
        if (i == text.length() || text.charAt(i) == '\n') {
          if (start > 0) {
            textNode.before(new Element("br"));
          }
          if (i > start) {
            textNode.before(new TextNode(text.substring(start, i)));
          }
          start = i + 1;
        }
      }
      textNode.remove();
    }
  }

  /** Builds the paragraphs of one flow container from its text and inline children, in order. */
  private static final class Paragraphs {
    private final Element container;
    private @Nullable Element paragraph;
    private int pendingNewlines;

    Paragraphs(Element container) {
      this.container = container;
    }

    void text(String text) {
      if (text.indexOf('\n') < 0) {
        // no line break: one segment, kept unless it is white space at the start of a paragraph
        if (!text.isEmpty() && !(pendingNewlines > 0 && text.isBlank())) {
          flush();
          String segment = paragraph == null ? text.stripLeading() : text;
          if (!segment.isEmpty()) {
            open().appendChild(new TextNode(segment));
          }
        }
        return;
      }
      int start = 0;
      int length = text.length();
      for (int i = 0; i <= length; i++) {
        if (i < length && text.charAt(i) != '\n') {
          continue;
        }
        boolean endsWithNewline = i < length;
        String line = endsWithNewline ? text.substring(start, i).stripTrailing() : text.substring(start, i);
        start = i + 1;
        if (!line.isEmpty()) {
          boolean blank = line.isBlank();
          if (!(blank && (endsWithNewline || pendingNewlines > 0))) {
            flush();
            if (paragraph == null) {
              line = line.stripLeading();
            }
            if (!line.isEmpty()) {
              open().appendChild(new TextNode(line));
            }
          }
        }
        if (endsWithNewline) {
          pendingNewlines++;
        }
      }
    }

    void inline(Element element) {
      flush();
      open().appendChild(element);
    }

    void close() {
      Element p = paragraph;
      if (p != null) {
        while (p.childNodeSize() > 0) {
          Node last = p.childNode(p.childNodeSize() - 1);
          if (last instanceof Element && ((Element) last).normalName().equals("br")) {
            last.remove();
          } else if (last instanceof TextNode) {
            TextNode text = (TextNode) last;
            String kept = text.getWholeText().stripTrailing();
            if (kept.isEmpty()) {
              text.remove();
            } else {
              text.text(kept);
              break;
            }
          } else {
            break;
          }
        }
        if (p.childNodeSize() == 0) {
          p.remove();
        }
      }
      paragraph = null;
      pendingNewlines = 0;
    }

    private void flush() {
      if (pendingNewlines >= 2) {
        close();
      } else if (pendingNewlines == 1 && paragraph != null && paragraph.childNodeSize() > 0) {
        paragraph.appendChild(new Element("br"));
      }
      pendingNewlines = 0;
    }

    private Element open() {
      if (paragraph == null) {
        paragraph = container.appendElement("p");
      }
      return paragraph;
    }
  }
}
