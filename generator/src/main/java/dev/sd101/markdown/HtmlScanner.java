package dev.sd101.markdown;

import dev.sd101.content.Source;
import dev.sd101.html.TagScanner;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.util.List;
import java.util.Map;

/**
 * Finds links, images and explicit anchors in raw HTML (blocks and inline tags), with their place in the source.
 * An HTML tokenizer ({@link TagScanner}), not regular expressions: the README's HTML spans lines and quotes freely.
 * Start tags are read as a browser's tokenizer reads them, one HTML block at a time; a tag is not dropped for
 * being out of place in its block (a {@code <td>} whose table opened in an earlier block is still a cell on the page).
 */
final class HtmlScanner {

    void scan(String html, int offset, Source source, List<Link> links, Map<String, Integer> anchors) {
        if (html.indexOf('<') < 0) {
            return;
        }
        TagScanner.scan(html, tag -> {
            String name = tag.name();
            String id = tag.get("id");
            if (id != null && !id.isEmpty()) {
                anchors.putIfAbsent(id, source.line(offset + tag.start()));
            }
            boolean a = name.equals("a");
            String anchorName = a ? tag.get("name") : null;
            if (anchorName != null && !anchorName.isEmpty()) {
                anchors.putIfAbsent(anchorName, source.line(offset + tag.start()));
            }
            int href = a ? tag.indexOf("href") : -1;
            int src = !a && name.equals("img") ? tag.indexOf("src") : -1;
            if (href >= 0) {
                links.add(link(LinkKind.HTML_LINK, tag, href, html, offset, source));
            } else if (src >= 0) {
                links.add(link(LinkKind.HTML_IMAGE, tag, src, html, offset, source));
            }
        });
    }

    private static Link link(LinkKind kind, TagScanner.Tag tag, int attribute, String html, int offset, Source source) {
        String value = tag.attributeValue(attribute);
        int at = offset + tag.attributeStart(attribute);
        int vs = tag.valueStart(attribute);
        int ve = tag.valueEnd(attribute);
        int start = -1;
        int end = -1;
        // Only rewritable when the source holds the value verbatim (no entities to re-encode).
        if (vs >= 0 && html.regionMatches(vs, value, 0, value.length()) && ve - vs == value.length()) {
            start = offset + vs;
            end = offset + ve;
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
