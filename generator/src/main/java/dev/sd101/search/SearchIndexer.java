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
    /** The last {@link #build}'s pages and their analysed sections, reused for equal pages by the next. */
    private volatile Kept lastPages = new Kept(List.of(), List.of());
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
        Objects.requireNonNull(disk, "disk");
        analysis.nextBuild();
        // Compact per-section term arrays and postings encoded term by term: a large site never holds an
        // object per posting (10,000 pages have millions).
        java.util.Map<String, String> intern = new java.util.HashMap<>();
        Kept previous = lastPages;
        java.util.Map<SearchPage, List<Postings.Analyzed>> byPage = null;
        List<List<Postings.Analyzed>> perPage = new ArrayList<>(pages.size());
        List<Postings.Analyzed> analyzed = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            SearchPage page = Objects.requireNonNull(pages.get(i), "page");
            // A page equal to one of the previous build's (serve, after an edit elsewhere) has the same sections:
            // looked for at its place first (the same string objects compare at once), by value only when pages
            // came or went.
            List<Postings.Analyzed> sections = i < previous.pages().size() && previous.pages().get(i).equals(page)
                    ? previous.sections().get(i) : null;
            if (sections == null) {
                if (byPage == null) {
                    byPage = new java.util.HashMap<>();
                    for (int k = 0; k < previous.pages().size(); k++) {
                        byPage.put(previous.pages().get(k), previous.sections().get(k));
                    }
                }
                sections = byPage.get(page);
            }
            if (sections == null) {
                sections = new ArrayList<>();
                for (Section s : sectioner.split(page)) {
                    sections.add(Postings.analyze(s, t -> analysis.terms(t, disk), intern));
                }
            }
            perPage.add(sections);
            analyzed.addAll(sections);
        }
        Kept next = new Kept(List.copyOf(pages), perPage);
        lastPages = next;
        List<Section> kept = analyzed.stream().map(Postings.Analyzed::section).toList();
        // Only an indexer that keeps pages between builds (serve) keeps what scoring and laying out can reuse.
        synchronized (postingsMemo) {
            Postings.Encoded encoded = postingsMemo.encoded(analyzed);
            return layOut(encoded, kept, true, postingsMemo.termsChanged());
        }
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
            if (pairs == null) {
                if (byIdentity == null) {
                    byIdentity = new java.util.IdentityHashMap<>();
                    for (int k = 0; k < before.sections().length; k++) {
                        byIdentity.put(before.sections()[k], before.pairs().get(k));
                    }
                }
                pairs = byIdentity.get(now[i]);
                if (pairs == null) {
                    misses.add(i);
                } else {
                    samePairs &= i < before.pairs().size() && pairs.equals(before.pairs().get(i));
                }
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
        java.util.Map<String, byte[]> files = new java.util.TreeMap<>(ClientIndexWriter.writeEncoded(extended, sections, bundles,
                keep ? layoutMemo : null));
        files.putAll(lexical.vocabulary());
        return new SearchIndex(files, sections.size(), postings.terms().length);
    }

    /** What the lexicon made of a build's terms and mined pairs: its entries and the typo word lists. */
    private record Lexical(Postings.Encoded entries, java.util.Map<String, byte[]> vocabulary) {
    }

    /** A build's pages and each one's analysed sections, in order. */
    private record Kept(List<SearchPage> pages, List<List<Postings.Analyzed>> sections) {
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
        analysis.nextBuild();
        return new Collector(pages, Objects.requireNonNull(cache, "cache"));
    }

    /** See {@link #collector}. {@link #add} may be called concurrently, each order number once. */
    public final class Collector {
        private final java.util.concurrent.atomic.AtomicReferenceArray<List<Postings.Analyzed>> pages;
        private final java.util.Map<String, String> intern = new java.util.concurrent.ConcurrentHashMap<>();
        // Large sites repeat text across pages (shared intros, boilerplate): each repeat is analysed once.
        private final RepeatCache repeats = new RepeatCache(intern);
        private final java.util.function.Function<String, List<String>> analyse;

        private Collector(int pages, AnalysisCache cache) {
            this.pages = new java.util.concurrent.atomic.AtomicReferenceArray<>(pages);
            this.analyse = text -> cache.terms(text, analysis::termsUncached);
        }

        /** Sections and analyses the page with order number {@code index}. */
        public void add(int index, SearchPage page) {
            List<Postings.Analyzed> out = new ArrayList<>();
            // Sections of a page repeat its title and breadcrumb: analysed once per page, and forgotten with it.
            java.util.Map<String, List<String>> seen = new java.util.HashMap<>();
            for (Section s : sectioner.split(Objects.requireNonNull(page, "page"))) {
                out.add(Postings.analyze(s, t -> seen.computeIfAbsent(t, x -> repeats.terms(x, analyse)), intern));
            }
            pages.set(index, out);
        }

        /** The index files of every page added, in order-number order; byte-identical to {@link SearchIndexer#build}. */
        public SearchIndex build() {
            List<Postings.Analyzed> all = new ArrayList<>();
            for (int i = 0; i < pages.length(); i++) {
                List<Postings.Analyzed> p = pages.get(i);
                if (p != null) {
                    all.addAll(p);
                    pages.set(i, null);
                }
            }
            List<Section> sections = all.stream().map(Postings.Analyzed::section).toList();
            Postings.Encoded postings = Postings.encoded(all);
            all = null; // the term counts are no longer needed while the files are laid out
            return layOut(postings, sections, false, true);
        }
    }
}
