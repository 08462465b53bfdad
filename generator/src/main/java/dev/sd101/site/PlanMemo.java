package dev.sd101.site;

import dev.sd101.Problem;
import dev.sd101.SiteConfig;
import dev.sd101.content.Source;
import dev.sd101.markdown.Document;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What planning keeps between the builds of one engine ({@code serve}): the script language detected in each
 * source's text, the costliest part of planning a large site (every character of every file is looked at), reused
 * for a source whose text is unchanged; and the last plan itself, which a rebuild whose changed documents keep their
 * shape ({@link SitePlanner}: what decides pages, titles, order and ids) takes over with the new documents in place.
 * Only the latest build's are kept.
 */
public final class PlanMemo {
    /**
     * A plan and what it was made of.
     *
     * @param shapes    per document (in {@code documents}' order) what its pages depend on, made when first needed
     * @param planned   the collections' problems (the rest of the site's are the language notes)
     * @param decisions per document path its language decision
     */
    record Last(SiteConfig config, List<Document> documents, Object[] shapes, SiteModel site, List<Problem> planned,
                Map<String, PageLanguages.Decision> decisions) {
    }

    private volatile Last lastPlan;
    private volatile boolean reshaped;
    private volatile Set<String> reIded = Set.of();

    Last lastPlan() {
        return lastPlan;
    }

    void lastPlan(Last plan, boolean reusedShape, Set<String> reIded) {
        lastPlan = plan;
        reshaped = reusedShape;
        this.reIded = Set.copyOf(reIded);
    }

    /**
     * Whether the latest plan was the previous one with changed documents in place: every page and the order as they
     * were, every id too but in the documents {@link #reIded} names, and every title but those of retitled one-page
     * documents (and with the home page's, the site's), so what is keyed by pages (their paths) stands, and what is
     * keyed by ids stands for the other documents.
     */
    public boolean reusedShape() {
        return reshaped;
    }

    /**
     * The paths of the documents whose heading ids the latest plan taken over found changed (a heading renamed; a
     * front matter title changes none).
     */
    public Set<String> reIded() {
        return reIded;
    }

    private volatile Map<Source, Optional<String>> last = Map.of();
    private final Map<Source, Optional<String>> next = new ConcurrentHashMap<>();

    /** The language detected in {@code source}'s Markdown, {@code null} for none: the previous build's when equal. */
    String detected(Source source, java.util.function.Function<String, String> detect) {
        Optional<String> d = last.get(source);
        if (d == null) {
            d = Optional.ofNullable(detect.apply(source.markdown()));
        }
        next.put(source, d);
        return d.orElse(null);
    }

    /** Ends a plan: its detections become the ones the next plan reuses. */
    void commit() {
        last = Map.copyOf(next);
        next.clear();
    }
}
