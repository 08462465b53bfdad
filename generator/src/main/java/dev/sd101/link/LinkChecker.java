package dev.sd101.link;

import dev.sd101.Problem;
import dev.sd101.Severity;
import dev.sd101.markdown.Document;
import dev.sd101.markdown.Link;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Stage 4 (check): every link of every document, resolved as GitHub resolves it, and a
 * {@link Problem} for each that would not land. The problems are sorted and reported together.
 */
public final class LinkChecker {
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
        String path = from.source().displayPath();
        String as = link.target();
        Target t = resolver.resolve(from, as, link.kind().isImage());
        String what = link.kind().isImage() ? "image " : "";
        if (t instanceof Target.Anchor a) {
            switch (a.match()) {
                case CASE_ONLY:
                    String fixed = replaceFragment(as, a.id());
                    return problem(path, link, Severity.WARNING, as + " works on github.com only through its JavaScript"
                            + " (a static site matches ids case-sensitively); write " + fixed, fixed);
                case NO_MATCH:
                    return problem(path, link, Severity.ERROR, as + " matches no heading" + inDocument(from, a.document()), null);
                default:
                    return null;
            }
        } else if (t instanceof Target.Unpublished) {
            return problem(path, link, Severity.WARNING, as + " is a Markdown file that is not part of this site", null);
        } else if (t instanceof Target.Missing m) {
            return m.fallbackUrl() != null
                    ? problem(path, link, Severity.WARNING, what + as + " not found; using " + m.fallbackUrl(), null)
                    : problem(path, link, Severity.ERROR, what + as + ": no such file", null);
        } else if (t instanceof Target.Outside o) {
            return o.fallbackUrl() != null
                    ? problem(path, link, Severity.WARNING, what + as + " is " + o.reason() + "; using " + o.fallbackUrl(), null)
                    : problem(path, link, Severity.ERROR, what + as + " is " + o.reason() + "; it is not published", null);
        } else if (t instanceof Target.SitePage s && s.path() == null) {
            return problem(path, link, Severity.ERROR, as + " is on this site (siteUrl) but no page is published there"
                    + (s.nearest() != null ? "; did you mean " + s.nearest() + "?" : ""), s.nearest());
        } else if (t instanceof Target.Undecodable u) {
            return problem(path, link, Severity.ERROR, as + ": the %-escapes in " + u.part() + " do not decode to UTF-8", null);
        }
        return null; // External and Asset targets land.
    }

    private static String inDocument(Document from, Document target) {
        return from == target ? "" : " in " + target.source().path();
    }

    /** {@code target} with its fragment replaced by {@code id}. */
    static String replaceFragment(String target, String id) {
        int hash = target.indexOf('#');
        return (hash < 0 ? target : target.substring(0, hash)) + "#" + id;
    }

    private static Problem problem(String path, Link link, Severity severity, String message, String suggestion) {
        return new Problem(path, link.line(), link.column(), severity, message, suggestion);
    }
}
