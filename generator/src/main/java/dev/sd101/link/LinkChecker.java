package dev.sd101.link;

import dev.sd101.Problem;
import dev.sd101.Severity;
import dev.sd101.content.ContentRoot;
import dev.sd101.markdown.Document;
import dev.sd101.markdown.Link;
import dev.sd101.web.UrlPaths;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Stage 4 (check): every link of every document, resolved as GitHub resolves it, and a
 * {@link Problem} for each that would not land. The problems are sorted and reported together.
 */
public final class LinkChecker {
    private static final String USER_CONTENT = "user-content-";
    private final LinkResolver resolver;

    public LinkChecker(LinkResolver resolver) {
        this.resolver = resolver;
    }

    /** All problems of all documents, sorted by file, line and column. */
    public List<Problem> check(Collection<Document> documents) {
        List<Problem> problems = new ArrayList<>();
        for (Document d : documents) {
            for (Link link : d.links()) {
                Problem p = check(d, link);
                if (p != null) {
                    problems.add(p);
                }
            }
        }
        problems.sort(null);
        return problems;
    }

    /** The problem with one link, or {@code null} when it lands. */
    Problem check(Document from, Link link) {
        return check(from, link, resolver.resolve(from, link.target(), link.kind().isImage()));
    }

    /** The problem with one link that leads to {@code t}, or {@code null} when it lands. */
    Problem check(Document from, Link link, Target t) {
        String path = from.source().displayPath();
        String as = link.target();
        String what = link.kind().isImage() ? "image " : "";
        if (t instanceof Target.Anchor a) {
            switch (a.match()) {
                case CASE_ONLY:
                    String fixed = replaceFragment(as, a.id());
                    return problem(path, link, Severity.WARNING, as + " works on github.com only through its JavaScript"
                            + " (a static site matches ids case-sensitively); write " + fixed, fixed);
                case NO_MATCH:
                    return noSuchId(path, link, from, a);
                default:
                    return null;
            }
        } else if (t instanceof Target.Unpublished) {
            return problem(path, link, Severity.WARNING, as + " is a Markdown file that is not part of this site", null);
        } else if (t instanceof Target.Missing m) {
            return m.fallbackUrl() != null
                    ? problem(path, link, Severity.WARNING, what + as + " not found; using " + m.fallbackUrl(), null)
                    : noSuchFile(path, link, what, m);
        } else if (t instanceof Target.Outside o) {
            if (o.fallbackUrl() != null) {
                return problem(path, link, Severity.WARNING, what + as + " is " + o.reason() + "; using " + o.fallbackUrl(), null);
            }
            if (!link.kind().isImage()) {
                return problem(path, link, Severity.ERROR, as + " is " + o.reason() + "; it is not published", null);
            }
            // The page still shows the image's alt text in its place, so a build may go on (not with --strict).
            String root = o.reason().endsWith("content root") ? " " + ContentRoot.display(resolver.root().path()) : "";
            return problem(path, link, Severity.WARNING, what + as + " is " + o.reason() + root + "; it is not published and"
                    + " its alt text is shown instead: pass --root (contentRoot) a folder that holds it, or --image-base-url"
                    + " (imageBaseUrl) a URL that serves it", null);
        } else if (t instanceof Target.SitePage s && s.path() == null) {
            return problem(path, link, Severity.ERROR, as + " is on this site (siteUrl) but no page is published there"
                    + (s.nearest() != null ? "; did you mean " + s.nearest() + "?" : ""), s.nearest());
        } else if (t instanceof Target.Undecodable u) {
            return problem(path, link, Severity.ERROR, as + ": the %-escapes in " + u.part() + " do not decode to UTF-8", null);
        }
        return null; // External and Asset targets land.
    }

    /** A fragment that matches no id: an error, with the nearest id when one is likely. */
    private static Problem noSuchId(String path, Link link, Document from, Target.Anchor a) {
        String as = link.target();
        String fragment = a.fragment().startsWith(USER_CONTENT) ? a.fragment().substring(USER_CONTENT.length()) : a.fragment();
        List<Suggester.Candidate> near = Suggester.nearestId(a.document(), fragment);
        StringBuilder message = new StringBuilder(as).append(" matches no heading").append(inDocument(from, a.document()));
        String suggestion = near.size() == 1 ? replaceFragment(as, near.get(0).name()) : null;
        if (!near.isEmpty()) {
            message.append("; did you mean ");
            for (int i = 0; i < near.size(); i++) {
                Suggester.Candidate c = near.get(i);
                message.append(i == 0 ? "" : " or ").append(replaceFragment(as, c.name())).append(" (line ").append(c.line());
                if (!c.text().isEmpty()) {
                    message.append(", \"").append(c.text()).append('"');
                }
                message.append(')');
            }
            message.append('?');
        }
        return problem(path, link, Severity.ERROR, message.toString(), suggestion);
    }

