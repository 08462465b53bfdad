package dev.sd101.link;

import dev.sd101.BuildException;
import dev.sd101.markdown.Document;
import dev.sd101.markdown.Link;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the generated site before it is written, as a browser would follow it: every internal
 * {@code href}/{@code src} of every page resolves to a file of the site (a folder URL to its
 * {@code index.html}), and every fragment to an element id (or {@code <a name>}) of the target page,
 * matched byte for byte as written or after percent-decoding, as the HTML standard's "indicated part"
 * algorithm does. A failure is a generator bug, so it throws instead of reporting a content problem.
 *
 * <p>Links that are broken because the content is (already reported by {@code check} and by
 * {@code generate} as problems) are excused: {@link #forContent} lists them. {@code 404.html} is parsed
 * for its ids but its links are not followed: GitHub Pages serves it at any missing path and it sets its
 * {@code <base>} at run time.
 *
 * <p>Each page is parsed once, in parallel; only its ids and links are kept.
 */
public final class SiteVerifier {
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final String NOT_FOUND_PAGE = "404.html";
    private static final int SHOWN = 20;
    /** Starts a resolution that failed; no site path starts with a NUL. */
    private static final String FAILED = "\u0000";

    private final Set<String> brokenInContent;
    private final Set<String> brokenFragmentsInContent;

    /**
     * @param brokenInContent          destinations as written in the sources that are known broken
     * @param brokenFragmentsInContent decoded fragments that match no id in the sources
     */
    public SiteVerifier(Set<String> brokenInContent, Set<String> brokenFragmentsInContent) {
        this.brokenInContent = Set.copyOf(brokenInContent);
        this.brokenFragmentsInContent = Set.copyOf(brokenFragmentsInContent);
    }

    /** A verifier that excuses exactly the links the content itself gets wrong (as the link stage resolves them). */
    public static SiteVerifier forContent(LinkResolver resolver, Collection<Document> documents) {
        Set<String> hrefs = new HashSet<>();
        Set<String> fragments = new HashSet<>();
        for (Document d : documents) {
            for (Link link : d.links()) {
                Target t = resolver.resolve(d, link.target(), link.kind().isImage());
                if (t instanceof Target.Anchor a && a.match() == Target.Match.NO_MATCH) {
                    fragments.add(a.fragment());
                } else if (t instanceof Target.Missing || t instanceof Target.Unpublished || t instanceof Target.Undecodable) {
                    hrefs.add(link.target().strip());
                }
            }
        }
        return new SiteVerifier(hrefs, fragments);
    }

    /** A link to a fragment of another page, checked once every page's ids are known. */
    private record Pending(String target, String fragment, String failure) {
    }

    /** What one page leaves after its scan: its ids, its failures so far, its links into other pages' fragments. */
    private record Scanned(String path, Set<String> ids, List<String> failures, List<Pending> pending) {
    }

    /**
     * Verifies the site.
     *
     * @param files  the generated files, path relative to the site root → bytes
     * @param copies paths of the files copied into the site as they are (images, attachments)
     * @throws BuildException naming each page and link that does not land
     */
    public void verify(Map<String, byte[]> files, Collection<String> copies) {
        Set<String> all = new HashSet<>(files.keySet());
        all.addAll(copies);
        // Many pages share most links (navigation, assets): each (folder, path) is resolved once.
        Map<String, String> resolved = new ConcurrentHashMap<>();
        // Phase 1, one parse per page in parallel: files, and fragments of the page itself. Only what
        // phase 2 needs is kept, so memory stays small on large sites.
        List<Scanned> pages = files.entrySet().parallelStream()
                .filter(e -> e.getKey().endsWith(".html"))
                .map(e -> scan(e.getKey(), e.getValue(), all, resolved))
                .toList();
        Map<String, Set<String>> ids = new HashMap<>();
        for (Scanned s : pages) {
            ids.put(s.path(), s.ids());
        }
        // Phase 2: fragments of other pages.
        List<String> failures = new ArrayList<>();
        for (Scanned page : pages) {
            failures.addAll(page.failures());
            for (Pending p : page.pending()) {
                Set<String> targetIds = ids.get(p.target());
                if (targetIds != null && !lands(p.fragment(), targetIds)) {
                    failures.add(p.failure() + "no element with id \"" + shown(p.fragment()) + "\" in " + p.target());
                }
            }
        }
        if (!failures.isEmpty()) {
            failures.sort(null);
            StringBuilder m = new StringBuilder(failures.get(0))
                    .append(" (a generator bug: the generated site has ").append(failures.size())
                    .append(" broken internal link(s); nothing was written)");
            for (String f : failures.subList(1, Math.min(failures.size(), SHOWN))) {
                m.append("\n  ").append(f);
            }
            if (failures.size() > SHOWN) {
                m.append("\n  … and ").append(failures.size() - SHOWN).append(" more");
            }
            throw new BuildException(m.toString());
        }
    }

    private Scanned scan(String path, byte[] html, Set<String> files, Map<String, String> resolved) {
        org.jsoup.nodes.Document doc = Jsoup.parse(new String(html, StandardCharsets.UTF_8));
        Set<String> ids = new HashSet<>();
        List<String[]> links = new ArrayList<>();
        for (Element el : doc.getAllElements()) {
            if (el.hasAttr("id")) {
                ids.add(el.attr("id"));
            }
            String tag = el.normalName();
            if (tag.equals("a") && el.hasAttr("name")) {
                ids.add(el.attr("name"));
            }
            if ((tag.equals("a") || tag.equals("area") || tag.equals("link")) && el.hasAttr("href")) {
                links.add(new String[]{tag, "href", el.attr("href")});
            }
            if (el.hasAttr("src") && !tag.equals("template")) {
                links.add(new String[]{tag, "src", el.attr("src")});
            }
            if (el.hasAttr("srcset")) {
                for (String candidate : el.attr("srcset").split(",")) {
                    String url = candidate.strip().split("\\s+")[0];
                    if (!url.isEmpty()) {
                        links.add(new String[]{tag, "srcset", url});
                    }
                }
            }
        }
        List<String> failures = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        if (path.equals(NOT_FOUND_PAGE)) {
            return new Scanned(path, ids, failures, pending);
        }
        for (String[] link : links) {
            String href = link[2].strip();
            if (href.isEmpty() || SCHEME.matcher(href).find() || href.startsWith("//") || brokenInContent.contains(href)) {
                continue;
            }
            String failure = path + ": " + link[0] + " " + link[1] + "=\"" + link[2] + "\": ";
            int hash = href.indexOf('#');
            String pathPart = hash < 0 ? href : href.substring(0, hash);
            String fragment = hash < 0 ? "" : href.substring(hash + 1);
            int query = pathPart.indexOf('?');
            if (query >= 0) {
                pathPart = pathPart.substring(0, query);
            }
            String target = path;
            if (!pathPart.isEmpty()) {
                target = resolved.computeIfAbsent(cacheKey(path, pathPart), k -> resolve(k, files));
                if (target.startsWith(FAILED)) {
                    failures.add(failure + target.substring(FAILED.length()));
                    continue;
                }
            }
            if (fragment.isEmpty() || fragment.equalsIgnoreCase("top")) {
                continue; // the top of the page
            }
            if (target.equals(path)) {
                if (!lands(fragment, ids)) {
                    failures.add(failure + "no element with id \"" + shown(fragment) + "\" in " + target);
                }
            } else if (target.endsWith(".html")) {
                pending.add(new Pending(target, fragment, failure));
            }
        }
        return new Scanned(path, ids, failures, pending);
    }

    /** Whether a fragment finds an element: as written, else percent-decoded (the HTML standard's order), else excused. */
    private boolean lands(String fragment, Set<String> ids) {
        if (ids.contains(fragment)) {
            return true;
        }
        String decoded = LinkResolver.percentDecode(fragment).orElse(null);
        return decoded != null && (ids.contains(decoded) || brokenFragmentsInContent.contains(decoded));
    }

    private static String shown(String fragment) {
        return LinkResolver.percentDecode(fragment).orElse(fragment);
    }

    /**
     * A key under which a relative path resolves the same from every page: its leading {@code ../} are
     * applied to the page's folder first, so {@code ../assets/site.css} from every article folder is one key.
     */
    private static String cacheKey(String page, String pathPart) {
        if (pathPart.startsWith("/")) {
            return pathPart;
        }
        String folder = page.substring(0, page.lastIndexOf('/') + 1);
        String rest = pathPart;
        while (rest.startsWith("../") || rest.equals("..")) {
            if (folder.isEmpty()) {
                return page + '\u0000' + pathPart; // climbs above the root: resolve() says so
            }
            folder = folder.substring(0, folder.lastIndexOf('/', folder.length() - 2) + 1);
            rest = rest.length() <= 3 ? "" : rest.substring(3);
        }
        return "/" + folder + rest;
    }

    /** The site file a cache key leads to, or {@link #FAILED} and why not. */
    private static String resolve(String key, Set<String> files) {
        int nul = key.indexOf('\u0000');
        String from = nul < 0 ? "index.html" : key.substring(0, nul);
        String rel = nul < 0 ? key : key.substring(nul + 1);
        String decoded = LinkResolver.percentDecode(rel).orElse(null);
        if (decoded == null) {
            return FAILED + "the %-escapes of the path do not decode to UTF-8";
        }
        String target = join(from, decoded);
        if (target == null) {
            return FAILED + "leads outside the site";
        }
        if (target.isEmpty() || target.endsWith("/")) {
            target += "index.html";
        } else if (!files.contains(target) && files.contains(target + "/index.html")) {
            target += "/index.html";
        }
        return files.contains(target) ? target : FAILED + "no such file " + target + " in the site";
    }

    /** The site path of {@code relative} as seen from {@code page}, or {@code null} when it climbs above the root. */
    static String join(String page, String relative) {
        Deque<String> parts = new ArrayDeque<>();
        if (!relative.startsWith("/")) {
            String[] base = page.split("/", -1);
            for (int i = 0; i < base.length - 1; i++) {
                parts.addLast(base[i]);
            }
        }
        String[] rel = relative.split("/", -1);
        for (int i = 0; i < rel.length; i++) {
            String seg = rel[i];
            boolean last = i == rel.length - 1;
            if (seg.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
                if (last) {
                    parts.addLast("");
                }
            } else if (seg.equals(".")) {
                if (last) {
                    parts.addLast("");
                }
            } else if (!seg.isEmpty() || last) {
                parts.addLast(seg);
            }
        }
        String joined = String.join("/", parts);
        return joined.startsWith("/") ? joined.substring(1) : joined;
    }
}
