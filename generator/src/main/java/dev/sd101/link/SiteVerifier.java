package dev.sd101.link;

import dev.sd101.BuildException;
import dev.sd101.html.TagScanner;
import dev.sd101.markdown.Document;
import dev.sd101.markdown.Link;
import dev.sd101.web.UrlPaths;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
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
 * <p>Each page is scanned once ({@link TagScanner}: its start tags, no tree), in parallel; only its ids and links
 * are kept. A streamed build scans each page as it writes it ({@link #scan()}) and checks the whole site at the
 * end, before anything is swapped in.
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
        this.brokenInContent = ConcurrentHashMap.newKeySet();
        this.brokenInContent.addAll(brokenInContent);
        this.brokenFragmentsInContent = Set.copyOf(brokenFragmentsInContent);
    }

    /** A verifier that excuses exactly the links the content itself gets wrong (as the link stage resolves them). */
    public static SiteVerifier forContent(LinkResolver resolver, Collection<Document> documents) {
        Set<String> hrefs = new HashSet<>();
        Set<String> fragments = new HashSet<>();
        for (Document d : documents) {
            for (Link link : d.links()) {
                excuse(link, resolver.resolve(d, link.target(), link.kind().isImage()), hrefs, fragments);
            }
        }
        return new SiteVerifier(hrefs, fragments);
    }

    /** Adds what the site check excuses for one content link that leads to {@code t}: nothing when it lands. */
    static void excuse(Link link, Target t, Set<String> hrefs, Set<String> fragments) {
        if (t instanceof Target.Anchor a && a.match() == Target.Match.NO_MATCH) {
            fragments.add(a.fragment());
        } else if (t instanceof Target.Missing || t instanceof Target.Unpublished || t instanceof Target.Undecodable) {
            // As written and as the page may spell it (percent-encoded like GitHub's renderer), both decoded.
            String target = link.target().strip();
            hrefs.add(target);
            hrefs.add(UrlPaths.percentDecode(target).orElse(target));
        }
    }

    /**
     * Excuses more links the content gets wrong, as a page's body holds them (its renderer resolved each): to be
     * called before that page is scanned. Safe to call concurrently.
     */
    public void excuse(Collection<String> hrefs) {
        for (String h : hrefs) {
            brokenInContent.add(h.strip());
        }
    }

    /** A verifier of a site made of several sites' pages (language editions): it excuses what either excuses. */
    public SiteVerifier and(SiteVerifier other) {
        Set<String> hrefs = new HashSet<>(brokenInContent);
        hrefs.addAll(other.brokenInContent);
        Set<String> fragments = new HashSet<>(brokenFragmentsInContent);
        fragments.addAll(other.brokenFragmentsInContent);
        return new SiteVerifier(hrefs, fragments);
    }

    /** A link to a fragment of another page, checked once every page's ids are known. */
    private record Pending(String target, String fragment, String failure) {
    }

    /** What one page leaves after its scan: its ids, its failures so far, its links into other pages' fragments. */
    private record Checked(String path, List<String> failures, List<Pending> pending) {
    }

    /** A page's check in one verify: {@code stands}, taken over from the previous verify of the same page. */
    private record Outcome(Checked checked, boolean stands) {
    }

    /**
     * What the check needs of one page: its element ids (sorted) and its internal links as {tag, attribute,
     * value} triples, every string shared with the other pages' (navigation repeats the same links).
     */
    private record Summary(String path, String[] ids, String[] links) {
    }

    /**
     * The pages of a site scanned one at a time, as a streamed build writes them, for {@link #verify(Scan, Set)}
     * once every file is known. Only each page's ids and internal links are kept, so a large site's HTML need not
     * be held. {@link #add} may be called concurrently; adding a path again replaces its page.
     */
    public final class Scan {
        private final Map<String, Summary> pages = new ConcurrentHashMap<>();
        private final Map<String, String> shared = new ConcurrentHashMap<>();
        /** The scan pages were {@linkplain #addUnchanged taken over} from, whose checks may then stand too. */
        private volatile Scan previous;
        /** What {@link #verify} found per page, and the files it checked them against. */
        private volatile Map<String, Checked> checked = Map.of();
        private volatile Set<String> checkedFiles = Set.of();

        private Scan() {
        }

        /** Scans one file of the site (path relative to the site root); files other than {@code .html} are ignored. */
        public void add(String path, byte[] content) {
            if (path.endsWith(".html")) {
                pages.put(path, summarize(path, new String(content, StandardCharsets.UTF_8)));
            }
        }

        /** As {@link #add(String, byte[])}, for a page whose text is at hand (no UTF-8 decoding again). */
        public void add(String path, String html) {
            if (path.endsWith(".html")) {
                pages.put(path, summarize(path, html));
            }
        }

        /**
         * Adds a page whose bytes are exactly those {@code previous} scanned under the same path (a rebuild that
         * reused the page): its summary is taken over without parsing, unless the two scans' verifiers excuse
         * different content links, which changes what a summary keeps.
         */
        public void addUnchanged(String path, byte[] content, Scan previous) {
            addUnchanged(path, () -> content, previous);
        }

        /** As {@link #addUnchanged(String, byte[], Scan)}, the bytes read only if the summary cannot be taken over. */
        public void addUnchanged(String path, java.util.function.Supplier<byte[]> content, Scan previous) {
            Summary old = previous.pages.get(path);
            if (old != null && sameExcuses(previous)) {
                pages.put(path, old);
                this.previous = previous;
            } else {
                add(path, content.get());
            }
        }

        private SiteVerifier owner() {
            return SiteVerifier.this;
        }

        /** {@code previous} and the size of this verifier's excuses when they were last found equal to its own. */
        private volatile Object[] sameAs = {null, -1};

        /**
         * Whether {@code previous}'s verifier excuses the same content links as this one: compared once per size of
         * this one's (excuses are only ever added), not once per page taken over.
         */
        private boolean sameExcuses(Scan previous) {
            Object[] known = sameAs;
            int size = brokenInContent.size();
            if (known[0] == previous && (int) known[1] == size) {
                return true;
            }
            boolean same = previous.owner().brokenInContent.equals(brokenInContent);
            if (same && brokenInContent.size() == size) {
                sameAs = new Object[]{previous, size};
            }
            return same;
        }

        private Summary summarize(String path, String html) {
            Set<String> ids = new HashSet<>();
            List<String> links = new ArrayList<>();
            boolean follow = !path.equals(NOT_FOUND_PAGE);
            TagScanner.scan(html, t -> {
                String tag = t.name();
                String id = t.get("id");
                if (id != null) {
                    ids.add(id);
                }
                String name = tag.equals("a") ? t.get("name") : null;
                if (name != null) {
                    ids.add(name);
                }
                if (!follow) {
                    return;
                }
                String href = t.get("href");
                if (href != null && (tag.equals("a") || tag.equals("area") || tag.equals("link"))) {
                    link(links, tag, "href", href);
                }
                String src = t.get("src");
                if (src != null && !tag.equals("template")) {
                    link(links, tag, "src", src);
                }
                String srcset = t.get("srcset");
                if (srcset != null) {
                    for (String candidate : srcset.split(",")) {
                        String url = candidate.strip().split("\\s+")[0];
                        if (!url.isEmpty()) {
                            link(links, tag, "srcset", url);
                        }
                    }
                }
            });
            String[] sorted = ids.stream().map(this::share).sorted().toArray(String[]::new);
            return new Summary(path, sorted, links.toArray(String[]::new));
        }

        /** Keeps a link unless it is external or excused: only those are checked. */
        private void link(List<String> links, String tag, String attr, String value) {
            String href = value.strip();
            if (href.isEmpty() || hasScheme(href) || href.startsWith("//") || brokenInContent.contains(href)
                    || brokenInContent.contains(UrlPaths.percentDecode(href).orElse(href))) {
                return;
            }
            links.add(name(tag));
            links.add(name(attr));
            links.add(share(value));
        }

        /** A tag or attribute name: the few that carry links are constants, not looked up for each of millions. */
        private String name(String s) {
            return switch (s) {
                case "a" -> "a";
                case "img" -> "img";
                case "link" -> "link";
                case "script" -> "script";
                case "source" -> "source";
                case "href" -> "href";
                case "src" -> "src";
                case "srcset" -> "srcset";
                default -> share(s);
            };
        }

        private String share(String s) {
            String seen = shared.get(s); // most are repeats (navigation): a lock-free read first
            if (seen != null) {
                return seen;
            }
            String old = shared.putIfAbsent(s, s);
            return old == null ? s : old;
        }
    }

    /** Whether a URL starts with a scheme ({@link #SCHEME}, spelled out: it runs for every link of every page). */
    static boolean hasScheme(String href) {
        if (href.isEmpty() || !isAsciiLetter(href.charAt(0))) {
            return false;
        }
        for (int i = 1; i < href.length(); i++) {
            char c = href.charAt(i);
            if (c == ':') {
                return true;
            }
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '.' && c != '-') {
                return false;
            }
        }
        return false;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

        /** An empty {@link Scan} for a site streamed page by page. */
    public Scan scan() {
        return new Scan();
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
        // Phase 1, one parse per page in parallel: only what the check needs is kept, so memory stays small.
        Scan scan = new Scan();
        files.entrySet().parallelStream().forEach(e -> scan.add(e.getKey(), e.getValue()));
        verify(scan, all);
    }

    /**
     * Verifies a site whose pages were {@linkplain Scan#add scanned} as they were written.
     *
     * @param scan  every HTML page of the site, scanned
     * @param files every path of the site (pages, other generated files, copies), relative to its root; not to be
     *              changed afterwards (the next verify of a scan taken over from this one compares it)
     * @throws BuildException naming each page and link that does not land
     */
    public void verify(Scan scan, Set<String> files) {
        // Many pages share most links (navigation, assets): each (folder, path) is resolved once.
        Map<String, Map<String, String>> resolved = new ConcurrentHashMap<>();
        // A page taken over unchanged from a scan checked against the same files with the same excuses checks the
        // same (serve: a one-page edit checks one page here, and the other pages' links into it below).
        Scan before = scan.previous;
        boolean reuse = before != null && before.owner().brokenFragmentsInContent.equals(brokenFragmentsInContent)
                && before.owner().brokenInContent.equals(brokenInContent);
        // Files that came or went (a search term chunk renamed, a page added) change the check of the pages whose
        // links may lead to them, by their last path segment; every other page's check stands.
        Set<String> cameOrWent = reuse && !before.checkedFiles.equals(files) ? namesOfChanged(before.checkedFiles, files) : null;
        Map<String, Checked> checked = new ConcurrentHashMap<>(Math.max(16, scan.pages.size() + scan.pages.size() / 8));
        // Phase 2, in parallel: files, and fragments of the page itself.
        List<Outcome> pages = scan.pages.entrySet().parallelStream()
                .map(e -> {
                    Checked old = reuse && before.pages.get(e.getKey()) == e.getValue()
                            && (cameOrWent == null || !mayLeadTo(e.getValue(), cameOrWent)) ? before.checked.get(e.getKey()) : null;
                    Checked c = old != null ? old : check(e.getValue(), files, resolved);
                    checked.put(e.getKey(), c);
                    return new Outcome(c, old != null);
                })
                .toList();
        scan.checked = checked;
        scan.checkedFiles = files; // the caller's, unchanged once given: a sink hands the very same set while it holds
        scan.previous = null; // only one build back is ever needed
        scan.sameAs = new Object[]{null, -1};
        // Phase 3: fragments of other pages. A page whose check stands, linking only into pages with the same ids as
        // before, lands as before (the previous build's links all landed, or it would have failed); an edit that
        // keeps a page's headings changes no page's fragments.
        Set<String> reIded = new HashSet<>();
        if (reuse) {
            int[] kept = {0};
            scan.pages.forEach((path, summary) -> {
                Summary was = before.pages.get(path);
                if (was != null) {
                    kept[0]++;
                }
                if (was != summary && (was == null || !Arrays.equals(was.ids(), summary.ids()))) {
                    reIded.add(path);
                }
            });
            if (kept[0] != before.pages.size()) {
                before.pages.keySet().forEach(path -> {
                    if (!scan.pages.containsKey(path)) {
                        reIded.add(path);
                    }
                });
            }
        }
        List<String> failures = new ArrayList<>();
        for (Outcome outcome : pages) {
            Checked page = outcome.checked();
            failures.addAll(page.failures());
            if (outcome.stands() && (reIded.isEmpty() || noneInto(page.pending(), reIded))) {
                continue;
            }
            for (Pending p : page.pending()) {
                Summary target = scan.pages.get(p.target());
                if (target != null && !lands(p.fragment(), target.ids())) {
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

    /** Marks a folder's {@code index.html} among {@link #namesOfChanged}: a link to a folder may end in no name. */
    private static final String FOLDER_INDEX = "/";

    /** The last path segments of the paths in one set and not the other (a folder's index also by its folder's name). */
    private static Set<String> namesOfChanged(Set<String> was, Set<String> now) {
        Set<String> names = new HashSet<>();
        for (String p : now) {
            if (!was.contains(p)) {
                addNames(names, p);
            }
        }
        for (String p : was) {
            if (!now.contains(p)) {
                addNames(names, p);
            }
        }
        return names;
    }

    private static void addNames(Set<String> names, String path) {
        int slash = path.lastIndexOf('/');
        String name = path.substring(slash + 1);
        names.add(name);
        if (name.equals("index.html")) {
            names.add(FOLDER_INDEX);
            String folder = slash < 0 ? "" : path.substring(0, slash);
            names.add(folder.substring(folder.lastIndexOf('/') + 1));
        }
    }

    /**
     * Whether one of a page's links may resolve to a path whose last segment is in {@code names}: a link resolves to a
     * path ending in its own last segment, or to a folder's index (a link ending in {@code /}, {@code .} or
     * {@code ..}, or a folder's name without its slash). Conservative: a link that does not decode may lead anywhere.
     */
    private static boolean mayLeadTo(Summary page, Set<String> names) {
        for (String link : page.links()) {
            int end = link.length();
            int hash = link.indexOf('#');
            int query = link.indexOf('?');
            if (hash >= 0) {
                end = hash;
            }
            if (query >= 0 && query < end) {
                end = query;
            }
            java.util.Optional<String> decoded = UrlPaths.percentDecode(link.substring(0, end));
            if (decoded.isEmpty()) {
                return true;
            }
            String path = decoded.get();
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            String last = path.substring(path.lastIndexOf('/') + 1);
            if (last.isEmpty() || last.equals(".") || last.equals("..") ? names.contains(FOLDER_INDEX) : names.contains(last)) {
                return true;
            }
        }
        return false;
    }

    private static boolean noneInto(List<Pending> pending, Set<String> pages) {
        for (Pending p : pending) {
            if (pages.contains(p.target())) {
                return false;
            }
        }
        return true;
    }

    private Checked check(Summary page, Set<String> files, Map<String, Map<String, String>> resolved) {
        String path = page.path();
        List<String> failures = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        String[] links = page.links();
        String[] folders = folders(path);
        for (int i = 0; i < links.length; i += 3) {
            String href = links[i + 2].strip();
            int hash = href.indexOf('#');
            String pathPart = hash < 0 ? href : href.substring(0, hash);
            String fragment = hash < 0 ? "" : href.substring(hash + 1);
            int query = pathPart.indexOf('?');
            if (query >= 0) {
                pathPart = pathPart.substring(0, query);
            }
            String target = path;
            if (!pathPart.isEmpty()) {
                target = resolved.computeIfAbsent(base(path, pathPart, folders), b -> new ConcurrentHashMap<>())
                        .computeIfAbsent(pathPart, p -> resolve(cacheKey(path, p), files));
                if (target.startsWith(FAILED)) {
                    failures.add(failure(path, links, i) + target.substring(FAILED.length()));
                    continue;
                }
            }
            if (fragment.isEmpty() || fragment.equalsIgnoreCase("top")) {
                continue; // the top of the page
            }
            if (target.equals(path)) {
                if (!lands(fragment, page.ids())) {
                    failures.add(failure(path, links, i) + "no element with id \"" + shown(fragment) + "\" in " + target);
                }
            } else if (target.endsWith(".html")) {
                pending.add(new Pending(target, fragment, failure(path, links, i)));
            }
        }
        return new Checked(path, failures, pending);
    }

    /** How a failing link is named: page, tag, attribute and value as written. */
    private static String failure(String path, String[] links, int i) {
        return path + ": " + links[i] + " " + links[i + 1] + "=\"" + links[i + 2] + "\": ";
    }

    /** A page's folder and each folder above it: {@code folders[k]} is where {@code k} leading {@code ../} lead. */
    private static String[] folders(String page) {
        List<String> out = new ArrayList<>();
        String folder = page.substring(0, page.lastIndexOf('/') + 1);
        out.add(folder);
        while (!folder.isEmpty()) {
            folder = folder.substring(0, folder.lastIndexOf('/', folder.length() - 2) + 1);
            out.add(folder);
        }
        return out.toArray(String[]::new);
    }

    /**
     * The folder {@code pathPart}'s leading {@code ../} climb to from {@code page}: the same path from two pages
     * with the same such folder leads to the same file, so results are shared under it (one lookup of the path
     * as written, no key built per link). A path from the root, or one that climbs above it, is keyed apart.
     */
    private static String base(String page, String pathPart, String[] folders) {
        if (pathPart.startsWith("/")) {
            return "/";
        }
        int ups = 0;
        int at = 0;
        while (pathPart.startsWith("../", at) || (at == pathPart.length() - 2 && pathPart.endsWith(".."))) {
            ups++;
            at += 3;
        }
        return ups < folders.length ? folders[ups] : "\u0000" + page;
    }

    /** Whether a fragment finds an element: as written, else percent-decoded (the HTML standard's order), else excused. */
    private boolean lands(String fragment, String[] sortedIds) {
        if (Arrays.binarySearch(sortedIds, fragment) >= 0) {
            return true;
        }
        String decoded = UrlPaths.percentDecode(fragment).orElse(null);
        return decoded != null && (Arrays.binarySearch(sortedIds, decoded) >= 0
                || brokenFragmentsInContent.contains(decoded));
    }

    private static String shown(String fragment) {
        return UrlPaths.percentDecode(fragment).orElse(fragment);
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
        String decoded = UrlPaths.percentDecode(rel).orElse(null);
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
