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
        // Compact per-section term arrays and postings encoded term by term: a large site never holds an
        // object per posting (10,000 pages have millions).
        java.util.Map<String, String> intern = new java.util.HashMap<>();
        List<Postings.Analyzed> analyzed = new ArrayList<>(sections.size());
        for (Section s : sections) {
            analyzed.add(Postings.analyze(s, analysis, intern));
        }
        List<Section> kept = analyzed.stream().map(Postings.Analyzed::section).toList();
        java.util.SortedMap<String, String> postings = Postings.encoded(analyzed);
        return new SearchIndex(ClientIndexWriter.writeEncoded(postings, kept), kept.size(), postings.size());
    }

    /**
     * Loads what Korean analysis needs (Nori's dictionary, the slowest part of a cold start) ahead of time, so a
     * caller can do it on a spare core while pages are parsed and rendered. Idempotent.
     */
    public void warmUp() {
        analysis.morphemes("한국어 형태소");
    }
}
