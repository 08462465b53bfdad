package dev.sd101.link;

import dev.sd101.content.ContentRoot;
import dev.sd101.markdown.Document;
import dev.sd101.markdown.Heading;
import dev.sd101.web.UrlPaths;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Resolves a link target the way GitHub does from the file it is written in: fragments are
 * percent-decoded and matched against the GitHub ids of the target document's headings and its HTML
 * anchors; relative paths are taken from the file's folder, {@code /paths} from the content root. The
 * one implementation of link resolution: {@code check} reports what it says and {@code generate}
 * rewrites links from it.
 */
public final class LinkResolver {
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final String GITHUB_PREFIX = "user-content-";

    private final ContentRoot root;
    private final Map<String, Document> documents;
    private final String imageBaseUrl;
    /** Per document (by source path: a record's hash would walk its whole tree), lowercased id → id. */
    private final Map<String, Map<String, String>> lowerIds = new HashMap<>();
    private final SiteLinks siteLinks;

    /**
     * @param root         the content root links must stay inside
     * @param documents    the published documents by path relative to the root
     * @param imageBaseUrl where missing images are taken from, or {@code null}
     */
    public LinkResolver(ContentRoot root, Map<String, Document> documents, String imageBaseUrl) {
        this(root, documents, imageBaseUrl, null, Map.of());
    }

    /**
     * A resolver that also takes absolute links under {@code siteUrl} as links to the local site's pages.
     *
     * @param siteUrl the published site's URL ending in {@code /}, or {@code null}
     * @param pages   every page path of the site → the path of its document, {@code ""} for a generated page
     */
    public LinkResolver(ContentRoot root, Map<String, Document> documents, String imageBaseUrl, String siteUrl,
                        Map<String, String> pages) {
        this.siteLinks = siteUrl == null ? null : new SiteLinks(siteUrl, pages);
        this.root = root;
        this.documents = Map.copyOf(documents);
        this.imageBaseUrl = imageBaseUrl;
        for (Document d : documents.values()) {
            lowerIds.put(d.source().path(), lowerIds(d));
        }
    }

    private LinkResolver(LinkResolver from, ContentRoot root, Map<String, Document> documents) {
        this.siteLinks = from.siteLinks;
        this.root = root;
        this.documents = documents;
        this.imageBaseUrl = from.imageBaseUrl;
        this.lowerIds.putAll(from.lowerIds);
    }

    /**
     * This resolver for the same documents, some of them parsed again with the same ids (a body edit: every heading
     * id and HTML anchor as it was), so their ids are not gathered again.
     *
     * @param root      the same root as this resolver's, as it is now (a root remembers what it found on disk)
     * @param documents the documents now, by path: the same paths as this resolver's, not to be changed
     */
    public LinkResolver withDocuments(ContentRoot root, Map<String, Document> documents) {
        return withDocuments(root, documents, Set.of());
    }

    /** As {@link #withDocuments(ContentRoot, Map)}, the ids of the documents at {@code reIded} gathered again. */
    public LinkResolver withDocuments(ContentRoot root, Map<String, Document> documents, Set<String> reIded) {
        LinkResolver r = new LinkResolver(this, root, Collections.unmodifiableMap(documents));
        for (String path : reIded) {
            r.lowerIds.put(path, lowerIds(documents.get(path)));
        }
        return r;
    }

    private static Map<String, String> lowerIds(Document d) {
        Map<String, String> lower = new HashMap<>();
        for (Heading h : d.headings()) {
            lower.putIfAbsent(h.id().toLowerCase(Locale.ROOT), h.id());
        }
        d.htmlAnchors().keySet().forEach(id -> lower.putIfAbsent(id.toLowerCase(Locale.ROOT), id));
        return lower;
    }

    /** The published document at {@code path} relative to the root, or {@code null}. */
    Document document(String path) {
        return documents.get(path);
    }

    /** The content root links must stay inside. */
    ContentRoot root() {
        return root;
    }

