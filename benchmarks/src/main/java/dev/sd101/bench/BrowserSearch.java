package dev.sd101.bench;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Query time in a real browser: headless Chromium (through Selenium and chromedriver, as the browser tests start it)
 * on README-ko built by sd101 and, with {@code --peers}, the same content built by Hugo and indexed by Pagefind, each
 * served over HTTP on an ephemeral port ({@link BenchServer}). Timed inside the page with {@code performance.now()}:
 * sd101's engine called as the site's own box calls it, and Pagefind's {@code search(q)} plus loading the data of its
 * top 5 results, as Pagefind's UI does. Cold: one fresh document per query with the browser cache disabled, so the
 * query includes every index fetch (the engine's script is loaded first, untimed, as a page loads it); warm: every
 * query once, then {@link #ROUNDS} timed rounds in one page. Bytes are counted by the server (gzip as served, what
 * the page and Pagefind's web worker fetched).
 */
final class BrowserSearch {
    static final int ROUNDS = 10;
    /** The box's result count (search-ui.js) and Pagefind UI's first page of results. */
    private static final int SD101_LIMIT = 8;
    private static final int PAGEFIND_DATA = 5;

    /**
     * One engine's figures: milliseconds of each warm and cold query, the bytes (gzip as served) and requests each
     * cold query fetched, the bytes of the engine's script, the mean number of results.
     */
    record Engine(String name, double[] warm, double[] cold, long[] firstQueryBytes, long[] firstQueryRequests,
                  long scriptBytes, double results) {
        double warmP95() {
            return pct(warm, 0.95);
        }
    }

    /** Both engines on the same queries; {@code pagefind} is {@code null} without peers. */
    record Result(String browser, boolean isolated, int queries, List<String> sets, Engine sd101, Engine pagefind) {
    }

    /**
     * Selenium warns that it has no DevTools bindings for this Chromium; only raw CDP commands are used, which need
     * none. Held here so the level is not lost with a collected logger.
     */
    private static final Logger SELENIUM = Logger.getLogger("org.openqa.selenium");

    private BrowserSearch() {
    }

    static Path chromium() {
        return executable("SD101_CHROMIUM", "/usr/bin/chromium", "/usr/bin/chromium-browser");
    }

    private static Path chromedriver() {
        return executable("SD101_CHROMEDRIVER", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
    }

    /** Every query of the query sets that exist, in order (first column; blank and {@code #} lines skipped). */
    static List<String> queries(List<Path> sets) throws IOException {
        List<String> out = new ArrayList<>();
        for (Path set : sets) {
            for (String line : Files.readAllLines(set)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.split("\t")[0]);
                }
            }
        }
        return out;
    }

    static Result measure(Path sd101Site, Path pagefindSite, List<Path> sets, Path work) throws IOException {
        List<Path> present = sets.stream().filter(Files::isRegularFile).toList();
        List<String> queries = queries(present);
        ChromeDriver driver = start(work.resolve("chromium-profile"));
        try {
            driver.manage().timeouts().scriptTimeout(Duration.ofMinutes(10));
            String version = driver.getCapabilities().getBrowserVersion();
            Engine ours;
            boolean isolated;
            try (BenchServer server = new BenchServer(sd101Site)) {
                driver.get(server.origin() + BenchServer.PAGE);
                isolated = Boolean.TRUE.equals(driver.executeScript("return self.crossOriginIsolated"));
                ours = engine(driver, server, "sd101", SD101, queries);
            }
            Engine theirs = null;
            if (pagefindSite != null) {
                try (BenchServer server = new BenchServer(pagefindSite)) {
                    theirs = engine(driver, server, "Hugo + Pagefind", PAGEFIND, queries);
                }
            }
            return new Result("Chromium " + version, isolated, queries.size(),
                    present.stream().map(p -> p.getFileName().toString()).toList(), ours, theirs);
        } finally {
            driver.quit();
        }
    }

    private static Engine engine(ChromeDriver driver, BenchServer server, String name, String setUp,
                                 List<String> queries) throws IOException {
        String page = server.origin() + BenchServer.PAGE;
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
        double[] coldMs = new double[queries.size()];
        long[] bytes = new long[queries.size()];
        long[] requests = new long[queries.size()];
        long scripts = 0, results = 0;
        for (int i = 0; i < queries.size(); i++) {
            driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
            driver.get(page);
            server.takeCounts();
            check(driver.executeAsyncScript(setUp, SD101_LIMIT, PAGEFIND_DATA), name);
            scripts = server.takeCounts()[0];
            Map<?, ?> r = (Map<?, ?>) check(driver.executeAsyncScript(COLD, queries.get(i)), name);
            long[] fetched = server.takeCounts();
            coldMs[i] = ((Number) r.get("ms")).doubleValue();
            bytes[i] = fetched[0];
            requests[i] = fetched[1];
            results += ((Number) r.get("n")).longValue();
            if (((Number) r.get("cached")).longValue() > 0) {
                throw new IOException(name + ": a cold query was answered from the browser cache: " + queries.get(i));
            }
        }
        driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", false));
        driver.get(page);
        check(driver.executeAsyncScript(setUp, SD101_LIMIT, PAGEFIND_DATA), name);
        List<?> times = (List<?>) check(driver.executeAsyncScript(WARM, queries, ROUNDS), name);
        double[] warmMs = times.stream().mapToDouble(t -> ((Number) t).doubleValue()).toArray();
        return new Engine(name, warmMs, coldMs, bytes, requests, scripts, (double) results / queries.size());
    }

    private static Object check(Object answer, String name) throws IOException {
        if (answer instanceof Map<?, ?> m && m.containsKey("error")) {
            throw new IOException(name + " in the browser: " + m.get("error"));
        }
        return answer;
    }

    // Page scripts, run by executeAsyncScript (the callback is the last argument). The set-up scripts take
    // (sd101's limit, Pagefind's data count) and leave window.__search(q), resolving to the number of results.
    private static final String RUN = "const done = arguments[arguments.length - 1];"
            + "(async () => {%s})().then(done, (e) => done({ error: String(e && e.stack || e) }));";
    private static final String SD101 = String.format(RUN, ""
            + "await import('/assets/search-ui.js');" // the box, which imports the engine, as every page loads it
            + "const { EditionsSearch, SearchEngine } = await import('/assets/search-engine.js');"
            + "const limit = arguments[0];"
            + "const engine = new EditionsSearch(new SearchEngine(async (path) => {" // the box's loader (search-ui.js)
            + "  const response = await fetch(new URL(path, location.origin + '/'));"
            + "  if (!response.ok) throw new Error(path + ': HTTP ' + response.status);"
            + "  return response.text(); }), []);" // README-ko is a site of one edition
            + "window.__search = async (q) => (await engine.search(q, { limit, otherLimit: 5 })).results.length;");
    private static final String PAGEFIND = String.format(RUN, ""
            + "const pagefind = await import('/pagefind/pagefind.js');"
            + "const data = arguments[1];"
            + "window.__search = async (q) => { const r = await pagefind.search(q);"
            + "  await Promise.all(r.results.slice(0, data).map((x) => x.data())); return r.results.length; };");
    /** (query): one timed query; {@code cached} counts the page's fetches the HTTP cache answered (must be none). */
    private static final String COLD = String.format(RUN, "performance.setResourceTimingBufferSize(100000);"
            + "const t0 = performance.now(); const n = await window.__search(arguments[0]);"
            + "const ms = performance.now() - t0;"
            + "const cached = performance.getEntriesByType('resource').filter((e) => e.name.includes('/search/')"
            + "  && e.transferSize === 0).length;"
            + "return { ms, n, cached };");
    /** (queries, rounds): every query once, then each round timed query by query. */
    private static final String WARM = String.format(RUN, "const qs = arguments[0];"
            + "for (const q of qs) await window.__search(q);"
            + "const times = []; for (let r = 0; r < arguments[1]; r++) for (const q of qs) {"
            + "  const t0 = performance.now(); await window.__search(q); times.push(performance.now() - t0); }"
            + "return times;");

    static void print(Result r) {
        System.out.printf(Locale.ROOT, "%n== search in the browser: README-ko, %s headless, %d queries (%s), cold: one fresh"
                        + " page per query, cache off; warm: %d rounds; performance.now() %s%n", r.browser(), r.queries(),
                String.join(", ", r.sets()), ROUNDS, r.isolated() ? "cross-origin isolated (5 µs resolution)"
                        : "not isolated (100 µs resolution)");
        System.out.printf(Locale.ROOT, "  %-16s %-26s %-28s %-42s %s%n", "", "warm p50 / p95 / max", "cold p50 / p95 / max",
                "first query fetches (gzip), median files", "script");
        for (Engine e : new Engine[] {r.sd101(), r.pagefind()}) {
            if (e == null) {
                System.out.println("  Hugo + Pagefind  not measured: run with --peers");
                continue;
            }
            long[] b = e.firstQueryBytes().clone();
            Arrays.sort(b);
            long[] n = e.firstQueryRequests().clone();
            Arrays.sort(n);
            System.out.printf(Locale.ROOT, "  %-16s %-26s %-28s %-42s %s%n", e.name(), times(e.warm()), times(e.cold()),
                    BuildBenchmark.kb(b[b.length / 2]) + " median, " + BuildBenchmark.kb(b[b.length - 1]) + " max, "
                            + n[n.length / 2] + " files", BuildBenchmark.kb(e.scriptBytes()));
        }
        System.out.println("  (sd101: engine.search(q, {limit: " + SD101_LIMIT + "}) as the box calls it; Pagefind:"
                + " search(q) and data() of the top " + PAGEFIND_DATA + " as its UI loads them; cold includes every"
                + " index fetch, Pagefind's WebAssembly too, over loopback; the script is loaded before the clock starts;"
                + String.format(Locale.ROOT, " results per query, mean: sd101 %.1f", r.sd101().results())
                + (r.pagefind() == null ? "" : String.format(Locale.ROOT, ", Pagefind %.1f", r.pagefind().results())) + ")");
    }

    private static String times(double[] ms) {
        return String.format(Locale.ROOT, "%.2f / %.2f / %.2f ms", pct(ms, 0.5), pct(ms, 0.95),
                Arrays.stream(ms).max().orElse(0));
    }

    /** The p-th percentile as benchmark.mjs computes it (the element at floor(p·n) of the sorted values). */
    static double pct(double[] xs, double p) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length == 0 ? Double.NaN : s[Math.min(s.length - 1, (int) Math.floor(p * s.length))];
    }

    private static Path executable(String env, String... candidates) {
        String fromEnv = System.getenv(env);
        if (fromEnv != null && Files.isExecutable(Path.of(fromEnv))) {
            return Path.of(fromEnv);
        }
        for (String c : candidates) {
            if (Files.isExecutable(Path.of(c))) {
                return Path.of(c);
            }
        }
        return null;
    }

    /** Headless Chromium with the browser tests' flags; an error naming what is missing when it or its driver is not found. */
    private static ChromeDriver start(Path userData) throws IOException {
        Path chromium = chromium();
        Path driver = chromedriver();
        if (chromium == null || driver == null) {
            throw new IOException("Chromium or chromedriver not found (install Debian's chromium and chromium-driver,"
                    + " or set SD101_CHROMIUM / SD101_CHROMEDRIVER)");
        }
        SELENIUM.setLevel(Level.SEVERE);
        CorpusGenerator.deleteTree(userData);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=1440,1000", "--lang=ko-KR",
                "--user-data-dir=" + Files.createDirectories(userData).toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().withLogFile(new File(userData.toFile(), "chromedriver.log")).build();
        return new ChromeDriver(service, options);
    }
}
