package dev.sd101.link;

import dev.sd101.Problem;
import dev.sd101.content.ChangedFiles;
import dev.sd101.markdown.Document;
import dev.sd101.markdown.Heading;
import dev.sd101.markdown.Link;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The link stage's state kept between the builds of one engine ({@code serve}), per document: its link problems,
 * the links its content gets wrong (which the site check excuses), the anchors it offers (its pages, headings and
 * HTML anchors) and the paths its links use. A rebuild checks again only the documents whose links may now resolve
 * otherwise: a document parsed again, and each document with a link into a path that changed (a document whose
 * offer changed, appeared or went away; a file the watcher saw change, such as an image). Everything is checked
 * again, as {@link LinkChecker} does, when that cannot be scoped: the first build, another scope (config), changes
 * not known, or pages added, removed or moved (a link to the site's URL, or a suggestion, may then change).
 *
 * <p>Only the latest build's state is kept; {@link #check} is called by one build at a time.
 */
public final class LinkState {
    private volatile Snapshot last;

    /**
     * What other documents' links can land on in a document: equal offers resolve and report every link to it alike
     * (headings with their lines, which suggestions name).
     */
    private record Offer(List<String> pages, List<Heading> headings, Set<String> htmlAnchors) {
        /**
         * What a link to the document is rewritten by: its pages and its ids in document order (a heading, an HTML
         * anchor), which decide the page each id is on; lines are left out, so an edit above a heading leaves it be.
         */
        List<String> ids(Document d) {
            List<String> out = new ArrayList<>(pages);
            out.add("");
            java.util.Iterator<Map.Entry<String, Integer>> html = d.htmlAnchors().entrySet().iterator();
            Map.Entry<String, Integer> next = html.hasNext() ? html.next() : null;
            for (Heading h : headings) {
                while (next != null && next.getValue() < h.line()) {
                    out.add("a " + next.getKey());
                    next = html.hasNext() ? html.next() : null;
                }
                out.add("h " + h.id());
            }
            for (; next != null; next = html.hasNext() ? html.next() : null) {
                out.add("a " + next.getKey());
            }
            return out;
        }
    }

    /**
     * One document's results and what they depend on; {@code resolution} is each link with where it leads, which
     * decides how a body rewrites it.
     */
    private record Entry(Document document, Offer offer, List<String> ids, Set<Path> uses, List<Problem> problems,
                         Set<String> hrefs, Set<String> fragments, Resolution resolution) {
    }

    /**
     * Where each of a document's links leads, as 128 bits of MD5 over their descriptions (only ever compared, and a
     * site's worth of descriptions was tens of megabytes kept between builds; a collision would only leave a body
     * unrendered).
     */
    private record Resolution(long high, long low) {
        static Resolution of(List<String> described) {
            java.security.MessageDigest md5;
            try {
                md5 = java.security.MessageDigest.getInstance("MD5");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("MD5 is part of every Java runtime", e);
            }
            for (String s : described) {
                md5.update(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md5.update((byte) 0);
            }
            java.nio.ByteBuffer d = java.nio.ByteBuffer.wrap(md5.digest());
            return new Resolution(d.getLong(), d.getLong());
        }
    }

    /** @param pagePaths as the caller gave them (it does not change them), so that an equal plan's compare at once */
    private record Snapshot(Object scope, Map<String, String> pagePaths, Map<String, List<String>> pagesOf,
                            Map<String, Entry> entries, Result result) {
    }

    /**
     * What a check found.
     *
     * @param problems  every document's link problems, sorted
     * @param hrefs     link targets as written that the content gets wrong (see {@link SiteVerifier#forContent})
     * @param fragments fragments that match no id in the sources
     * @param rechecked paths of the documents whose links were resolved again (each other document's links resolve
     *                  exactly as in the previous build); {@code null}: every document's
     * @param relinked  paths of the documents whose links may now be rewritten otherwise (a subset of {@code rechecked}:
     *                  a document parsed again whose every link leads where it led, into documents whose pages and ids
     *                  are as they were, is not in it); {@code null}: every document's
     */
    public record Result(List<Problem> problems, Set<String> hrefs, Set<String> fragments, Set<String> rechecked,
                         Set<String> relinked) {
        /** A verifier that excuses exactly what the content gets wrong, as {@link SiteVerifier#forContent} does. */
        public SiteVerifier verifier() {
            return new SiteVerifier(hrefs, fragments);
        }

        /** Whether a document's links may resolve otherwise than in the previous build. */
        public boolean rechecked(String documentPath) {
            return rechecked == null || rechecked.contains(documentPath);
        }

        /** Whether a document's links may be rewritten otherwise than in the previous build. */
        public boolean relinked(String documentPath) {
            return relinked == null || relinked.contains(documentPath);
        }
    }

    /**
     * Checks the links of {@code documents} (the site's, by path), reusing the previous build's results where they
     * cannot differ.
     *
     * @param scope     what else the resolution reads (the config): another scope checks everything
     * @param pagePaths each page's path → its document's path ({@code ""} for none), as the resolver was given
     * @param changed   what changed on disk since the previous build
     */
    public Result check(Object scope, Map<String, Document> documents, LinkResolver resolver, Map<String, String> pagePaths,
                        ChangedFiles changed) {
        Snapshot prev = last;
        boolean scoped = prev != null && changed.known() && prev.scope().equals(scope)
                && (prev.pagePaths() == pagePaths || prev.pagePaths().equals(pagePaths));
        // The same pages: each document has the pages it had, and an unchanged document offers what it offered.
        Map<String, List<String>> pagesOf = scoped ? prev.pagesOf() : pagesOf(pagePaths);
        Map<String, Entry> before = scoped ? prev.entries() : Map.of();
        java.util.function.Function<String, Offer> offers = path -> {
            Document d = documents.get(path);
            Entry old = before.get(path);
            return old != null && old.document() == d ? old.offer()
                    : new Offer(pagesOf.getOrDefault(path, List.of()), d.headings(), d.htmlAnchors().keySet());
        };
        Set<String> rechecked = null;
        Set<Path> renamed = new HashSet<>();
        boolean sameKeys = false; // the documents have the previous build's paths, no more, no fewer
        if (scoped) {
            // Paths whose targets may resolve otherwise now: documents whose offer changed, came or went, and every
            // other changed path except documents parsed again (a body edit, whose offer is compared here).
            Set<Path> moved = new HashSet<>();
            Set<String> again = new HashSet<>();
            int found = 0;
            // One walk over the documents (10,000s): most are the very documents of the previous build.
            for (Map.Entry<String, Document> e : documents.entrySet()) {
                Entry was = before.get(e.getKey());
                Document now = e.getValue();
                if (was == null) {
                    moved.add(now.source().file());
                    renamed.add(now.source().file());
                    again.add(e.getKey());
                    continue;
                }
                found++;
                if (now == was.document()) {
                    continue;
                }
                again.add(e.getKey());
                if (!offers.apply(e.getKey()).equals(was.offer())) {
                    moved.add(was.document().source().file());
                    if (!offers.apply(e.getKey()).ids(now).equals(was.ids())) {
                        renamed.add(was.document().source().file());
                    }
                }
            }
            if (found != before.size()) {
                before.forEach((path, was) -> {
                    if (!documents.containsKey(path)) {
                        moved.add(was.document().source().file());
                        renamed.add(was.document().source().file());
                    }
                });
            }
            for (Path p : changed.paths()) {
                if (!documents.containsKey(resolver.root().relative(p))) {
                    moved.add(p); // a file that is no document of the site (an image, a new folder, a draft)
                    renamed.add(p);
                }
            }
            if (!moved.isEmpty()) {
                documents.forEach((path, d) -> {
                    if (!again.contains(path) && usesAny(before.get(path).uses(), moved)) {
                        again.add(path);
                    }
                });
            }
            sameKeys = found == before.size() && found == documents.size();
            rechecked = again;
        }
        Set<String> todo = rechecked;
        Map<String, Entry> entries;
        if (todo == null) {
            entries = new ConcurrentHashMap<>();
            documents.entrySet().parallelStream().forEach(e -> entries.put(e.getKey(), entry(e.getValue(), offers.apply(e.getKey()), resolver)));
        } else {
            // Each other document's entry is the previous one: only the documents to check again are resolved.
            Map<String, Entry> fresh = new ConcurrentHashMap<>();
            todo.parallelStream().forEach(path -> fresh.put(path, entry(documents.get(path), offers.apply(path), resolver)));
            entries = new HashMap<>(before);
            if (!sameKeys) {
                entries.keySet().retainAll(documents.keySet());
            }
            entries.putAll(fresh);
        }
        Set<String> relinked = null;
        if (todo != null) {
            relinked = new HashSet<>();
            for (String path : todo) {
                Entry now = entries.get(path);
                Entry old = before.get(path);
                if (old == null || !old.resolution().equals(now.resolution()) || usesAny(now.uses(), renamed)) {
                    relinked.add(path);
                }
            }
        }
        Result result;
        if (todo != null && documents.size() == before.size() && sameFindings(todo, before, entries)) {
            // The documents checked again found what they found before (a body edit): the site's findings stand.
            Result was = prev.result();
            result = new Result(was.problems(), was.hrefs(), was.fragments(), Collections.unmodifiableSet(todo),
                    Collections.unmodifiableSet(relinked));
        } else {
            // In document order (by path), each document's problems sorted: the list is sorted but for what planning adds.
            List<Problem> problems = new ArrayList<>();
            Set<String> hrefs = new HashSet<>();
            Set<String> fragments = new HashSet<>();
            for (String path : documents.keySet()) {
                Entry e = entries.get(path);
                problems.addAll(e.problems());
                hrefs.addAll(e.hrefs());
                fragments.addAll(e.fragments());
            }
            problems.sort(null);
            result = new Result(Collections.unmodifiableList(problems), Collections.unmodifiableSet(hrefs),
                    Collections.unmodifiableSet(fragments), rechecked == null ? null : Collections.unmodifiableSet(rechecked),
                    relinked == null ? null : Collections.unmodifiableSet(relinked));
        }
        last = new Snapshot(scope, pagePaths, pagesOf, Collections.unmodifiableMap(entries), result);
        return result;
    }

    /** Whether each document checked again has an entry before and found the same problems and excuses there. */
    private static boolean sameFindings(Set<String> todo, Map<String, Entry> before, Map<String, Entry> now) {
        for (String path : todo) {
            Entry was = before.get(path);
            Entry is = now.get(path);
            if (was == null || !was.problems().equals(is.problems()) || !was.hrefs().equals(is.hrefs())
                    || !was.fragments().equals(is.fragments())) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, List<String>> pagesOf(Map<String, String> pagePaths) {
        Map<String, List<String>> pagesOf = new HashMap<>();
        pagePaths.forEach((page, doc) -> pagesOf.computeIfAbsent(doc, k -> new ArrayList<>()).add(page));
        return pagesOf;
    }

    /** Whether a path a document's link uses is, lies below or lies above one of {@code moved}. */
    private static boolean usesAny(Set<Path> uses, Collection<Path> moved) {
        if (moved.isEmpty() || uses.isEmpty()) {
            return false;
        }
        for (Path m : moved) {
            for (Path u : uses) {
                if (u.startsWith(m) || m.startsWith(u)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Resolves every link of a document once: its problems, what the site check excuses, and the paths used. */
    private static Entry entry(Document d, Offer offer, LinkResolver resolver) {
        LinkChecker checker = new LinkChecker(resolver);
        List<Problem> problems = new ArrayList<>();
        Set<String> hrefs = new HashSet<>();
        Set<String> fragments = new HashSet<>();
        Set<Path> uses = new HashSet<>();
        List<String> resolution = new ArrayList<>(d.links().size());
        for (Link link : d.links()) {
            Target t = resolver.resolve(d, link.target(), link.kind().isImage());
            resolution.add(link.kind() + " " + link.target() + " \u2192 " + (t instanceof Target.Anchor a
                    ? "Anchor " + a.document().source().path() + ' ' + a.fragment() + ' ' + a.id() + ' ' + a.match()
                    : String.valueOf(t))); // a document is a new object after each parse: what it names is its path
            Problem p = checker.check(d, link, t);
            if (p != null) {
                problems.add(p);
            }
            SiteVerifier.excuse(link, t, hrefs, fragments);
            Path used = used(t, resolver);
            if (used != null) {
                uses.add(used);
            }
        }
        return new Entry(d, offer, offer.ids(d), Set.copyOf(uses), List.copyOf(problems), Set.copyOf(hrefs),
                Set.copyOf(fragments), Resolution.of(resolution));
    }

    /**
     * The path a resolution read: the document an anchor lies in, the file an asset is, or, for a missing file,
     * its folder (a file created there may be the target, or become the suggestion).
     */
    private static Path used(Target t, LinkResolver resolver) {
        if (t instanceof Target.Anchor a) {
            return a.document().source().file();
        } else if (t instanceof Target.Asset a) {
            return a.file();
        } else if (t instanceof Target.Unpublished u) {
            return u.file();
        } else if (t instanceof Target.Missing m) {
            Path missing = resolver.root().path().resolve(m.path()).normalize();
            return missing.getParent() == null ? missing : missing.getParent();
        }
        return null; // external, outside the root, the site's URL (whose pages are in the snapshot's page paths)
    }
}
