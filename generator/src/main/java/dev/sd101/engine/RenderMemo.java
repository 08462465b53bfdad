package dev.sd101.engine;

import dev.sd101.SiteConfig;
import dev.sd101.content.FrontMatter;
import dev.sd101.link.LinkResolver;
import dev.sd101.link.SiteVerifier;
import dev.sd101.link.Target;
import dev.sd101.markdown.Document;
import dev.sd101.markdown.Heading;
import dev.sd101.markdown.Link;
import dev.sd101.markdown.MarkdownParser;
import dev.sd101.render.RenderedBody;
import dev.sd101.site.Page;
import dev.sd101.site.SiteModel;
import dev.sd101.template.ThemeRenderer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the previous in-memory build rendered, reused by the next build of the same engine ({@code serve}) where
 * the inputs are provably the same, so that a one-line edit re-renders one page, not all of them. Every reuse is
 * decided on values, never on timestamps of the edit:
 * <ul>
 *   <li>a page's body is reused when its own Markdown rendered to the same HTML, its path, title and front matter
 *   are the same, and every link of the site resolves exactly as before ({@link #linkState}: the anchor index,
 *   which pages hold which ids, each link's target, and the size and time of each local file a link reaches);</li>
 *   <li>a page's HTML is reused when its template model is equal (records, lists and strings compare by value)
 *   and the compiled theme is the same object;</li>
 *   <li>a page's scan for the site check is reused when the page's bytes are the very array reused above.</li>
 * </ul>
 * Anything else (another config, a changed theme, a heading edit, an image added) renders again. Only the latest
 * build's results are kept; concurrent builds each read the last complete one.
 */
final class RenderMemo {
    private volatile Snapshot last;

    /** One build's results: the inputs they were made from, and the outputs by page. */
    private record Snapshot(SiteConfig config, String linkState, ThemeRenderer theme, Map<String, BodyEntry> bodies,
                            Map<String, PageEntry> pages, SiteVerifier.Scan scan) {
    }

    private record BodyKey(String title, String root, String raw, FrontMatter frontMatter) {
    }

    private record BodyEntry(BodyKey key, RenderedBody body) {
    }

    private record PageEntry(String template, Map<String, Object> model, byte[] html) {
    }

    /** Starts a build: reuse is possible only from a previous build of the same config, theme and links. */
    Session begin(SiteConfig config, SiteModel site, LinkResolver resolver, MarkdownParser parser, ThemeRenderer theme) {
        String links = linkState(site, resolver);
        Snapshot prev = last;
        boolean bodiesValid = prev != null && prev.config().equals(config) && prev.linkState().equals(links);
        boolean pagesValid = prev != null && prev.config().equals(config) && prev.theme() == theme;
        return new Session(true, config, links, theme, parser, bodiesValid ? prev.bodies() : Map.of(),
                pagesValid ? prev.pages() : Map.of(), prev == null ? null : prev.scan());
    }

    /**
     * A session that renders everything and keeps nothing ({@code generate}): a streamed build must not hold its
     * pages, and no later build of a one-shot run would reuse them.
     */
    Session none() {
        return new Session(false, null, null, null, null, Map.of(), Map.of(), null);
    }

    /** The reuse decisions and results of one build; thread-safe, as pages render in parallel. */
    final class Session {
        private final boolean keeps;
        private final SiteConfig config;
        private final String linkState;
        private final ThemeRenderer theme;
        private final MarkdownParser parser;
        private final Map<String, BodyEntry> oldBodies;
        private final Map<String, PageEntry> oldPages;
        private final SiteVerifier.Scan oldScan;
        private final Map<String, BodyEntry> bodies = new ConcurrentHashMap<>();
        private final Map<String, PageEntry> pages = new ConcurrentHashMap<>();
        /** Page bytes this build reused unchanged, by path: their old scan stands. */
        private final Map<String, byte[]> reused = new ConcurrentHashMap<>();

        private Session(boolean keeps, SiteConfig config, String linkState, ThemeRenderer theme, MarkdownParser parser,
                        Map<String, BodyEntry> oldBodies, Map<String, PageEntry> oldPages, SiteVerifier.Scan oldScan) {
            this.keeps = keeps;
            this.config = config;
            this.linkState = linkState;
            this.theme = theme;
            this.parser = parser;
            this.oldBodies = oldBodies;
            this.oldPages = oldPages;
            this.oldScan = oldScan;
        }

        /** The page's body: the previous one when its inputs are the same, else {@code render}'s. */
        RenderedBody body(Page page, Supplier<RenderedBody> render) {
            if (!keeps || page.document() == null) {
                return render.get();
            }
            BodyKey key = new BodyKey(page.title(), page.root(), parser.render(page.document(), page.fromBlock(), page.toBlock()),
                    page.document().source().frontMatter());
            BodyEntry old = oldBodies.get(page.path());
            RenderedBody body = old != null && old.key().equals(key) ? old.body() : render.get();
            bodies.put(page.path(), new BodyEntry(key, body));
            return body;
        }

        /** The page's HTML: the previous bytes when the template and its model are equal, else {@code render}'s. */
        byte[] page(String file, String template, Map<String, Object> model, Supplier<byte[]> render) {
            if (!keeps) {
                return render.get();
            }
            PageEntry old = oldPages.get(file);
            byte[] html;
            if (old != null && old.template().equals(template) && old.model().equals(model)) {
                html = old.html();
                reused.put(file, html);
            } else {
                html = render.get();
            }
            pages.put(file, new PageEntry(template, model, html));
            return html;
        }

        /** Whether the previous build's scan of this page stands: its very bytes were reused ({@link #scanReused}). */
        boolean scanStands(String file, byte[] bytes) {
            return oldScan != null && reused.get(file) == bytes;
        }

        /**
         * Adds the previous scans of the pages whose bytes were reused; call once every page's body has excused its
         * links, as a reused summary stands only if the same links are excused.
         */
        void scanReused(SiteVerifier.Scan scan) {
            if (oldScan != null) {
                reused.forEach((path, bytes) -> scan.addUnchanged(path, bytes, oldScan));
            }
        }

        /** Keeps this build's results for the next; call once the build succeeded. */
        void commit(SiteVerifier.Scan scan) {
            if (!keeps) {
                return;
            }
            last = new Snapshot(config, linkState, theme, Map.copyOf(bodies), Map.copyOf(pages), scan);
        }
    }

    /**
     * Everything about the site that a body's link and image rewriting reads, as one string: each page's path,
     * document and heading ids (which page now holds which anchor), each document's ids, and the target of every
     * link the sources contain (for a local file also its size and modification time, which give an image its
     * dimensions). Equal strings mean every rewrite decision of every unchanged body would be the same.
     */
    static String linkState(SiteModel site, LinkResolver resolver) {
        StringBuilder s = new StringBuilder(8192);
        for (Page p : site.pages()) {
            s.append("P ").append(p.path()).append(' ')
                    .append(p.document() == null ? "" : p.document().source().path()).append(' ');
            for (Heading h : p.headings()) {
                s.append(h.id()).append(' ');
            }
            s.append('\n');
        }
        for (Document d : site.documents().values()) {
            s.append("D ").append(d.source().path()).append(' ');
            d.headings().forEach(h -> s.append(h.id()).append(' '));
            d.htmlAnchors().keySet().stream().sorted().forEach(a -> s.append(a).append(' '));
            s.append('\n');
            for (Link link : d.links()) {
                s.append("L ").append(link.kind()).append(' ').append(link.target()).append(" → ");
                target(s, resolver.resolve(d, link.target(), link.kind().isImage()));
                s.append('\n');
            }
        }
        return s.toString();
    }

    private static void target(StringBuilder s, Target t) {
        if (t instanceof Target.Anchor a) {
            // The document itself is a new object after each parse; what it names is its path.
            s.append("Anchor ").append(a.document().source().path()).append(' ').append(a.fragment()).append(' ')
                    .append(a.id()).append(' ').append(a.match());
        } else if (t instanceof Target.Asset a) {
            s.append("Asset ").append(a.path()).append(' ').append(stamp(a.file()));
        } else if (t instanceof Target.Unpublished u) {
            s.append("Unpublished ").append(u.path()).append(' ').append(stamp(u.file()));
        } else {
            s.append(Objects.toString(t));
        }
    }

    private static String stamp(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.size() + "@" + a.lastModifiedTime().toMillis();
        } catch (IOException e) {
            return "unreadable";
        }
    }
}
