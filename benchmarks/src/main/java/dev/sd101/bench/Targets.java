package dev.sd101.bench;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;

/**
 * The targets of the performance issue, each printed as pass or miss; a miss names the stage that holds the time.
 * Ratios are to Hugo + Pagefind measured in the same run; without {@code --peers}, to the reference figures
 * (measured on 2 cores), and the line says so.
 */
final class Targets {
    /** Per-page cost at 10,000 pages may be this much above the cost at 1,000 and still count as linear. */
    static final double LINEAR_SLACK = 1.25;
    /** The cold CLI build's target (issue 25): at most this many times the library floor measured in the same run. */
    static final double FLOOR_SLACK = 1.3;

    private final Map<String, BuildBenchmark.Report> reports;
    private final Map<String, String> failures;
    private final double refKo;
    private final double ref10k;
    private final String xmx;
    private ColdStart.Result coldStart;
    private BrowserSearch.Result search;

    /** Figures of {@link ServeProbe} (and {@link HugoServe}) by corpus name; empty when serve was not measured. */
    private final Map<String, Map<String, Long>> serve;

    Targets(Map<String, BuildBenchmark.Report> reports, Map<String, String> failures, double refKo, double ref10k, String xmx,
            Map<String, Map<String, Long>> serve) {
        this.serve = serve == null ? Map.of() : serve;
        this.reports = reports;
        this.failures = failures;
        this.refKo = refKo;
        this.ref10k = ref10k;
        this.xmx = xmx;
    }

    /** Adds the launcher's figures to the README-ko target ({@code null}: not measured). */
    Targets coldStart(ColdStart.Result r) {
        this.coldStart = r;
        return this;
    }

    /** Adds the query times in the browser ({@code null}: not measured). */
    Targets browserSearch(BrowserSearch.Result r) {
        this.search = r;
        return this;
    }

    void print() {
        System.out.println("\n== targets");
        BuildBenchmark.Report ko = reports.get("README-ko");
        if (ko != null) {
            double ours = ko.cliNanos() / 1e9;
            double theirs = ko.peer() != null ? ko.peer().wallNanos() / 1e9 : refKo;
            line(ours / theirs <= 2.0, String.format(Locale.ROOT, "README-ko cold CLI build with search ≤ 2.0× Hugo+Pagefind: "
                    + "%.3f s / %.3f s = %.2f×%s (with AppCDS %.3f s = %.2f×)", ours, theirs, ours / theirs, source(ko),
                    ko.cliCdsNanos() / 1e9, ko.cliCdsNanos() / 1e9 / theirs), ko);
        }
        ColdStart.Figures launcher = coldStart == null ? null : coldStart.get(ColdStart.LAUNCHER);
        if (ko != null && launcher != null) {
            double ours = launcher.wallNanos() / 1e9;
            double theirs = ko.peer() != null ? ko.peer().wallNanos() / 1e9 : refKo;
            System.out.println("  [" + (ours / theirs <= 2.0 ? "pass" : "MISS") + "] " + String.format(Locale.ROOT,
                    "README-ko cold CLI build by the launcher (generator/target/sd101): %.3f s / %.3f s = %.2f×%s;"
                            + " see the breakdown above for where the time goes", ours, theirs, ours / theirs, source(ko)));
            ColdStart.Figures rebuild = coldStart.get(ColdStart.LAUNCHER_REBUILD);
            if (rebuild != null) {
                // Not the target (a first build is): what a user's next run of unchanged content costs.
                System.out.println("  [info] " + String.format(Locale.ROOT, "README-ko CLI rebuild by the launcher, analysis"
                        + " cache warm (Nori not loaded): %.3f s / %.3f s = %.2f×", rebuild.wallNanos() / 1e9, theirs,
                        rebuild.wallNanos() / 1e9 / theirs));
            }
            ColdStart.Figures nori = coldStart.get(ColdStart.FLOOR_NORI);
            ColdStart.Figures markup = coldStart.get(ColdStart.FLOOR_MARKUP);
            ColdStart.Figures both = coldStart.get(ColdStart.FLOOR_BOTH);
            if (nori != null && markup != null && both != null) {
                // What no change to sd101's own code can go below: the libraries it must use, and nothing else.
                System.out.println("  [info] " + String.format(Locale.ROOT, "floor under that target, the libraries alone"
                        + " in a cold JVM with the launcher's options: Nori's analysis of README-ko %.3f s = %.2f×,"
                        + " flexmark + Pebble %.3f s = %.2f×, both in parallel (what a first build of Korean content"
                        + " needs) %.3f s = %.2f×", nori.wallNanos() / 1e9, nori.wallNanos() / 1e9 / theirs,
                        markup.wallNanos() / 1e9, markup.wallNanos() / 1e9 / theirs, both.wallNanos() / 1e9,
                        both.wallNanos() / 1e9 / theirs));
                // Issue 25's target for the cold start: near what the libraries alone take, measured in the same run.
                double floor = both.wallNanos() / 1e9;
                String cpu = launcher.cpuNanos() < 0 || both.cpuNanos() <= 0 ? "" : String.format(Locale.ROOT,
                        " (CPU %.3f s / %.3f s = %.2f×)", launcher.cpuNanos() / 1e9, both.cpuNanos() / 1e9,
                        (double) launcher.cpuNanos() / both.cpuNanos());
                System.out.println("  [" + (ours / floor <= FLOOR_SLACK ? "pass" : "MISS") + "] " + String.format(Locale.ROOT,
                        "README-ko cold CLI build by the launcher ≤ %.1f× the library floor (both in parallel): %.3f s / %.3f s"
                                + " = %.2f×%s", FLOOR_SLACK, ours, floor, ours / floor, cpu));
            }
        }
        BuildBenchmark.Report k10 = reports.get("synthetic-10000");
        shapes();
        if (failures.containsKey("synthetic-10000")) {
            System.out.println("  [MISS] linear growth 1,000 → 10,000 pages: not measurable, the 10,000-page build failed");
        }
        BuildBenchmark.Report k1 = reports.get("synthetic-1000");
        if (k1 != null && k10 != null) {
            double per1 = (double) k1.buildNanos() / k1.pages();
            double per10 = (double) k10.buildNanos() / k10.pages();
            double r = per10 / per1;
            line(r <= LINEAR_SLACK, String.format(Locale.ROOT, "linear growth 1,000 → 10,000 pages: per-page cost ratio %.2f "
                    + "(%.3f ms → %.3f ms per page; whole build %.2f× for %.1f× the pages; ≤ %.2f counts as linear)",
                    r, per1 / 1e6, per10 / 1e6, (double) k10.buildNanos() / k1.buildNanos(),
                    (double) k10.pages() / k1.pages(), LINEAR_SLACK), k10);
            for (Map.Entry<String, Long> e : k10.stages().entrySet()) {
                long a = k1.stages().get(e.getKey());
                System.out.printf(Locale.ROOT, "       %-8s %8.3f s → %8.3f s  (%.1f×)%n", e.getKey(), a / 1e9,
                        e.getValue() / 1e9, a == 0 ? 0 : (double) e.getValue() / a);
            }
        }
        printServe();
        printSearch();
    }

