package dev.sd101.markdown;

import dev.sd101.content.Source;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Range;
import org.jsoup.parser.Parser;

import java.util.List;
import java.util.Map;

/**
 * Finds links, images and explicit anchors in raw HTML (blocks and inline tags), with their place in
 * the source. Jsoup, not regular expressions: the README's HTML spans lines and quotes freely.
 */
final class HtmlScanner {

    void scan(String html, int offset, Source source, List<Link> links, Map<String, Integer> anchors) {
        if (html.indexOf('<') < 0) {
            return;
        }
        Parser parser = Parser.htmlParser().setTrackPosition(true);
        org.jsoup.nodes.Document doc = Jsoup.parse(html, "", parser);
        for (Element el : doc.getAllElements()) {
            String tag = el.normalName();
            if (el.hasAttr("id") && !el.attr("id").isEmpty()) {
                anchors.putIfAbsent(el.attr("id"), lineOf(el, offset, source));
            }
            if (tag.equals("a") && el.hasAttr("name") && !el.attr("name").isEmpty()) {
                anchors.putIfAbsent(el.attr("name"), lineOf(el, offset, source));
            }
            if (tag.equals("a") && el.hasAttr("href")) {
                links.add(link(LinkKind.HTML_LINK, el, "href", html, offset, source));
            } else if (tag.equals("img") && el.hasAttr("src")) {
                links.add(link(LinkKind.HTML_IMAGE, el, "src", html, offset, source));
            }
        }
    }

    private static int lineOf(Element el, int offset, Source source) {
        return source.line(offset + Math.max(0, el.sourceRange().startPos()));
    }

    private static Link link(LinkKind kind, Element el, String attr, String html, int offset, Source source) {
        Attribute a = el.attribute(attr);
        String value = el.attr(attr);
        int at = offset + Math.max(0, el.sourceRange().startPos());
        int start = -1;
        int end = -1;
        if (a != null) {
            Range.AttributeRange range = a.sourceRange();
            if (range != null && range.valueRange().isTracked()) {
                int vs = range.valueRange().startPos();
                int ve = range.valueRange().endPos();
                // Only rewritable when the source holds the value verbatim (no entities to re-encode).
                if (vs >= 0 && ve <= html.length() && ve >= vs && html.substring(vs, ve).equals(value)) {
                    start = offset + vs;
                    end = offset + ve;
                }
                if (range.nameRange().isTracked()) {
                    at = offset + range.nameRange().startPos();
                }
            }
        }
        return new Link(kind, value, source.line(at), source.column(at), start, end);
    }

    /** The text of the first element of a rendered heading, entities decoded, without script or style content. */
    static String headingText(String html) {
        Element body = Jsoup.parseBodyFragment(html).body();
        body.select("script, style").remove();
        Element first = body.firstElementChild();
        return first == null ? body.wholeText().strip() : first.wholeText();
    }

    /** The text content of an HTML fragment, entities decoded, white space as written. */
    static String textOf(String html) {
        return Jsoup.parseBodyFragment(html).body().wholeText();
    }
}
