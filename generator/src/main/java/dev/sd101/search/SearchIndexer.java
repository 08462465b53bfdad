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
    private final TermAnalysis analysis;
    private final Sectioner sectioner = new Sectioner();
    private final Lexicon lexicon = new Lexicon();
    /** The last kept build's pages and their analysed sections, reused for equal pages by the next. */
    private volatile Kept lastPages = new Kept(new SearchPage[0], List.of(), List.of());
    /** The last {@link #build}'s sections and the pairs mined from each (a reused page brings its very sections). */
    private volatile Mined lastMined = new Mined(new Section[0], List.of());
    /** The last {@link #build}'s fragment files, reused where a bundle holds the very same sections. */
    private volatile ClientIndexWriter.Bundles lastBundles = ClientIndexWriter.Bundles.NONE;
    /** The last {@link #build}'s postings and term chunks (guarded by itself: builds of one indexer take turns there). */
    private final PostingsMemo postingsMemo = new PostingsMemo();
    private final ClientIndexWriter.Memo layoutMemo = new ClientIndexWriter.Memo();
    private volatile boolean loading;
    /** The last {@link #build}'s lexicon entries and word lists, reused while its terms and pairs stay. */
    private volatile Lexical lastLexical;

    /** An indexer; no analyzer is created until {@link #build} needs it. */
    public SearchIndexer() {
        analysis = new TermAnalysis();
    }

    /**
     * An indexer for a language edition: the default analysis plus the language's own morphemes (English base
     * forms, Japanese by Kuromoji, Chinese by smartcn; Korean and the rest: as {@link #SearchIndexer()}).
     */
    public SearchIndexer(String language) {
        analysis = new TermAnalysis(TermAnalysis.Language.of(language));
    }

    /** Whether this indexer analyses as {@link #SearchIndexer()} does, so that the analysis cache on disk applies. */
    public boolean analysesAsDefault() {
        return analysis.language() == TermAnalysis.Language.DEFAULT;
    }

    /**
     * Indexes {@code pages} in the given order (section numbers follow it, so pass pages in a stable order).
     *
     * @return the index files; byte-identical for equal input
     */
    public SearchIndex build(List<SearchPage> pages) {
        return build(pages, AnalysisCache.none());
    }

    /**
     * As {@link #build(List)}, taking the analysis of a text neither this indexer nor {@code disk} has seen from
     * {@code disk}, and recording in it every text analysed or looked up there (a page equal to one of the
     * previous build's is reused whole and not recorded: pass a cache on an indexer's first build).
     */
    public SearchIndex build(List<SearchPage> pages, AnalysisCache disk) {
        Objects.requireNonNull(pages, "pages");
        Collector c = collector(pages.size(), disk, true);
        for (int i = 0; i < pages.size(); i++) {
            c.add(i, pages.get(i));
        }
        return c.build();
    }

    /**
     * The index files: postings plus the lexicon's aliases and glossary, fragments, and the typo word lists.
     *
     * @param keep         whether to keep what the next build can reuse (an indexer that builds again: serve)
     * @param termsChanged whether the terms may differ from the last kept build's (else the lexicon's entries and
     *                     the word lists are the last ones, unless the mined pairs changed)
     */
    private SearchIndex layOut(Postings.Encoded postings, List<Section> sections, boolean keep, boolean termsChanged) {
        // Pairs are mined from the kept text (a snippet's worth per section), the same in both build paths; a
        // section of the previous build at the same place keeps its pairs.
        Mined before = keep ? lastMined : new Mined(new Section[0], List.of());
        java.util.Map<Section, List<List<String>>> byIdentity = null;
        Section[] now = sections.toArray(new Section[0]);
        List<List<List<String>>> pairsNow = new ArrayList<>(now.length);
        List<Integer> misses = new ArrayList<>();
        boolean samePairs = before.sections().length == now.length;
        for (int i = 0; i < now.length; i++) {
            List<List<String>> pairs = i < before.sections().length && before.sections()[i] == now[i] ? before.pairs().get(i) : null;
            if (pairs == null && before.sections().length != now.length) {
                // Sections came or went, so the others moved: found by identity. (With as many sections as before,
                // one not at its place is a changed one: mined below.)
                if (byIdentity == null) {
                    byIdentity = new java.util.IdentityHashMap<>();
                    for (int k = 0; k < before.sections().length; k++) {
                        byIdentity.put(before.sections()[k], before.pairs().get(k));
                    }
                }
                pairs = byIdentity.get(now[i]);
                if (pairs != null) {
                    samePairs &= i < before.pairs().size() && pairs.equals(before.pairs().get(i));
                }
            }
            if (pairs == null) {
                misses.add(i);
            }
            pairsNow.add(pairs);
        }
        // Mined on every core: done on one, its regular expressions over all the kept text were a tenth of a
        // 1,000-page build's CPU time, with the other core idle.
        List<List<List<String>>> minedMisses = misses.parallelStream().map(i -> {
            Section s = now[i];
            return Lexicon.mine(s.title() + "\n" + s.heading() + "\n" + s.body());
        }).toList();
        for (int m = 0; m < misses.size(); m++) {
            int i = misses.get(m);
            pairsNow.set(i, minedMisses.get(m));
            samePairs &= i < before.pairs().size() && minedMisses.get(m).equals(before.pairs().get(i));
        }
        Lexical last = lastLexical;
        Lexical lexical;
        if (keep && !termsChanged && samePairs && last != null) {
            lexical = last; // the same terms and pairs: the same entries and word lists
        } else {
            List<List<String>> mined = new ArrayList<>();
            pairsNow.forEach(mined::addAll);
            Postings.Encoded entries = lexicon.entries(postings.terms(), mined, analysis::surface);
            lexical = new Lexical(entries, Lexicon.vocabulary(Lexicon.withEntries(entries, postings).terms()));
        }
        if (keep) {
            lastMined = new Mined(now, pairsNow);
            lastLexical = lexical;
        }
        Postings.Encoded extended = Lexicon.withEntries(lexical.entries(), postings);
        ClientIndexWriter.Bundles bundles = ClientIndexWriter.bundles(sections, keep ? lastBundles : ClientIndexWriter.Bundles.NONE);
        if (keep) {
            lastBundles = bundles;
        }
        // In the order made (term chunks, then fragment files): a sink puts them in any order, and sorting 10,000s
        // of paths per edit cost more than the rest of a kept layout.
        java.util.Map<String, SearchIndex.Versioned> versioned = new java.util.LinkedHashMap<>();
        java.util.Map<String, byte[]> files = new java.util.TreeMap<>(ClientIndexWriter.writeEncoded(extended, sections, bundles,
                keep ? layoutMemo : null, versioned));
        files.putAll(lexical.vocabulary());
        return new SearchIndex(files, versioned, sections.size(), postings.terms().length);
    }

    /** What the lexicon made of a build's terms and mined pairs: its entries and the typo word lists. */
    private record Lexical(Postings.Encoded entries, java.util.Map<String, byte[]> vocabulary) {
    }

    /**
     * A kept build's pages and each one's analysed sections, by order number ({@code null} where no page was added).
     * The pages' HTML is the render stage's own (its memo keeps each body), so keeping a page costs a reference.
     */
    private record Kept(SearchPage[] pages, List<List<Postings.Analyzed>> sections, List<List<Section>> sectionsOf) {
        /**
         * The order number of the page equal to {@code page} in the kept build, or -1: looked for at its place first,
         * else by value.
         */
        int find(int index, SearchPage page, java.util.function.Supplier<java.util.Map<SearchPage, Integer>> byValue) {
            if (index < pages.length && page.equals(pages[index])) {
                return index; // the same string objects compare at once
            }
            if (index < pages.length && pages[index] != null && pages[index].url().equals(page.url())) {
                return -1; // the page at its place, changed: no other page of the last build can be it
            }
            Integer k = pages.length == 0 ? null : byValue.get().get(page);
            return k == null ? -1 : k;
        }

        java.util.Map<SearchPage, Integer> byValue() {
            java.util.Map<SearchPage, Integer> map = new java.util.HashMap<>();
            for (int k = 0; k < pages.length; k++) {
                if (pages[k] != null) {
                    map.put(pages[k], k);
                }
            }
            return map;
        }
    }

    /** A build's sections and the pairs mined from each, in order. */
    private record Mined(Section[] sections, List<List<List<String>>> pairs) {
    }

    /**
     * Loads what Korean analysis needs (Nori's dictionary, the slowest part of a cold start) ahead of time, so a
     * caller can do it on a spare core while pages are parsed and rendered. Idempotent.
     */
    public void warmUp() {
        loading = true;
        try {
            analysis.morphemes("한국어 형태소");
        } finally {
            loading = false;
        }
    }

    /**
     * Whether {@link #warmUp} is loading the dictionary now: a page analysed meanwhile waits for it, so a caller with
     * other work may index later instead of blocking its thread (and leaving a core idle).
     */
    public boolean loading() {
        return loading;
    }

    /**
     * An index built page by page: {@link Collector#add} sections and analyses a page as soon as it is rendered (on
     * any thread), keeping only compact term counts and the text snippets need, so the pages' HTML need not be held
     * until the end; {@link Collector#build} then lays out the index. Same files as {@link #build} given the added
     * pages in order.
     *
     * @param pages how many page slots there are (order numbers {@code 0..pages-1}); a slot never added is no page
     */
    public Collector collector(int pages) {
        return collector(pages, AnalysisCache.none());
    }

    /**
     * As {@link #collector(int)}, taking each text's analysis from {@code cache} when the previous build had the
     * same text, and recording every text's analysis in it for the next build.
     */
    public Collector collector(int pages, AnalysisCache cache) {
        return collector(pages, cache, false);
    }

    /**
     * As {@link #collector(int, AnalysisCache)}; {@code keep}: the indexer keeps what its next kept build can reuse
     * (serve): each page's analysed sections (a page equal to one of the last kept build's is not analysed again, and
     * its texts are not recorded in {@code cache}), the postings, the lexicon's entries and the fragment bundles, so
     * that after a one-page edit only that page is analysed and only the files its terms are in change.
     */
    public Collector collector(int pages, AnalysisCache cache, boolean keep) {
        return new Collector(pages, Objects.requireNonNull(cache, "cache"), keep ? lastPages : null);
    }

    /** See {@link #collector}. {@link #add} may be called concurrently, each order number once. */
    public final class Collector {
        private final java.util.concurrent.atomic.AtomicReferenceArray<List<Postings.Analyzed>> pages;
        private final java.util.Map<String, String> intern = new java.util.concurrent.ConcurrentHashMap<>();
        // Large sites repeat text across pages (shared intros, boilerplate): each repeat is analysed once.
        private final RepeatCache repeats = new RepeatCache(intern);
        private final java.util.function.Function<String, List<String>> analyse;
        /** The last kept build's pages, or {@code null} when this build keeps nothing. */
        private final Kept previous;
        /** This build's pages by order number, when it keeps them. */
        private final SearchPage[] added;
        private volatile java.util.Map<SearchPage, Integer> previousByValue;
        /**
         * Each page's sections, when this build keeps them: the site's list of sections is joined from these, where
         * reading each analysed section's own field cost a cache miss per section (60,000 at 10,000 pages).
         */
        private final java.util.concurrent.atomic.AtomicReferenceArray<List<Section>> sectionsOf;

        private Collector(int pages, AnalysisCache cache, Kept previous) {
            this.pages = new java.util.concurrent.atomic.AtomicReferenceArray<>(pages);
            this.analyse = text -> cache.terms(text, analysis::terms);
            this.previous = previous;
            this.added = previous == null ? null : new SearchPage[pages];
            this.sectionsOf = previous == null ? null : new java.util.concurrent.atomic.AtomicReferenceArray<>(pages);
        }

        /** Sections and analyses the page with order number {@code index}. */
        public void add(int index, SearchPage page) {
            Objects.requireNonNull(page, "page");
            if (previous != null) {
                added[index] = page;
                int same = previous.find(index, page, this::previousByValue);
                if (same >= 0) {
                    pages.set(index, previous.sections().get(same));
                    sectionsOf.set(index, previous.sectionsOf().get(same));
                    return;
                }
            }
            List<Postings.Analyzed> out = new ArrayList<>();
            // Sections of a page repeat its title and breadcrumb: analysed once per page, and forgotten with it.
            java.util.Map<String, List<String>> seen = new java.util.HashMap<>();
            for (Section s : sectioner.split(page)) {
                out.add(Postings.analyze(s, t -> seen.computeIfAbsent(t, x -> repeats.terms(x, analyse)), intern));
            }
            pages.set(index, out);
            if (sectionsOf != null) {
                sectionsOf.set(index, out.stream().map(Postings.Analyzed::section).toList());
            }
        }

        /** Built when pages came or went: most builds find every page at its place. */
        private java.util.Map<SearchPage, Integer> previousByValue() {
            java.util.Map<SearchPage, Integer> map = previousByValue;
            if (map == null) {
                synchronized (this) {
                    map = previousByValue;
                    if (map == null) {
                        previousByValue = map = previous.byValue();
                    }
                }
            }
            return map;
        }

        /** The index files of every page added, in order-number order; the same bytes whether kept or not. */
        public SearchIndex build() {
            List<Postings.Analyzed> all = new ArrayList<>(previous == null ? 16 : lastMined.sections().length + 64);
            List<List<Postings.Analyzed>> perPage = previous == null ? null : new ArrayList<>(pages.length());
            List<List<Section>> sectionsPerPage = previous == null ? null : new ArrayList<>(pages.length());
            List<Section> sections = new ArrayList<>(previous == null ? 16 : lastMined.sections().length + 64);
            for (int i = 0; i < pages.length(); i++) {
                List<Postings.Analyzed> p = pages.get(i);
                if (perPage != null) {
                    perPage.add(p);
                    List<Section> s = sectionsOf.get(i);
                    sectionsPerPage.add(s);
                    if (s != null) {
                        sections.addAll(s);
                    }
                }
                if (p != null) {
                    all.addAll(p);
                    pages.set(i, null);
                }
            }
            if (previous == null) {
                for (Postings.Analyzed a : all) {
                    sections.add(a.section());
                }
            }
            if (previous != null) {
                lastPages = new Kept(added, perPage, sectionsPerPage);
                synchronized (postingsMemo) {
                    Postings.Encoded encoded = postingsMemo.encoded(all);
                    return layOut(encoded, sections, true, postingsMemo.termsChanged());
                }
            }
            Postings.Encoded postings = Postings.encoded(all);
            all = null; // the term counts are no longer needed while the files are laid out
            return layOut(postings, sections, false, true);
        }
    }
}
