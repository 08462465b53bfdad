package dev.sd101.site;

import dev.sd101.BuildException;
import dev.sd101.SiteConfig;
import dev.sd101.content.ContentRoot;
import dev.sd101.content.FrontMatter;
import dev.sd101.markdown.Document;
import dev.sd101.markdown.Heading;
import dev.sd101.markdown.TocEntry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Stage 3: decides which pages exist. Every Markdown file is a page ({@code README.md} and
 * {@code index.md} the index of their folder); a document with its own table of contents is split
 * into a home page, one page per category and one per article, at the level its table of contents
 * lists (or the configured level). Pages are published under their heading's GitHub id, so
 * {@code ### gRPC는 어떻게 작동하나요?} becomes {@code grpc는-어떻게-작동하나요/}.
 */
public final class SitePlanner {
    /** Top-level names the engine writes itself. */
    private static final Set<String> RESERVED = Set.of("assets", "search", "404", "sitemap.xml", "robots.txt");

    private final SiteConfig config;
    private final PlanMemo memo;

    /** Whether a top-level name is one the engine writes itself (an edition's prefix must not be). */
    public static boolean reserved(String name) {
        return RESERVED.contains(name);
    }

    public SitePlanner(SiteConfig config) {
        this(config, null);
    }

    /** A planner that reuses what {@code memo} kept of the previous plan ({@code serve}); {@code null}: none. */
    public SitePlanner(SiteConfig config, PlanMemo memo) {
        this.config = config;
        this.memo = memo;
    }

    /** Plans the site for documents sorted by path. */
    public SiteModel plan(List<Document> all) {
        PlanMemo.Last last = memo == null ? null : memo.lastPlan();
        SiteModel reused = last == null ? null : reshaped(last, all);
        if (reused != null) {
            return reused;
        }
        CollectionPlanner collections = new CollectionPlanner(config);
        List<Document> documents = collections.claim(all);
        Map<String, Document> byBase = new TreeMap<>(SitePlanner::compareBase);
        Map<String, Document> byPath = new LinkedHashMap<>();
        for (Document d : documents) {
            String base = documents.size() == 1 ? "" : basePath(underSource(d.source().path()));
            Document other = byBase.putIfAbsent(base, d);
            if (other != null) {
                throw new BuildException(d.source().displayPath() + ": would be published at /" + base
                        + " as " + other.source().displayPath() + " is; rename one of them");
            }
            byPath.put(d.source().path(), d);
        }

        List<Page> pages = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        if (!byBase.containsKey("")) {
            pages.add(new Page("", PageKind.HOME, config.siteTitle() != null ? config.siteTitle() : "Documentation",
                    null, null, 0, 0, null, List.of()));
            taken.add("");
        }
        for (Map.Entry<String, Document> e : byBase.entrySet()) {
            planDocument(e.getValue(), e.getKey(), byBase, pages, taken);
        }

        Map<String, Page> owners = new HashMap<>();
        pages.forEach(p -> owners.put(p.path(), p));
        CollectionPlanner.Planned planned = collections.plan(owners);
        // Collection pages come right after the home page, so categories lead the navigation.
        pages.addAll(1, planned.pages());
        for (Page p : planned.pages()) {
            if (p.document() != null) {
                byPath.put(p.document().source().path(), p.document());
            }
        }

        List<Page> ordered = readingOrder(pages, byBase.keySet(), byPath);
        Page home = ordered.get(0);
        String title = config.siteTitle() != null ? config.siteTitle() : home.title();
        List<Page> inNav = planned.hidden().isEmpty() ? ordered
                : ordered.stream().filter(p -> !planned.hidden().contains(p.path())).toList();
        List<dev.sd101.Problem> problems = new ArrayList<>(planned.problems());
        Map<String, PageLanguages.Decision> decisions = new LinkedHashMap<>();
        Map<String, String> languages = new PageLanguages(config, memo).decideAll(List.copyOf(byPath.values()), problems,
                decisions);
        SiteModel site = new SiteModel(title, ordered, nav("", inNav), anchors(ordered, byPath), byPath,
                planned.catalog(), problems, languages);
        if (memo != null) {
            memo.lastPlan(new PlanMemo.Last(config, List.copyOf(all), new Object[all.size()], site,
                    List.copyOf(planned.problems()), decisions), false, Set.of());
        }
        return site;
    }

    /**
     * The previous plan with the changed documents in place, when each keeps its shape (a body edit): the same
     * documents, each with the same pages, titles, ids and order, so only the changed documents' pages and language
     * decisions are made again; {@code null} when anything the plan reads changed.
     */
    private SiteModel reshaped(PlanMemo.Last last, List<Document> all) {
        if (!last.config().equals(config) || all.size() != last.documents().size()) {
            return null;
        }
        Map<Document, Document> swapped = new IdentityHashMap<>();
        // Documents of one page each whose title (its front matter's or its heading's) or headings' text changed,
        // nothing else: their page's title, the navigation's entry and the document's ids are made again.
        Map<String, Document> retitled = new LinkedHashMap<>();
        // Those of them whose heading ids changed, for what gathers ids by document (a front matter title has none).
        Set<String> reIded = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            Document now = all.get(i);
            Document before = last.documents().get(i);
            if (now == before) {
                continue;
            }
            if (!now.source().path().equals(before.source().path())) {
                return null;
            }
            Object was = last.shapes()[i];
            if (was == null) {
                was = last.shapes()[i] = shape(before);
            }
            Object is = shape(now);
            if (!is.equals(was)) {
                if (!retitles(last.site(), before, now)) {
                    return null;
                }
                retitled.put(now.source().path(), now);
                if (!headingIds(before).equals(headingIds(now))) {
                    reIded.add(now.source().path());
                }
            }
            last.shapes()[i] = is;
            swapped.put(before, now);
        }
        Map<String, PageLanguages.Decision> decisions = new LinkedHashMap<>(last.decisions());
        PageLanguages languages = new PageLanguages(config, null);
        swapped.values().forEach(d -> decisions.put(d.source().path(), languages.decide(d)));
        List<dev.sd101.Problem> problems = new ArrayList<>(last.planned());
        Map<String, String> langs = new TreeMap<>();
        decisions.forEach((path, decision) -> {
            if (!decision.lang().equals(config.language())) {
                langs.put(path, decision.lang());
            }
            if (decision.note() != null) {
                problems.add(decision.note());
            }
        });
        // A retitled document's one page, made as planDocument makes it; its ids by the same rule as every page's.
        Map<String, Page> retitledPages = new HashMap<>();
        Map<String, String> titles = new HashMap<>();
        String siteTitle = last.site().title();
        AnchorIndex anchors = last.site().anchors();
        for (Document d : retitled.values()) {
            Page p = last.site().firstPageOf(d.source().path()).orElseThrow();
            String[] t = title(d);
            Page page = new Page(p.path(), p.kind(), t[0], t[1], d, 0, d.blockCount(), p.parent(), d.headings());
            retitledPages.put(d.source().path(), page);
            titles.put(page.path(), page.title());
            if (page.path().isEmpty() && config.siteTitle() == null) {
                siteTitle = page.title(); // the home page names the site, as plan has it
            }
            anchors = anchors.with(d.source().path(), anchors(List.of(page), Map.of(d.source().path(), d)).ids(d.source().path()));
        }
        List<NavNode> nav = titles.isEmpty() ? last.site().nav() : retitle(last.site().nav(), titles);
        SiteModel reused = last.site().reshaped(siteTitle, swapped, p -> {
            Document d = swapped.get(p.document());
            Page retitledPage = retitledPages.get(d.source().path());
            if (retitledPage != null) {
                return retitledPage;
            }
            int from = sameBlock(p.document(), d, p.fromBlock());
            int to = sameBlock(p.document(), d, p.toBlock());
            return new Page(p.path(), p.kind(), p.title(), p.titleId(), d, from, to, p.parent(), headingsIn(d, from, to));
        }, nav, anchors, problems, langs);
        memo.lastPlan(new PlanMemo.Last(config, List.copyOf(all), last.shapes(), reused, last.planned(), decisions), true,
                reIded);
        return reused;
    }

    /**
     * Whether a changed document differs from its previous self, for planning, only in its title (its front matter's
     * {@code title}, or its headings' text and ids): one whole page, not split before or now, in a site without
     * collections (whose listings are sorted by title and show it). Outside collections a title decides no page's
     * path (a file's name does) nor order (an index's links, {@code weight}, then names: {@link ReadingOrder}), only
     * the page's title, its navigation entry and, at the home page, the site's title.
     */
    private boolean retitles(SiteModel site, Document before, Document now) {
        if (!site.catalog().isEmpty() || splitLevels(before) != null || splitLevels(now) != null) {
            return false;
        }
        Page page = site.firstPageOf(before.source().path()).orElse(null);
        if (page == null || page.document() != before || page.fromBlock() != 0 || page.toBlock() != before.blockCount()) {
            return false;
        }
        return looseShape(before).equals(looseShape(now));
    }

    /**
     * {@link #shape} without the titles: the front matter but its {@code title}, the headings without their text and
     * ids (their levels, nesting and places stay).
     */
    private static Object looseShape(Document d) {
        return shape(d, false);
    }

    /**
     * The front matter's values but the title's: what else planning reads of it (weight, draft, lang…) is read from
     * them. Not their lines, which only collections' messages show, nor where the body starts: a longer title moves
     * only that.
     */
    private static Map<String, Object> untitled(FrontMatter fm) {
        Map<String, Object> values = new HashMap<>(fm.params());
        values.remove("title");
        return values;
    }

    private static List<String> headingIds(Document d) {
        return d.headings().stream().map(Heading::id).toList();
    }

    /** The navigation tree with the entries at {@code titles}' paths retitled; unchanged branches are the same lists. */
    private static List<NavNode> retitle(List<NavNode> nodes, Map<String, String> titles) {
        List<NavNode> out = null;
        for (int i = 0; i < nodes.size(); i++) {
            NavNode n = nodes.get(i);
            List<NavNode> children = retitle(n.children(), titles);
            String title = titles.getOrDefault(n.path(), n.title());
            if (children != n.children() || !title.equals(n.title())) {
                if (out == null) {
                    out = new ArrayList<>(nodes);
                }
                out.set(i, new NavNode(n.path(), title, children));
            }
        }
        return out == null ? nodes : List.copyOf(out);
    }

    /**
     * What planning reads of a document: its path, front matter, headings, HTML anchors, table of contents and, for a
     * folder's index (whose links order its folder), its links. Places are kept only as the top-level heading they
     * follow, not as lines or blocks: an edit that adds a paragraph or a line moves what follows, not its page.
     */
    private static Object shape(Document d) {
        return shape(d, true);
    }

    private static Object shape(Document d, boolean titles) {
        List<Object> shape = new ArrayList<>();
        shape.add(d.source().path());
        // At the top: a body edit moves none of its lines.
        shape.add(titles ? d.source().frontMatter() : untitled(d.source().frontMatter()));
        List<Integer> starts = new ArrayList<>();
        for (Heading h : d.headings()) {
            if (h.block() >= 0) {
                starts.add(h.block());
            }
        }
        shape.add(starts.isEmpty() || starts.get(0) > 0); // whether a page's bound 0 is a heading's
        for (Heading h : d.headings()) {
            String place = h.block() >= 0 ? "top" : "in " + after(starts, d.blockAt(h.line()));
            shape.add(titles ? List.of(h.level(), h.text(), h.id(), place) : List.of(h.level(), place));
        }
        d.htmlAnchors().forEach((id, line) -> shape.add("a " + id + ' ' + after(starts, d.blockAt(line))));
        d.toc().forEach(e -> shape.add("t " + e.target()));
        String name = d.source().path().substring(d.source().path().lastIndexOf('/') + 1);
        if (INDEX_STEMS.contains(name.substring(0, Math.max(0, name.length() - 3)).toLowerCase(Locale.ROOT))) {
            d.links().forEach(l -> shape.add("l " + l.kind() + ' ' + l.target()));
        }
        return shape;
    }

    /** How many of the top-level headings (their blocks, ascending) start at or before {@code block}. */
    private static int after(List<Integer> starts, int block) {
        int n = 0;
        while (n < starts.size() && starts.get(n) <= block) {
            n++;
        }
        return n;
    }

    /**
     * A page bound ({@code 0}, the block of a top-level heading, or the end) in a document of the same shape: the
     * same bound there.
     */
    private static int sameBlock(Document before, Document now, int block) {
        if (block == 0) {
            return 0;
        }
        if (block >= before.blockCount()) {
            return now.blockCount();
        }
        List<Heading> was = before.headings().stream().filter(h -> h.block() >= 0).toList();
        List<Heading> is = now.headings().stream().filter(h -> h.block() >= 0).toList();
        for (int i = 0; i < was.size(); i++) {
            if (was.get(i).block() == block) {
                return is.get(i).block();
            }
        }
        throw new IllegalStateException(before.source().path() + ": a page starts at block " + block + ", no heading does");
    }

    private void planDocument(Document doc, String base, Map<String, Document> byBase, List<Page> pages, Set<String> taken) {
        String parent = base.isEmpty() ? null : parentBase(base, byBase);
        PageKind ownKind = base.isEmpty() ? PageKind.HOME : PageKind.PAGE;
        List<Heading> topLevel = doc.headings().stream().filter(h -> h.block() >= 0).toList();
        String[] titled = title(doc);
        String docTitle = titled[0];
        String docTitleId = titled[1];

        int[] levels = splitLevels(doc);
        if (levels == null) {
            taken.add(base);
            pages.add(new Page(base, ownKind, docTitle, docTitleId, doc, 0, doc.blockCount(), parent, doc.headings()));
            return;
        }
        int sectionLevel = levels[0];
        int articleLevel = levels[1];
        List<Heading> starts = topLevel.stream()
                .filter(h -> h.level() >= sectionLevel && h.level() <= articleLevel)
                .toList();
        int firstStart = starts.isEmpty() ? doc.blockCount() : starts.get(0).block();
        taken.add(base);
        pages.add(new Page(base, ownKind, docTitle, docTitleId, doc, 0, firstStart, parent, headingsIn(doc, 0, firstStart)));

        String section = base;
        for (int i = 0; i < starts.size(); i++) {
            Heading h = starts.get(i);
            int to = i + 1 < starts.size() ? starts.get(i + 1).block() : doc.blockCount();
            boolean isSection = h.level() < articleLevel;
            String path = unique(base + pathSegment(h.id(), base.isEmpty()) + "/", taken);
            Page page = new Page(path, isSection ? PageKind.SECTION : PageKind.ARTICLE, h.text(), h.id(), doc,
                    h.block(), to, isSection ? base : section, headingsIn(doc, h.block(), to));
            pages.add(page);
            if (isSection) {
                section = path;
            }
        }
    }

    /** A document's title and the id of the heading that is its title ({@code null} for none). */
    private static String[] title(Document doc) {
        List<Heading> topLevel = doc.headings().stream().filter(h -> h.block() >= 0).toList();
        String docTitle = topLevel.isEmpty() ? fileTitle(doc) : topLevel.get(0).text();
        String docTitleId = topLevel.isEmpty() ? null : topLevel.get(0).id();
        String ownTitle = doc.source().frontMatter().title();
        if (ownTitle != null) {
            // Front matter names the page, as Hugo's and Jekyll's do; its first heading is its title only if it
            // says the same (else the first sub-heading would be taken for the title and lifted to h1).
            docTitleId = docTitleId != null && topLevel.get(0).text().strip().equals(ownTitle.strip()) ? docTitleId : null;
            docTitle = ownTitle.strip();
        }
        return new String[]{docTitle, docTitleId};
    }

    /**
     * {@code {sectionLevel, articleLevel}} for a document that is split, or {@code null}. The article
     * level is the one most entries of the document's table of contents point to; levels above it that
     * the table of contents also lists are categories.
     */
    int[] splitLevels(Document doc) {
        if (config.splitLevel() < 0) {
            return null;
        }
        if (config.splitLevel() > 0) {
            int level = config.splitLevel();
            long above = doc.headings().stream().filter(h -> h.block() >= 0 && h.level() == level - 1).count();
            return new int[]{above > 1 ? level - 1 : level, level};
        }
        List<TocEntry> toc = doc.toc();
        if (toc.isEmpty()) {
            return null;
        }
        Map<String, Integer> levelOf = new HashMap<>();
        for (Heading h : doc.headings()) {
            if (h.block() >= 0) {
                levelOf.putIfAbsent(h.id(), h.level());
                levelOf.putIfAbsent(h.id().toLowerCase(Locale.ROOT), h.level());
            }
        }
        int[] count = new int[7];
        for (TocEntry e : toc) {
            Integer level = levelOf.get(decode(e.target()));
            if (level == null) {
                level = levelOf.get(decode(e.target()).toLowerCase(Locale.ROOT));
            }
            if (level != null) {
                count[level]++;
            }
        }
        int article = 0;
        int min = 0;
        for (int l = 1; l <= 6; l++) {
            if (count[l] > count[article]) {
                article = l;
            }
            if (count[l] > 0 && min == 0) {
                min = l;
            }
        }
        if (article == 0 || count[article] < 2) {
            return null;
        }
        return new int[]{min, article};
    }

    private static String decode(String fragment) {
        try {
            return java.net.URLDecoder.decode(fragment.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return fragment;
        }
    }

    private static List<Heading> headingsIn(Document doc, int from, int to) {
        List<Heading> out = new ArrayList<>();
        for (Heading h : doc.headings()) {
            int block = h.block() >= 0 ? h.block() : doc.blockAt(h.line());
            if (block >= from && block < to) {
                out.add(h);
            }
        }
        return out;
    }

    private static String pathSegment(String id, boolean atRoot) {
        String seg = id.isEmpty() ? "section" : id;
        return atRoot && RESERVED.contains(seg) ? seg + "-page" : seg;
    }

    private static String unique(String path, Set<String> taken) {
        String candidate = path;
        for (int n = 1; !taken.add(candidate); n++) {
            candidate = path.substring(0, path.length() - 1) + "-" + n + "/";
        }
        return candidate;
    }

    /**
     * A document's path below the source folder: pages are published by their place in the source folder, while a
     * source path is relative to the content root, which by default is the repository holding that folder.
     */
    private String underSource(String sourcePath) {
        String folder = config.contentRoot().relativize(config.contentBase()).toString().replace(java.io.File.separatorChar, '/');
        String prefix = folder.isEmpty() ? "" : folder + "/";
        return sourcePath.startsWith(prefix) ? sourcePath.substring(prefix.length()) : sourcePath;
    }

    /** {@link ContentRoot#INDEX_NAMES} without {@code .md}, lower-cased. */
    private static final Set<String> INDEX_STEMS = Set.of("readme", "index", "_index");

    /** {@code docs/README.md} → {@code docs/}; {@code docs/a.md} → {@code docs/a/}; {@code README.md} → {@code ""}. */
    static String basePath(String sourcePath) {
        int slash = sourcePath.lastIndexOf('/');
        String dir = slash < 0 ? "" : sourcePath.substring(0, slash + 1);
        String name = sourcePath.substring(slash + 1);
        String stem = name.substring(0, name.length() - 3);
        String lower = stem.toLowerCase(Locale.ROOT);
        if (INDEX_STEMS.contains(lower)) {
            return dir;
        }
        String seg = dir.isEmpty() && RESERVED.contains(stem) ? stem + "-page" : stem;
        return dir + seg + "/";
    }

    private static String parentBase(String base, Map<String, Document> byBase) {
        String p = base;
        while (!p.isEmpty()) {
            int cut = p.lastIndexOf('/', p.length() - 2);
            p = cut < 0 ? "" : p.substring(0, cut + 1);
            if (p.isEmpty() || byBase.containsKey(p)) {
                return p;
            }
        }
        return "";
    }

    private static int compareBase(String a, String b) {
        return a.compareTo(b);
    }

    private static String fileTitle(Document doc) {
        String name = doc.source().path().substring(doc.source().path().lastIndexOf('/') + 1);
        return name.substring(0, name.length() - 3);
    }

    /**
     * Depth-first from the home page. A page's children are first the pages cut from its own document and
     * the collections' pages, as planned, then the files of its folder in {@link ReadingOrder}.
     *
     * @param fileBases the paths of the pages that open a file of the folder tree (not a collection's)
     */
    private static List<Page> readingOrder(List<Page> pages, Set<String> fileBases, Map<String, Document> byPath) {
        Map<String, List<Page>> children = new LinkedHashMap<>();
        Map<String, Page> at = new HashMap<>();
        Page home = null;
        for (Page p : pages) {
            at.putIfAbsent(p.path(), p);
            if (p.parent() == null) {
                home = p;
            } else {
                children.computeIfAbsent(p.parent(), k -> new ArrayList<>()).add(p);
            }
        }
        for (Map.Entry<String, List<Page>> e : children.entrySet()) {
            List<Page> planned = new ArrayList<>();
            List<Page> files = new ArrayList<>();
            Document index = at.get(e.getKey()).document();
            for (Page c : e.getValue()) {
                boolean opensFile = c.fromBlock() == 0 && c.document() != null && c.document() != index
                        && fileBases.contains(c.path());
                (opensFile ? files : planned).add(c);
            }
            if (files.size() > 1) {
                planned.addAll(ReadingOrder.sort(files, index, byPath));
                e.setValue(planned);
            }
        }
        List<Page> out = new ArrayList<>(pages.size());
        visit(home, children, out);
        return out;
    }

    private static void visit(Page p, Map<String, List<Page>> children, List<Page> out) {
        out.add(p);
        for (Page c : children.getOrDefault(p.path(), List.of())) {
            visit(c, children, out);
        }
    }

    /** The navigation tree under {@code parent}; children grouped once, so it is linear in the pages. */
    private static List<NavNode> nav(String parent, List<Page> pages) {
        Map<String, List<Page>> children = new HashMap<>();
        for (Page p : pages) {
            if (p.parent() != null) {
                children.computeIfAbsent(p.parent(), k -> new ArrayList<>()).add(p);
            }
        }
        return nav(parent, children);
    }

    private static List<NavNode> nav(String parent, Map<String, List<Page>> children) {
        List<NavNode> out = new ArrayList<>();
        for (Page p : children.getOrDefault(parent, List.of())) {
            out.add(new NavNode(p.path(), p.title(), nav(p.path(), children)));
        }
        return out;
    }

    private static AnchorIndex anchors(List<Page> pages, Map<String, Document> byPath) {
        Map<String, Map<String, String>> index = new LinkedHashMap<>();
        for (Page p : pages) {
            if (p.document() == null) {
                continue;
            }
            Map<String, String> ids = index.computeIfAbsent(p.document().source().path(), k -> new LinkedHashMap<>());
            for (Heading h : p.headings()) {
                ids.put(h.id(), p.path());
            }
            p.document().htmlAnchors().forEach((id, line) -> {
                int block = p.document().blockAt(line);
                if (block >= p.fromBlock() && block < p.toBlock()) {
                    ids.putIfAbsent(id, p.path());
                }
            });
        }
        // Keep document order of ids (headings first as met), independent of page order.
        Map<String, Map<String, String>> ordered = new LinkedHashMap<>();
        for (String doc : byPath.keySet()) {
            Map<String, String> ids = index.getOrDefault(doc, Map.of());
            Map<String, String> sorted = new LinkedHashMap<>();
            for (Heading h : byPath.get(doc).headings()) {
                if (ids.containsKey(h.id())) {
                    sorted.put(h.id(), ids.get(h.id()));
                }
            }
            ids.forEach(sorted::putIfAbsent);
            ordered.put(doc, sorted);
        }
        return new AnchorIndex(ordered);
    }
}
