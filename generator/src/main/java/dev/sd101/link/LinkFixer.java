package dev.sd101.link;

import dev.sd101.Problem;
import dev.sd101.content.Source;
import dev.sd101.markdown.Document;
import dev.sd101.markdown.Link;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Plans {@code check --fix}: for every link whose problem has an unambiguous suggestion (a case-only
 * fragment, the one nearest heading id, the one nearest file name), the replacement of the destination
 * exactly where it is written. Ambiguous suggestions, and links whose destination cannot be located
 * verbatim in the source (entities, escapes), are never touched. Pure: writing is the caller's job.
 */
public final class LinkFixer {
    private final LinkChecker checker;

    public LinkFixer(LinkResolver resolver) {
        this.checker = new LinkChecker(resolver);
    }

    /**
     * One planned change.
     *
     * @param source the file it is in
     * @param line   1-based line of the link
     * @param start  offset of the destination in the source text
     * @param end    offset just past it
     * @param from   the destination as written
     * @param to     what replaces it
     */
    public record Fix(Source source, int line, int start, int end, String from, String to) {
        /** {@code path:line: old → new}, as printed to the user. */
        public String format() {
            return source.displayPath() + ":" + line + ": " + from + " → " + to;
        }
    }

    /** The changes, sorted by file and offset; at most one per destination (a reference is shared by its uses). */
    public List<Fix> fixes(Collection<Document> documents) {
        List<Fix> out = new ArrayList<>();
        for (Document d : documents) {
            Set<Integer> seen = new HashSet<>();
            String text = d.source().text();
            for (Link link : d.links()) {
                if (!link.rewritable() || !seen.add(link.start())) {
                    continue;
                }
                Problem p = checker.check(d, link);
                if (p == null || p.suggestion() == null || p.suggestion().equals(link.target())) {
                    continue;
                }
                if (link.end() > text.length() || !text.substring(link.start(), link.end()).equals(link.target())) {
                    continue; // written with escapes or entities: rewriting would need to re-encode them
                }
                out.add(new Fix(d.source(), d.source().line(link.start()), link.start(), link.end(), link.target(), p.suggestion()));
            }
        }
        out.sort(Comparator.comparing((Fix f) -> f.source().path()).thenComparingInt(Fix::start));
        return out;
    }
}