    /** Where {@code raw}, written in {@code from}, leads. {@code image} says whether it is an image source. */
    public Target resolve(Document from, String raw, boolean image) {
        String target = raw.strip();
        if (SCHEME.matcher(target).find() || target.startsWith("//")) {
            Target own = siteLinks == null ? null : siteLinks.resolve(target);
            if (own instanceof Target.SitePage p && p.path() != null && !p.fragment().isEmpty()) {
                // A fragment on a page with a document is checked against its ids, like a relative link.
                Document doc = documents.get(siteLinks.documentOf(p.path()));
                if (doc != null) {
                    return anchor(doc, p.fragment());
                }
            }
            return own != null ? own : new Target.External(target);
        }
        int hash = target.indexOf('#');
        String pathPart = hash < 0 ? target : target.substring(0, hash);
        String fragmentPart = hash < 0 ? null : target.substring(hash + 1);
        int query = pathPart.indexOf('?');
        if (query >= 0) {
            pathPart = pathPart.substring(0, query);
        }
        Optional<String> fragment = fragmentPart == null ? Optional.of("") : UrlPaths.percentDecode(fragmentPart);
        if (fragment.isEmpty()) {
            return new Target.Undecodable("#" + fragmentPart);
        }
        if (pathPart.isEmpty()) {
            return anchor(from, fragment.get(), fragmentPart);
        }
        Optional<String> path = UrlPaths.percentDecode(pathPart);
        if (path.isEmpty()) {
            return new Target.Undecodable(pathPart);
        }
        ContentRoot.Resolved resolved = root.resolve(from.source().file(), path.get());
        if (resolved instanceof ContentRoot.Resolved.Outside out) {
            return new Target.Outside(path.get(), out.reason(), image ? fallback(path.get()) : null);
        }
        ContentRoot.Resolved.Inside in = (ContentRoot.Resolved.Inside) resolved;
        String rel = in.relativePath();
        Document doc = documents.get(rel);
        if (doc == null && in.exists() && Files.isDirectory(in.file())) {
            for (int i = 0; doc == null && i < ContentRoot.INDEX_NAMES.size(); i++) {
                doc = documents.get((rel.isEmpty() ? "" : rel + "/") + ContentRoot.INDEX_NAMES.get(i));
            }
        }
        if (doc != null) {
            return anchor(doc, fragment.get(), fragmentPart);
        }
        if (!in.exists()) {
            return new Target.Missing(rel, image ? fallback(path.get()) : null);
        }
        if (rel.toLowerCase(Locale.ROOT).endsWith(".md")) {
            return new Target.Unpublished(in.file(), rel);
        }
        return new Target.Asset(in.file(), rel);
    }

    /**
     * A browser looks for the fragment as written before it looks for it percent-decoded: cmark-gfm's footnote ids
     * hold escapes ({@code fn-%C3%A9}) that only the first finds.
     */
    private Target anchor(Document doc, String decoded, String raw) {
        if (raw != null && !raw.equals(decoded) && !doc.hasId(strip(decoded)) && doc.hasId(strip(raw))) {
            return new Target.Anchor(doc, raw, strip(raw), Target.Match.EXACT);
        }
        return anchor(doc, decoded);
    }

    private static String strip(String fragment) {
        return fragment.startsWith(GITHUB_PREFIX) ? fragment.substring(GITHUB_PREFIX.length()) : fragment;
    }

    private Target anchor(Document doc, String fragment) {
        if (fragment.isEmpty()) {
            return new Target.Anchor(doc, "", null, Target.Match.NONE_GIVEN);
        }
        String id = fragment.startsWith(GITHUB_PREFIX) ? fragment.substring(GITHUB_PREFIX.length()) : fragment;
        if (doc.hasId(id)) {
            return new Target.Anchor(doc, fragment, id, Target.Match.EXACT);
        }
        String lower = lowerIds.get(doc.source().path()).get(id.toLowerCase(Locale.ROOT));
        if (lower != null) {
            return new Target.Anchor(doc, fragment, lower, Target.Match.CASE_ONLY);
        }
        return new Target.Anchor(doc, fragment, null, Target.Match.NO_MATCH);
    }

    /**
     * The URL a missing image is taken from: {@code imageBaseUrl} plus the path as written, without its
     * leading {@code ./} and {@code ../} and without a first folder the base URL already ends with (so
     * {@code ../images/a.png} under {@code …/images/} is {@code …/images/a.png}).
     */
    String fallback(String decodedPath) {
        if (imageBaseUrl == null) {
            return null;
        }
        String p = decodedPath.replace('\\', '/');
        while (p.startsWith("./") || p.startsWith("../") || p.startsWith("/")) {
            p = p.substring(p.indexOf('/') + 1);
        }
        String base = imageBaseUrl.substring(0, imageBaseUrl.length() - 1);
        String lastSegment = base.substring(base.lastIndexOf('/') + 1);
        if (!lastSegment.isEmpty() && p.startsWith(lastSegment + "/")) {
            p = p.substring(lastSegment.length() + 1);
        }
        return imageBaseUrl + UrlPaths.encodePath(p);
    }
}
