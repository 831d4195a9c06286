package dev.masthead.comments;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * Well-known XSS evasion vectors (our own copies of the classic filter-evasion families: script tags, event
 * handlers, javascript:/data:/vbscript: URLs with entity, whitespace and case tricks, SVG/MathML, mutation
 * XSS, raw-text elements, CSS, meta refresh), and the inertness check applied to every sanitized output.
 */
final class XssVectors {
  private XssVectors() {}

  static final List<String> VECTORS = List.of(
      "<script>alert('XSS')</script>",
      "<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>",
      "<IMG SRC=\"javascript:alert('XSS');\">",
      "<IMG SRC=JaVaScRiPt:alert('XSS')>",
      "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
      "<img src=x onerror=alert(1)>",
      "<a href=\"javascript:alert(1)\">click</a>",
      "<a href=\"JaVaScRiPt:alert(1)\">click</a>",
      "<a href=\"  javascript:alert(1)\">click</a>",
      "<a href=\"jav&#x09;ascript:alert(1)\">tab</a>",
      "<a href=\"jav&#x0A;ascript:alert(1)\">newline</a>",
      "<a href=\"jav&#x0D;ascript:alert(1)\">cr</a>",
      "<a href=\"javas&Tab;cript:alert(1)\">named tab</a>",
      "<a href=\"java\u0000script:alert(1)\">nul</a>",
      "<a href=\" &#14;  javascript:alert(1)\">ctl</a>",
      "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">decimal</a>",
      "<a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116"
          + "&#0000058alert(1)\">padded</a>",
      "<a href=\"&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)\">hex</a>",
      "<a href=\"\u202Ejavascript:alert(1)\">bidi</a>",
      "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">data</a>",
      "<a href=\"vbscript:msgbox(1)\">vb</a>",
      "<a href=\"https://ok.example/\" onclick=\"alert(1)\" style=\"position:fixed\">ok</a>",
      "<a href=https://ok.example/ onmouseover=alert(1)>unquoted</a>",
      "<a href=\"https://ok.example/\" title=\"&quot; onmouseover=&quot;alert(1)\">quote</a>",
      "<a href=\"https://ok.example/\" rel=\"opener\" target=\"_blank\">rel</a>",
      "<b onmouseover=alert(1)>hover</b>",
      "<abbr title=\"x\" onfocus=alert(1) autofocus tabindex=1>focus</abbr>",
      "<blockquote cite=\"javascript:alert(1)\">quote</blockquote>",
      "<q cite=\"javascript:alert(1)\">q</q>",
      "<del datetime=\"x\" onclick=\"alert(1)\">d</del>",
      "<BODY ONLOAD=alert('XSS')>",
      "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>",
      "<<SCRIPT>alert(\"XSS\");//<</SCRIPT>",
      "<SCRIPT SRC=https://xss.example/xss.js?< B >",
      "<SCRIPT/XSS SRC=\"https://xss.example/xss.js\"></SCRIPT>",
      "<iframe src=https://xss.example/scriptlet.html <",
      "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
      "</TITLE><SCRIPT>alert(\"XSS\");</SCRIPT>",
      "\"><script>alert(1)</script>",
      "'><script>alert(1)</script>",
      "<INPUT TYPE=\"IMAGE\" SRC=\"javascript:alert('XSS');\">",
      "<svg/onload=alert(1)>",
      "<svg><script>alert(1)</script></svg>",
      "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">x</text></a></svg>",
      "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
      "<math href=\"javascript:alert(1)\">m</math>",
      "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
      "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
      "<template><script>alert(1)</script></template>",
      "<xmp><script>alert(1)</script></xmp>",
      "<textarea><script>alert(1)</script></textarea>",
      "<title><script>alert(1)</script></title>",
      "<plaintext><script>alert(1)</script>",
      "<STYLE>@import'https://xss.example/xss.css';</STYLE>",
      "<STYLE>BODY{-moz-binding:url(\"https://xss.example/xssmoz.xml#xss\")}</STYLE>",
      "<div style=\"background-image: url(javascript:alert(1))\">css</div>",
      "<DIV STYLE=\"width: expression(alert('XSS'));\">ie</DIV>",
      "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
      "<LINK REL=\"stylesheet\" HREF=\"javascript:alert('XSS');\">",
      "<BASE HREF=\"javascript:alert('XSS');//\">",
      "<OBJECT TYPE=\"text/x-scriptlet\" DATA=\"https://xss.example/scriptlet.html\"></OBJECT>",
      "<EMBED SRC=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\" type=\"image/svg+xml\">",
      "<form action=\"javascript:alert(1)\"><button>go</button></form>",
      "<button formaction=\"javascript:alert(1)\">go</button>",
      "<details open ontoggle=alert(1)>",
      "<video><source onerror=\"alert(1)\">",
      "<marquee onstart=alert(1)>m</marquee>",
      "<a href=\"https://ok.example/\"><img src=\"https://ok.example/i.png\" onload=alert(1)></a>",
      "<a href=\"/relative\">relative</a>",
      "<a href=\"//evil.example/\">protocol-relative</a>",
      "<isindex action=javascript:alert(1) type=image>",
      "<x onclick=alert(1)>custom</x>",
      "<a href=\"http://ok.example/\">ok</a><a href=\"&#1;javascript:alert(1)\">ctl</a>",
      "&lt;script&gt;alert(1)&lt;/script&gt;",
      "<scr<script>ipt>alert(1)</scr</script>ipt>",
      "<a\u0000href=\"javascript:alert(1)\">nul</a>",
      "<a href=\"javascript&colon;alert(1)\">colon entity</a>");