    /**
     * The serve targets: a one-page edit's rebuild at 10,000 pages (median, p90), a title rename there, the median at
     * 1,000 pages, README-ko's p90, each within {@code -Xmx} (the probe's heap), and no slower than {@code hugo server}'s
     * printed rebuild of the same edits when the peers ran.
     */
    private void printServe() {
        Map<String, Long> k10 = serve.get("synthetic-10000");
        if (k10 != null) {
            serveLine(k10.get("median") <= 100_000_000L, "serve 10,000 pages, one-page body edit median ≤ 100 ms", k10, "median");
            serveLine(k10.get("p90") <= 200_000_000L, "serve 10,000 pages, one-page body edit p90 ≤ 200 ms", k10, "p90");
            serveLine(k10.get("headingRename") <= 500_000_000L, "serve 10,000 pages, title rename ≤ 500 ms", k10, "headingRename");
            if (k10.containsKey("hugo.median")) {
                serveLine(k10.get("median") <= k10.get("hugo.median"), String.format(Locale.ROOT,
                        "serve 10,000 pages no slower than hugo server on the same edit: hugo %.0f ms (its printed time),"
                                + " title rename hugo %.0f ms", k10.get("hugo.median") / 1e6, k10.get("hugo.rename") / 1e6), k10, "median");
            }
        } else if (failures.containsKey("synthetic-10000")) {
            System.out.println("  [MISS] serve 10,000 pages: not measured, the build failed: " + failures.get("synthetic-10000"));
        }
        Map<String, Long> k1 = serve.get("synthetic-1000");
        if (k1 != null) {
            serveLine(k1.get("median") <= 50_000_000L, "serve 1,000 pages, one-page body edit median ≤ 50 ms", k1, "median");
            if (k1.containsKey("hugo.median")) {
                System.out.printf(Locale.ROOT, "  [info] hugo server 1,000 pages, same edits: median %.0f ms, p90 %.0f ms,"
                        + " title rename %.0f ms%n", k1.get("hugo.median") / 1e6, k1.get("hugo.p90") / 1e6, k1.get("hugo.rename") / 1e6);
            }
        }
        Map<String, Long> ko = serve.get("README-ko");
        if (ko != null) {
            serveLine(ko.get("p90") <= 100_000_000L, "serve README-ko one-page rebuild p90 ≤ 100 ms", ko, "p90");
        }
    }

