package dev.sd101.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds the client-side search index of a site from its rendered pages.
 *
 * <p>One search document per page section (the title section plus one per {@code h2..h4} sub-heading with an id),
 * with the fields title, headings, category (breadcrumb) and body. Korean text is analysed with Nori (compounds
 * and their parts) plus Hangul bigrams; Latin text is lowercased, ASCII-folded and lightly stemmed. The result is
 * a set of small static files under {@code search/} that {@code assets/search-engine.js} reads.
 *
 * <p>Create one per build and reuse it: Nori's dictionary is loaded on the first page that contains Hangul and
 * kept. Thread-safe; {@link #build} may be called concurrently.
 */
public final class SearchIndexer {
    private final TermAnalysis analysis = new TermAnalysis();
    private final Sectioner sectioner = new Sectioner();

    /** An indexer; no analyzer is created until {@link #build} needs it. */
    public SearchIndexer() {
    }

    /**
     * Indexes {@code pages} in the given order (section numbers follow it, so pass pages in a stable order).
     *
     * @return the index files; byte-identical for equal input
     */
    public SearchIndex build(List<SearchPage> pages) {
        Objects.requireNonNull(pages, "pages");
        analysis.nextBuild();
        List<Section> sections = new ArrayList<>();
        for (SearchPage page : pages) {
            sections.addAll(sectioner.split(Objects.requireNonNull(page, "page")));
        }
        Postings postings = Postings.build(sections, analysis);
        return new SearchIndex(ClientIndexWriter.write(postings, sections), sections.size(), postings.terms().size());
    }
}
