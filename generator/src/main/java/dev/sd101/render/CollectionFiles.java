package dev.sd101.render;

import dev.sd101.BuildException;
import dev.sd101.SiteConfig;
import dev.sd101.content.FrontMatter;
import dev.sd101.site.Catalog;
import dev.sd101.site.Page;
import dev.sd101.site.SiteModel;
import dev.sd101.web.UrlPaths;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The files collections add beside their pages: Atom feeds (RFC 4287) of the newest dated items, one for
 * the site ({@code feed.xml}) and one per term of a taxonomy with {@code feeds: true}
 * ({@code <term path>feed.xml}), and redirect pages for front matter {@code aliases}.
 *
 * <p>Deterministic: a feed's {@code <updated>} is its newest entry's date, never the build time.
 * With a {@code siteUrl}, ids and links are absolute URLs. Without one, links are relative (RFC 4287
 * resolves them against the feed's own URL, section 2, which works wherever the site is served), and ids,
 * which must be absolute IRIs, are name-based UUIDs ({@code urn:uuid:}) of the site title and the page
 * path: stable across builds and hosts, and unique, without pretending to know a domain ({@code tag:}
 * URIs would need one).
 */
final class CollectionFiles {
    /** Newest first; undated last; then by title. */
    static final Comparator<Catalog.Item> NEWEST = Comparator
            .comparing(Catalog.Item::date, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Catalog.Item::title, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(Catalog.Item::path);
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final SiteConfig config;
    private final SiteModel site;
    private final Catalog catalog;

    CollectionFiles(SiteConfig config, SiteModel site) {
        this.config = config;
        this.site = site;
        this.catalog = site.catalog();
    }

    /** The site feed's path, when there is one. */
    Optional<String> siteFeed() {
        return feedCollection().isPresent() && catalog.items().stream().anyMatch(i -> i.date() != null)
                ? Optional.of("feed.xml") : Optional.empty();
    }

    /** A term's feed path, when its taxonomy has feeds and it has dated items. */
    Optional<String> termFeed(Catalog.Term term) {
        boolean feeds = catalog.taxonomies().stream().anyMatch(t -> t.config().name().equals(term.taxonomy()) && t.config().feeds());
        boolean dated = term.items().stream().anyMatch(p -> catalog.item(p).map(i -> i.date() != null).orElse(false));
        return feeds && dated ? Optional.of(term.path() + "feed.xml") : Optional.empty();
    }

    private Optional<SiteConfig.Collection> feedCollection() {
        return config.collections().stream().filter(c -> c.feedEntries() > 0).findFirst();
    }

    /** Path relative to the site root → bytes. */
    Map<String, byte[]> files() {
        Map<String, byte[]> out = new TreeMap<>();
        int limit = feedCollection().map(SiteConfig.Collection::feedEntries).orElse(0);
        siteFeed().ifPresent(path -> out.put(path, feed(path, site.title(), "",
                catalog.items().stream().filter(i -> i.date() != null).sorted(NEWEST).limit(limit).toList())));
        for (Catalog.Taxonomy t : catalog.taxonomies()) {
            for (Catalog.Term term : t.terms()) {
                termFeed(term).ifPresent(path -> out.put(path, feed(path, term.title() + " · " + site.title(), term.path(),
                        term.items().stream().map(p -> catalog.item(p).orElseThrow()).filter(i -> i.date() != null)
                                .sorted(NEWEST).limit(Math.max(limit, 20)).toList())));
            }
        }
        for (Page p : site.pages()) {
            if (p.document() != null) {
                FrontMatter fm = p.document().source().frontMatter();
                for (String alias : fm.aliases()) {
                    String path = aliasPath(alias);
                    if (site.page(path).isPresent() || out.containsKey(path + "index.html")) {
                        throw BuildException.at(fm.file(), fm.lineOf("aliases"), "alias " + alias
                                + " is the path of another page or alias; remove it");
                    }
                    out.put(path + "index.html", redirect(path, p).getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    private static String aliasPath(String alias) {
        String p = alias.strip();
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (p.endsWith("index.html")) {
            p = p.substring(0, p.length() - "index.html".length());
        }
        return p.isEmpty() || p.endsWith("/") ? p : p + "/";
    }

    private String redirect(String aliasPath, Page to) {
        String target = UrlPaths.toRoot(aliasPath) + UrlPaths.encodePath(to.path());
        String href = xml(target.isEmpty() ? "./" : target);
        return "<!DOCTYPE html>\n<html lang=\"" + xml(config.language()) + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>" + xml(to.title()) + "</title>\n<meta http-equiv=\"refresh\" content=\"0; url=" + href + "\">\n"
                + "<link rel=\"canonical\" href=\"" + href + "\">\n<meta name=\"robots\" content=\"noindex\">\n</head>\n"
                + "<body><p><a href=\"" + href + "\">" + xml(to.title()) + "</a></p></body>\n</html>\n";
    }

    private byte[] feed(String feedPath, String title, String alternatePath, List<Catalog.Item> entries) {
        String up = UrlPaths.toRoot(feedPath);
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"").append(xml(config.language())).append("\">\n")
                .append("  <title>").append(xml(title)).append("</title>\n")
                .append("  <id>").append(xml(id(alternatePath.isEmpty() ? feedPath : alternatePath))).append("</id>\n")
                .append("  <link rel=\"self\" type=\"application/atom+xml\" href=\"").append(xml(href(up, feedPath))).append("\"/>\n")
                .append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(xml(href(up, alternatePath))).append("\"/>\n")
                .append("  <updated>").append(time(entries.isEmpty() ? null : entries.get(0).date())).append("</updated>\n")
                .append("  <author><name>").append(xml(site.title())).append("</name></author>\n")
                .append("  <generator>sd101</generator>\n");
        for (Catalog.Item i : entries) {
            x.append("  <entry>\n")
                    .append("    <title>").append(xml(i.title())).append("</title>\n")
                    .append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(xml(href(up, i.path()))).append("\"/>\n")
                    .append("    <id>").append(xml(id(i.path()))).append("</id>\n")
                    .append("    <published>").append(time(i.date())).append("</published>\n")
                    .append("    <updated>").append(time(i.date())).append("</updated>\n");
            if (i.description() != null && !i.description().isBlank()) {
                x.append("    <summary>").append(xml(i.description().strip())).append("</summary>\n");
            }
            for (Catalog.Taxonomy t : catalog.taxonomies()) {
                for (String termPath : i.terms().getOrDefault(t.config().name(), List.of())) {
                    Catalog.Term term = catalog.term(termPath).orElseThrow();
                    x.append("    <category term=\"").append(xml(term.slug())).append("\" label=\"").append(xml(term.title()))
                            .append("\" scheme=\"").append(xml(id(t.path()))).append("\"/>\n");
                }
            }
            x.append("  </entry>\n");
        }
        return x.append("</feed>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private String href(String up, String rootRelative) {
        String path = UrlPaths.encodePath(rootRelative);
        if (config.siteUrl() != null) {
            return config.siteUrl() + path;
        }
        String rel = up + path;
        return rel.isEmpty() ? "./" : rel;
    }

    private String id(String rootRelative) {
        if (config.siteUrl() != null) {
            return config.siteUrl() + UrlPaths.encodePath(rootRelative);
        }
        return "urn:uuid:" + UUID.nameUUIDFromBytes(("sd101:" + site.title() + ":" + rootRelative).getBytes(StandardCharsets.UTF_8));
    }

    private static String time(OffsetDateTime t) {
        return (t == null ? OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC) : t).format(RFC3339);
    }

    private static String xml(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&': b.append("&amp;"); break;
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '"': b.append("&quot;"); break;
                default:
                    // Control characters other than tab and line ends are not allowed in XML 1.0.
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        b.append(c);
                    }
            }
        }
        return b.toString();
    }
}