    /**
     * A file that does not exist, with the nearest file name of the same folder when one is likely: an error for a
     * link; a warning for an image, whose page shows its alt text in its place.
     */
    private Problem noSuchFile(String path, Link link, String what, Target.Missing m) {
        String as = link.target();
        boolean image = link.kind().isImage();
        Severity severity = image ? Severity.WARNING : Severity.ERROR;
        String message = what + as + ": no such file";
        String shown = image ? "; it is shown as its alt text until the file is added or --image-base-url (imageBaseUrl)"
                + " names a URL that serves missing images" : "";
        Path missing = resolver.root().path().resolve(m.path()).normalize();
        int cut = endOfPath(as);
        int slash = as.lastIndexOf('/', cut - 1);
        List<Suggester.Candidate> near = missing.getParent() == null || cut == 0 ? List.of()
                : Suggester.nearestFile(missing.getParent(), missing.getFileName().toString());
        if (near.isEmpty()) {
            return problem(path, link, severity, message + shown, null);
        }
        String folder = m.path().substring(0, m.path().lastIndexOf('/') + 1);
        List<String> targets = new ArrayList<>();
        for (Suggester.Candidate c : near) {
            String target = landing(as.substring(0, slash + 1) + UrlPaths.encodePath(c.name()) + as.substring(cut),
                    resolver.document(folder + c.name()));
            if (target != null) {
                targets.add(target);
            }
        }
        if (targets.isEmpty()) {
            return problem(path, link, severity, message + shown, null);
        }
        return problem(path, link, severity, message + shown + "; did you mean " + String.join(" or ", targets) + "?",
                targets.size() == 1 ? targets.get(0) : null);
    }

    /**
     * A suggested {@code target} as it lands: itself when it has no fragment, leads to no document of the site
     * (a fragment on an image or a file is not checked) or the document has the fragment; else the same file with
     * the document's one likely id for it; else {@code null}, as a suggestion must be a target that exists.
     */
    private static String landing(String target, Document doc) {
        int hash = target.indexOf('#');
        if (hash < 0 || doc == null) {
            return target;
        }
        Optional<String> decoded = UrlPaths.percentDecode(target.substring(hash + 1));
        if (decoded.isEmpty()) {
            return null;
        }
        String fragment = decoded.get().startsWith(USER_CONTENT) ? decoded.get().substring(USER_CONTENT.length()) : decoded.get();
        if (fragment.isEmpty() || doc.hasId(fragment)) {
            return target;
        }
        List<Suggester.Candidate> ids = Suggester.nearestId(doc, fragment);
        return ids.size() == 1 ? replaceFragment(target, ids.get(0).name()) : null;
    }

    /** Where the path part of a target as written ends (at its query or fragment). */
    private static int endOfPath(String target) {
        int end = target.length();
        int hash = target.indexOf('#');
        if (hash >= 0) {
            end = hash;
        }
        int query = target.indexOf('?');
        return query >= 0 && query < end ? query : end;
    }

    private static String inDocument(Document from, Document target) {
        return from == target ? "" : " in " + target.source().path();
    }

    /**
     * {@code target} with its fragment replaced by {@code id}, written the way the author wrote the
     * fragment: percent-encoded if it was, and keeping GitHub's {@code user-content-} prefix if it had it.
     */
    static String replaceFragment(String target, String id) {
        int hash = target.indexOf('#');
        String written = hash < 0 ? "" : target.substring(hash + 1);
        String prefix = written.startsWith(USER_CONTENT) ? USER_CONTENT : "";
        String fragment = written.indexOf('%') >= 0 ? UrlPaths.encodeFragment(id) : id;
        return (hash < 0 ? target : target.substring(0, hash)) + "#" + prefix + fragment;
    }

    private static Problem problem(String path, Link link, Severity severity, String message, String suggestion) {
        return new Problem(path, link.line(), link.column(), severity, message, suggestion);
    }
}