  /** The tags a sanitized comment may contain under the default policy: the allowed set plus p and br. */
  static final Set<String> DEFAULT_OUTPUT_TAGS = Set.of(
      "a", "abbr", "b", "blockquote", "cite", "code", "del", "em", "i", "q", "s", "strike", "strong", "p", "br");

  private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "cite", "action", "formaction",
      "data", "xlink:href", "background", "poster");

  /**
   * Returns the first reason the HTML is not inert (executable tag, event handler, style, script URL), or
   * null. The HTML is parsed with jsoup, as a browser would parse it when the host inserts it into a page.
   */
  static String whyNotInert(String html, Set<String> allowedTags) {
    Element body = Jsoup.parseBodyFragment(html).body();
    for (Element element : body.getAllElements()) {
      if (element == body) {
        continue;
      }
      String tag = element.normalName();
      if (!allowedTags.contains(tag)) {
        return "tag <" + tag + ">";
      }
      for (Attribute attribute : element.attributes()) {
        String name = attribute.getKey().toLowerCase(Locale.ROOT);
        String value = attribute.getValue();
        if (name.startsWith("on")) {
          return "event handler " + name + " on <" + tag + ">";
        }
        if (name.equals("style") || name.equals("srcdoc")) {
          return "attribute " + name + " on <" + tag + ">";
        }
        String compact = value.replaceAll("[\\x00-\\x20\\u007F-\\u00A0\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF]", "")
            .toLowerCase(Locale.ROOT);
        if (compact.contains("javascript:") || compact.contains("vbscript:") || compact.contains("data:")) {
          return "script URL in " + name + " on <" + tag + ">";
        }
        if (URL_ATTRIBUTES.contains(name)
            && !(compact.startsWith("http:") || compact.startsWith("https:") || compact.startsWith("mailto:"))) {
          return "non-web URL " + value + " in " + name + " on <" + tag + ">";
        }
      }
      if (tag.equals("a") && element.hasAttr("href") && !element.attr("rel").equals("nofollow ugc noopener")) {
        return "link without rel=\"nofollow ugc noopener\"";
      }
    }
    return null;
  }
}