    private void serveLine(boolean pass, String what, Map<String, Long> m, String figure) {
        System.out.printf(Locale.ROOT, "  [%s] %s within -Xmx%s: %.0f ms (median %.0f ms, p90 %.0f ms, first edit after"
                        + " start %.0f ms, rename %.0f ms)%n", pass ? "pass" : "MISS", what, xmx, m.get(figure) / 1e6,
                m.get("median") / 1e6, m.get("p90") / 1e6, m.get("firstEdit") / 1e6, m.get("headingRename") / 1e6);
        if (!pass) {
            m.entrySet().stream().filter(e -> e.getKey().startsWith("stage."))
                    .max(Comparator.comparingLong(Map.Entry::getValue))
                    .ifPresent(e -> System.out.printf(Locale.ROOT, "         time is held by: %s %.0f ms (median)%n",
                            e.getKey().substring(6), e.getValue() / 1e6));
        }
    }

    /** A first build's target at 1,000 and at 10,000 pages: a ratio to Hugo + Pagefind on the same corpus. */
    private static double limit(int pages) {
        return pages >= 10_000 ? 0.75 : 1.0;
    }

    /** The first-build target of every synthetic corpus built (each shape), or its failure. */
    private void shapes() {
        for (Map.Entry<String, BuildBenchmark.Report> e : reports.entrySet()) {
            BuildBenchmark.Report r = e.getValue();
            if (!e.getKey().startsWith("synthetic-") || (r.pages() < 1000)) {
                continue;
            }
            double ours = r.processNanos() / 1e9;
            boolean measured = r.peer() != null;
            double theirs = measured ? r.peer().wallNanos() / 1e9 : r.pages() >= 10_000 ? ref10k : Double.NaN;
            double max = limit(r.pages());
            String ratio = Double.isNaN(theirs) ? "n/a (run with --peers)" : String.format(Locale.ROOT, "%.2f×", ours / theirs);
            line(!Double.isNaN(theirs) && ours / theirs <= max, String.format(Locale.ROOT, "%s (%,d pages) first build ≤ %.2f×"
                    + " Hugo+Pagefind within -Xmx%s: %.2f s / %.2f s = %s%s, peak heap %s, largest page %s, %.0f links"
                    + " per page", e.getKey(), r.pages(), max, xmx, ours, theirs, ratio, source(r),
                    BuildBenchmark.mb(r.peakHeap()), BuildBenchmark.kb(r.sizes().pages().largestBytes()),
                    r.sizes().pages().meanLinks()), r);
        }
        failures.forEach((name, why) -> {
            if (name.startsWith("synthetic-")) {
                System.out.println("  [MISS] " + name + " within -Xmx" + xmx + ": the build failed: " + why);
            }
        });
    }

    /** The search target: a warm query's p95 in the browser on README-ko, Pagefind's beside it when measured. */
    private void printSearch() {
        if (search == null) {
            return;
        }
        double ours = search.sd101().warmP95();
        BrowserSearch.Engine pf = search.pagefind();
        System.out.printf(Locale.ROOT, "  [%s] search query p95 ≤ 2 ms in the browser (README-ko, %s, %d queries × %d"
                        + " warm rounds): %.2f ms%s; first query cold p95 %.2f ms%s%n", ours <= 2.0 ? "pass" : "MISS",
                search.browser(), search.queries(), BrowserSearch.ROUNDS, ours,
                pf == null ? " (Pagefind not measured; run with --peers)"
                        : String.format(Locale.ROOT, ", Hugo + Pagefind %.2f ms", pf.warmP95()),
                BrowserSearch.pct(search.sd101().cold(), 0.95),
                pf == null ? "" : String.format(Locale.ROOT, ", Pagefind %.2f ms", BrowserSearch.pct(pf.cold(), 0.95)));
    }

    private static String source(BuildBenchmark.Report r) {
        return r.peer() != null ? " (same run)" : " (peer figure from the issue; run with --peers to measure it here)";
    }

    private static void line(boolean pass, String text, BuildBenchmark.Report r) {
        System.out.println("  [" + (pass ? "pass" : "MISS") + "] " + text);
        if (!pass) {
            Map.Entry<String, Long> top = r.stages().entrySet().stream().max(Comparator.comparingLong(Map.Entry::getValue))
                    .orElseThrow();
            long jvm = r.processNanos() - r.buildNanos();
            System.out.printf(Locale.ROOT, "         time is held by: %s %.3f s (%.0f%% of the build); JVM start + class"
                            + " loading outside the build %.3f s%n", top.getKey(), top.getValue() / 1e9,
                    100.0 * top.getValue() / Math.max(1, r.buildNanos()), jvm / 1e9);
        }
    }
}
