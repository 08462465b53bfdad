package dev.sd101.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The whole-build benchmark command. For each corpus it prints pages, the wall time of the whole build, the time of
 * each stage, the peak heap, the output size, the search index size and the gzip bytes of a first search query; with
 * {@code --peers}, the same corpus built by Hugo + Pagefind, measured alternately with ours, and each figure as a
 * ratio; then the targets of the performance issue with pass or miss, naming the stage that holds the time.
 *
 * <p>Every build runs in a fresh JVM ({@link BuildProbe}, with the launcher's JVM options and {@code -Xmx}), so numbers
 * are cold, as a CI build is.
 * The README-ko corpus is also built by the CLI jar exactly as a user runs it, with and without an AppCDS archive,
 * and by the launcher {@code generator/target/sd101} with and without its archive ({@link ColdStart}), with a
 * breakdown of where a cold run's time goes.
 *
 * <pre>{@code
 * mvn -Pbench -pl benchmarks -am verify -DskipTests [-Dbench.args="--corpora ko,1000,10000 --repeat 3 --peers"]
 * }</pre>
 * Options: {@code --corpora ko,1000,10000} (ko = content/README-ko.md; a number = a synthetic corpus of that many
 * pages), {@code --docs <folder>} (also benchmark a folder of your own as it is), {@code --seed-docs <folder>} (make
 * the synthetic corpora from your own docs instead of README-ko), {@code --seed <n>}, {@code --repeat <n>},
 * {@code --xmx 512m}, {@code --peers}, {@code --shared <folder>} (the shared test data, for the editions line:
 * the upstream English README and README-ko built as one site, and the public search query set; default
 * {@code ../shared/sd101}), {@code --search-only} (README-ko built once by each side, then only the search query
 * times in the browser, {@link BrowserSearch}, and their target).
 */
public final class BuildBenchmark {
    /** Stages as the pipeline names them, with the labels the report uses. */
    private static final String[][] STAGES = {{"load", "load"}, {"parse", "parse"}, {"plan", "plan"},
            {"link", "link check"}, {"render", "render"}, {"index", "search index"}, {"verify", "site check"},
            {"write", "write"}};
    private static final String IMAGES = "https://raw.githubusercontent.com/ByteByteGoHq/system-design-101/"
            + "fb0fc45374b3c159ccd82207ef02ece0dc755f14/images/";
    /** Every shape of synthetic corpus at 1,000 and 10,000 pages, as {@code --corpora all-shapes} asks. */
    static final String ALL_SHAPES = "1000,small-1000,deep-1000,10000,small-10000,deep-10000";
    /** Reference figures from the issue (2 cores), used for targets only when --peers is off. */
    private static final double REF_KO_PEER_S = 0.18;
    private static final double REF_10K_PEER_S = 8.4;

    /** One-page edits per serve measure (each in another article or file). */
    private static final int SERVE_EDITS = 40;

    private final Path repo;
    private final Path work;
    private final Options opt;
    private final Map<String, Report> reports = new LinkedHashMap<>();
    /** The launcher's JVM options per command, read once from its dry run. */
    private final Map<String, List<String>> launcherOptions = new HashMap<>();
    /** The probe's own class-data archive (see {@link #probeArchive}), once made; empty when the launcher has none. */
    private List<String> probeArchive;
    /** README-ko's cold CLI build by java -jar and by the launcher, with its breakdown; null until measured. */
    private ColdStart.Result coldStart;

    record Options(List<String> corpora, Path docs, Path seedDocs, long seed, int repeat, String xmx, boolean peers,
                   Path shared, boolean searchOnly) {
    }

    /** A corpus to build: the source, its content root, language and split level. */
    record Corpus(String name, Path source, Path root, String lang, int splitLevel, String imageBaseUrl) {
    }

    /** Medians of one corpus. */
    record Report(Corpus corpus, int pages, long processNanos, long buildNanos, Map<String, Long> stages, long peakHeap,
                  long peakRss, SiteMeasure.Sizes sizes, long cliNanos, long cliCdsNanos, Peers.Result peer,
                  Rebuild rebuild) {
    }

    /** A rebuild of unchanged content with the analysis cache the previous build left: process wall, its index stage. */
    record Rebuild(long processNanos, long indexNanos, long cacheBytes) {
    }

    BuildBenchmark(Path repo, Path work, Options opt) {
        this.repo = repo;
        this.work = work;
        this.opt = opt;
    }

    public static void main(String[] args) throws IOException {
        List<String> a = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--line")) { // one Maven property carrying several options
                a.addAll(Arrays.asList(args[++i].trim().split("\\s+")));
            } else {
                a.add(args[i]);
            }
        }
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < a.size(); i++) {
            String k = a.get(i);
            if (k.isEmpty()) {
                continue;
            }
            if (k.equals("--peers") || k.equals("--search-only")) {
                o.put(k, "true");
            } else if (k.startsWith("--") && i + 1 < a.size()) {
                o.put(k, a.get(++i));
            } else {
                System.err.println("unknown argument: " + k);
                System.exit(2);
            }
        }
        Path repo = Path.of(o.getOrDefault("--repo", ".")).toAbsolutePath().normalize();
        Path work = Path.of(o.getOrDefault("--work", repo.resolve("benchmarks/target/bench").toString())).toAbsolutePath();
        Options opt = new Options(List.of(o.getOrDefault("--corpora", "ko,1000,10000").replace("all-shapes", ALL_SHAPES).split(",")),
                o.containsKey("--docs") ? Path.of(o.get("--docs")).toAbsolutePath() : null,
                o.containsKey("--seed-docs") ? Path.of(o.get("--seed-docs")).toAbsolutePath() : null,
                Long.parseLong(o.getOrDefault("--seed", "101")), Integer.parseInt(o.getOrDefault("--repeat", "3")),
                o.getOrDefault("--xmx", "512m"), o.containsKey("--peers"),
                o.containsKey("--shared") ? Path.of(o.get("--shared")).toAbsolutePath() : null, o.containsKey("--search-only"));
        new BuildBenchmark(repo, work, opt).run();
    }

    void run() throws IOException {
        Files.createDirectories(work);
        Peers peers = opt.peers() ? new Peers(work) : null;
        System.out.printf(Locale.ROOT, "sd101 build benchmark: %d cores, java %s, -Xmx%s, %d repeat(s)%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), opt.xmx(), opt.repeat());
        System.out.println("JVM options of the probes, as the launcher runs generate: " + launcherOptions("generate")
                + "; serve: " + launcherOptions("serve"));
        if (peers != null) {
            peers.install();
            System.out.println("peers: " + peers.versions());
        }
        if (opt.searchOnly()) {
            searchOnly(peers);
            return;
        }
        Map<String, String> failures = new LinkedHashMap<>();
        for (Corpus c : corpora()) {
            try {
                Report r = measure(c, peers);
                reports.put(c.name(), r);
                print(r);
                if (coldStart != null && c.name().equals("README-ko")) {
                    ColdStart.print(coldStart, r.peer() != null ? r.peer().wallNanos() : (long) (REF_KO_PEER_S * 1e9));
                }
            } catch (IOException e) {
                // A build that fails (say, out of memory within -Xmx) is a result to report, not the end of the run.
                String[] lines = String.valueOf(e.getMessage()).strip().split("\n");
                String why = lines[lines.length - 1];
                for (String line : lines) {
                    if (line.contains("Error") || line.startsWith("Exception")) {
                        why = line.strip();
                        break;
                    }
                }
                failures.put(c.name(), why);
                System.out.printf(Locale.ROOT, "%n== %s: FAILED: %s%n", c.name(), why);
            }
        }
        // serve on README-ko and, where they were built, on 1,000 and 10,000 pages (how a one-page rebuild scales),
        // with hugo server's own rebuild of the same edits beside the synthetic ones when the peers run.
        Map<String, Map<String, Long>> serve = new LinkedHashMap<>();
        for (Report r : List.copyOf(reports.values())) {
            String name = r.corpus().name();
            if (name.equals("README-ko") || name.equals("synthetic-1000") || name.equals("synthetic-10000")) {
                serve.put(name, measureServe(r.corpus(), peers));
            }
        }
        measureEditions();
        BrowserSearch.Result search = reports.containsKey("README-ko") ? browserSearch(peers) : null;
        new Targets(reports, failures, REF_KO_PEER_S, REF_10K_PEER_S, opt.xmx(), serve).coldStart(coldStart)
                .browserSearch(search).print();
    }

    /** README-ko built once by the CLI (and by the peers), then only the query times in the browser and their target. */
    private void searchOnly(Peers peers) throws IOException {
        Corpus ko = new Corpus("README-ko", repo.resolve("content/README-ko.md"), repo, "ko", 0, IMAGES);
        Proc.checked(cli(ko, work.resolve("site-README-ko"), null), repo);
        if (peers != null) {
            peers.build(peers.convert(ko.name(), ko.source()));
        }
        new Targets(Map.of(), Map.of(), REF_KO_PEER_S, REF_10K_PEER_S, opt.xmx(), null).browserSearch(browserSearch(peers))
                .print();
    }

    /**
     * {@link BrowserSearch} on the README-ko sites the run built, over the query sets: the public one (shared test
     * data, when present), the hard and the expansion set; {@code null} (with the reason) when no browser runs.
     */
    private BrowserSearch.Result browserSearch(Peers peers) {
        Path sets = repo.resolve("generator/src/test/resources/search");
        Path shared = shared();
        try {
            BrowserSearch.Result r = BrowserSearch.measure(work.resolve("site-README-ko"),
                    peers == null ? null : peers.publicDir("README-ko"), List.of(shared.resolve("search-queries.tsv"),
                            sets.resolve("hard-queries.tsv"), sets.resolve("expansion-queries.tsv")), work);
            BrowserSearch.print(r);
            return r;
        } catch (IOException | RuntimeException e) {
            // No Chromium, or a browser that fails: the build figures above still stand.
            System.out.println("\n== search in the browser: not measured: " + e.getMessage());
            return null;
        }
    }

    /** The shared test data: {@code --shared}, default {@code ../shared/sd101} beside the repository. */
    private Path shared() {
        return opt.shared() != null ? opt.shared() : repo.resolve("../shared/sd101").normalize();
    }

    /**
     * Language editions: the upstream English README (shared test data: {@code --shared}, default
     * {@code ../shared/sd101} beside the repository) and README-ko built as one site, in fresh JVMs; skipped with a
     * line when the data is absent.
     */
    private void measureEditions() throws IOException {
        Path shared = shared();
        if (!Files.isRegularFile(shared.resolve("upstream/README.md"))) {
            System.out.printf(Locale.ROOT, "%n== editions: skipped (no upstream README in %s; --shared <dir>)%n", shared);
            return;
        }
        List<Map<String, Long>> probes = new ArrayList<>();
        List<Long> process = new ArrayList<>();
        for (int i = 0; i < opt.repeat(); i++) {
            Proc.Run run = Proc.checked(jvm("generate", EditionsProbe.class, shared.toString(), repo.toString(), work.toString()), repo);
            probes.add(parse(run.output()));
            process.add(run.wallNanos());
        }
        long wall = median(probes.stream().map(p -> p.get("wall")).toList());
        System.out.printf(Locale.ROOT, "%n== editions: upstream English README + README-ko as one site, %d pages, %d files%n",
                probes.get(0).get("pages"), probes.get(0).get("files"));
        row("whole build, process (JVM start included)", secs(median(process)), null);
        row("whole build, in the JVM", secs(wall), null);
        for (String[] st : STAGES) {
            long n = median(probes.stream().map(p -> p.getOrDefault("stage." + st[0], 0L)).toList());
            row("  " + st[1], secs(n), String.format(Locale.ROOT, "%.0f%%", 100.0 * n / Math.max(1, wall)));
        }
    }

    /**
     * {@link ServeProbe} on a corpus in a fresh JVM (within {@code -Xmx}): medians over the repeats of each figure;
     * for a folder, with {@code peers}, also {@link HugoServe} on its Hugo copy ({@code hugo.*} figures).
     */
    private Map<String, Long> measureServe(Corpus c, Peers peers) throws IOException {
        List<Map<String, Long>> runs = new ArrayList<>();
        for (int i = 0; i < opt.repeat(); i++) {
            runs.add(parse(Proc.checked(jvm("serve", ServeProbe.class, c.source().toString(), c.lang(),
                    c.imageBaseUrl() == null ? "" : c.imageBaseUrl(), Integer.toString(SERVE_EDITS),
                    Integer.toString(c.splitLevel())), repo).output()));
        }
        boolean one = Files.isRegularFile(c.source());
        Map<String, Long> m = new LinkedHashMap<>();
        for (String k : runs.get(0).keySet()) {
            m.put(k, median(runs.stream().map(r -> r.getOrDefault(k, 0L)).toList()));
        }
        System.out.printf(Locale.ROOT, "%n== serve: one-page rebuilds of %s (%d pages) in one warm engine (%d edits, each"
                + " in another %s)%n", c.name(), m.get("pages"), m.get("edits"), one ? "article" : "file");
        row("first build", secs(m.get("first")), null);
        row("rebuild after the first edit", secs(m.get("firstEdit")), "least warm");
        row("rebuild after each later edit, median", secs(m.get("median")), "p90 " + secs(m.get("p90")));
        for (String[] s : STAGES) {
            Long n = m.get("stage." + s[0]);
            if (n != null && !s[0].equals("write")) {
                row("  " + s[1], secs(n), null);
            }
        }
        row("rebuild after a heading rename", secs(m.get("headingRename")), one ? "every page's navigation changes"
                : "a file's title: the navigation that lists it changes");
        if (peers != null && !one) {
            List<HugoServe.Result> hugo = new ArrayList<>();
            for (int i = 0; i < opt.repeat(); i++) {
                hugo.add(HugoServe.measure(c.source(), peers.convert(c.name(), c.source()), SERVE_EDITS));
            }
            m.put("hugo.median", median(hugo.stream().map(HugoServe.Result::median).toList()));
            m.put("hugo.p90", median(hugo.stream().map(HugoServe.Result::p90).toList()));
            m.put("hugo.rename", median(hugo.stream().map(HugoServe.Result::rename).toList()));
            peers.convert(c.name(), c.source()); // the edited copy is no longer the corpus
            row("hugo server, same edits, median (its printed rebuild time)", secs(m.get("hugo.median")),
                    "p90 " + secs(m.get("hugo.p90")));
            row("hugo server, same title rename", secs(m.get("hugo.rename")), null);
        }
        return m;
    }

    private List<Corpus> corpora() throws IOException {
        List<Corpus> out = new ArrayList<>();
        for (String name : opt.corpora()) {
            if (name.equals("ko")) {
                out.add(new Corpus("README-ko", repo.resolve("content/README-ko.md"), repo, "ko", 0, IMAGES));
            } else {
                // "1000" or "wide-1000": few large sections; "small-1000", "deep-1000": the other shapes.
                int dash = name.lastIndexOf('-');
                CorpusGenerator.Shape shape = dash < 0 ? CorpusGenerator.Shape.WIDE : CorpusGenerator.Shape.of(name.substring(0, dash));
                int pages = Integer.parseInt(name.substring(dash + 1));
                String label = shape == CorpusGenerator.Shape.WIDE ? Integer.toString(pages) : shape.id + "-" + pages;
                Path dir = work.resolve("corpus-" + label);
                long t = System.nanoTime();
                Path seedFrom = opt.seedDocs() != null ? opt.seedDocs() : repo.resolve("content/README-ko.md");
                new CorpusGenerator(CorpusGenerator.seedArticles(seedFrom), opt.seed(), shape).write(dir, pages);
                System.out.printf(Locale.ROOT, "generated %s (%d pages, %s shape, seed %d) in %.1f s%n", dir.getFileName(),
                        pages, shape.id, opt.seed(), (System.nanoTime() - t) / 1e9);
                out.add(new Corpus("synthetic-" + label, dir, dir, "ko", -1, IMAGES));
            }
        }
        if (opt.docs() != null) {
            out.add(new Corpus("docs", opt.docs(), opt.docs(), "en", 0, null));
        }
        return out;
    }

    private Report measure(Corpus c, Peers peers) throws IOException {
        Path out = work.resolve("site-" + c.name());
        Path hugo = peers == null ? null : peers.convert(c.name(), c.source());
        boolean ko = c.name().equals("README-ko");
        Path jsa = work.resolve("sd101-cli.jsa");
        if (ko) {
            Files.deleteIfExists(jsa); // AppCDS: a dynamic archive of the classes one CLI build loads (JDK 13+)
            Proc.checked(cli(c, out, "-XX:ArchiveClassesAtExit=" + jsa), repo);
        }
        List<Map<String, Long>> probes = new ArrayList<>();
        List<Long> process = new ArrayList<>(), rss = new ArrayList<>(), cliRuns = new ArrayList<>(), cdsRuns = new ArrayList<>();
        List<Peers.Result> peerRuns = new ArrayList<>();
        for (int i = 0; i < opt.repeat(); i++) {
            // Alternate ours and theirs so that a noisy neighbour hurts both alike. Each side builds into an empty
            // folder (Peers.build deletes Hugo's before its build): deleting the previous site is not timed for either.
            CorpusGenerator.deleteTree(out);
            Proc.Run run = Proc.checked(probe(c, out), repo);
            probes.add(parse(run.output()));
            process.add(run.wallNanos());
            rss.add(run.peakRss());
            if (peers != null) {
                peerRuns.add(peers.build(hugo));
            }
            if (ko) {
                CorpusGenerator.deleteTree(out);
                cliRuns.add(Proc.checked(cli(c, out, null), repo).wallNanos());
                CorpusGenerator.deleteTree(out);
                cdsRuns.add(Proc.checked(cli(c, out, "-XX:SharedArchiveFile=" + jsa), repo).wallNanos());
            }
        }
        Rebuild rebuild = rebuild(c, out);
        ColdStart launcher = new ColdStart(repo, work);
        if (ko && launcher.available()) {
            // After the probes: the launcher, its archive and java -jar, alternated among themselves.
            coldStart = launcher.measure(cliArgs(c, out), Math.max(opt.repeat(), 3), new ColdStart.FloorSetup(
                    launcherOptions("generate"), LibraryFloor.packaged(work) + java.io.File.pathSeparator
                    + repo.resolve("generator/target/sd101.jar"), c.source()));
        }
        Map<String, Long> stages = new LinkedHashMap<>();
        for (String[] s : STAGES) {
            stages.put(s[0], median(probes.stream().map(p -> p.getOrDefault("stage." + s[0], 0L)).toList()));
        }
        SiteMeasure.Sizes sizes = SiteMeasure.measure(out, out.resolve("search"), repo);
        Peers.Result peer = peerRuns.isEmpty() ? null : peerRuns.stream()
                .sorted((x, y) -> Long.compare(x.wallNanos(), y.wallNanos())).toList().get(peerRuns.size() / 2);
        return new Report(c, probes.get(0).get("pages").intValue(), median(process),
                median(probes.stream().map(p -> p.get("wall")).toList()), stages,
                median(probes.stream().map(p -> p.get("peakHeap")).toList()), median(rss), sizes,
                cliRuns.isEmpty() ? -1 : median(cliRuns), cdsRuns.isEmpty() ? -1 : median(cdsRuns), peer, rebuild);
    }

    /**
     * The rebuild figure: a probe build with an empty analysis cache folder fills it, then the median of
     * {@code repeat} probe builds that each find the previous build's file (the figures above are all first builds).
     */
    private Rebuild rebuild(Corpus c, Path out) throws IOException {
        Path cache = work.resolve("cache-" + c.name());
        CorpusGenerator.deleteTree(cache);
        Proc.checked(probe(c, out, cache), repo);
        List<Long> process = new ArrayList<>(), index = new ArrayList<>();
        for (int i = 0; i < opt.repeat(); i++) {
            Proc.Run run = Proc.checked(probe(c, out, cache), repo);
            process.add(run.wallNanos());
            index.add(parse(run.output()).getOrDefault("stage.index", 0L));
        }
        long bytes = Files.size(cache.resolve(dev.sd101.search.AnalysisCache.FILE_NAME));
        return new Rebuild(median(process), median(index), bytes);
    }

    private List<String> probe(Corpus c, Path out) throws IOException {
        return probe(c, out, null);
    }

    /** A probe build; with {@code cache}, keeping the analysis cache there (else a first build, none). */
    private List<String> probe(Corpus c, Path out, Path cache) throws IOException {
        return probeJvm(c.source().toString(), c.root().toString(), out.toString(), c.lang(),
                Integer.toString(c.splitLevel()), c.imageBaseUrl() == null ? "" : c.imageBaseUrl(),
                cache == null ? "" : cache.toString());
    }

    /** A {@link BuildProbe} command: as {@link #jvm}, on a class path of jars (the CLI's own and the probe's) and its archive. */
    private List<String> probeJvm(String... args) throws IOException {
        List<String> archive = probeArchive();
        List<String> cmd = jvm("generate", BuildProbe.class, args);
        if (!archive.isEmpty()) {
            int cp = cmd.indexOf("-cp");
            cmd.set(cp + 1, probeClassPath());
            cmd.addAll(cp, archive);
        }
        return cmd;
    }

    /**
     * The probe's class alone in a jar, then the CLI's jar (which holds every library): a dynamic class-data archive
     * refuses a class path with a non-empty folder, such as this module's classes.
     */
    private String probeClassPath() throws IOException {
        Path jar = work.resolve("build-probe.jar");
        String name = BuildProbe.class.getName().replace('.', '/') + ".class";
        try (java.io.InputStream in = BuildProbe.class.getClassLoader().getResourceAsStream(name);
             java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            if (in == null) {
                throw new IOException(name + " not found on the class path");
            }
            out.putNextEntry(new java.util.jar.JarEntry(name));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar + java.io.File.pathSeparator + repo.resolve("generator/target/sd101.jar");
    }

    /**
     * The launcher maps the classes of a build from the archive made at package time; the probe runs on another class
     * path, where that archive does not apply, and loaded (and verified) every class from its jars, a cost the CLI
     * does not pay. So the probe gets an archive of its own, made the same way: one probe build of the launcher's
     * training sample with {@code -XX:ArchiveClassesAtExit}. None when the launcher has no archive (nor then the CLI).
     */
    private List<String> probeArchive() throws IOException {
        if (probeArchive != null) {
            return probeArchive;
        }
        Path training = repo.resolve("generator/src/main/launcher/training.md");
        if (!Files.isRegularFile(repo.resolve("generator/target/sd101.jsa")) || !Files.isRegularFile(training)) {
            return probeArchive = List.of();
        }
        Path jsa = work.resolve("probe.jsa");
        Path site = work.resolve("probe-training-site");
        Files.deleteIfExists(jsa);
        List<String> train = jvm("generate", BuildProbe.class, training.toString(), training.getParent().toString(),
                site.toString(), "ko", "0", "https://example.com/images/", work.resolve("probe-training-cache").toString());
        int cp = train.indexOf("-cp");
        train.set(cp + 1, probeClassPath());
        train.add(cp, "-XX:ArchiveClassesAtExit=" + jsa);
        CorpusGenerator.deleteTree(work.resolve("probe-training-cache"));
        Proc.Run trained = Proc.run(train, repo);
        CorpusGenerator.deleteTree(site);
        probeArchive = trained.exit() == 0 && Files.isRegularFile(jsa)
                ? List.of("-Xshare:auto", "-XX:SharedArchiveFile=" + jsa, "-Xlog:cds=off", "-Xlog:cds+dynamic=off")
                : List.of();
        System.out.println("probe class-data archive: " + (probeArchive.isEmpty() ? "none (could not be made)" : jsa));
        return probeArchive;
    }

    /**
     * A probe's command: a fresh JVM with the options the launcher gives {@code command} (so the figures are those of
     * the CLI as the README tells users to run it), then {@code -Xmx}, the probe class and its arguments.
     */
    private List<String> jvm(String command, Class<?> main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(javaBin()));
        cmd.addAll(launcherOptions(command));
        cmd.addAll(List.of("-Xmx" + opt.xmx(), "-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /**
     * The JVM options the launcher runs {@code command} with, as its dry run prints them, without those of its class
     * archive (made for the jar alone, not the probe's class path); none when the launcher was not built.
     */
    private List<String> launcherOptions(String command) throws IOException {
        List<String> cached = launcherOptions.get(command);
        if (cached != null) {
            return cached;
        }
        List<String> options = new ArrayList<>();
        Path launcher = ColdStart.launcher(repo);
        if (Files.isExecutable(launcher)) {
            List<String> printed = Proc.checked(List.of("env", "-u", "SD101_JAVA_OPTS", "SD101_DRY_RUN=1",
                    "JAVA_HOME=" + System.getProperty("java.home"), launcher.toString(), command), repo).output().lines().toList();
            for (String a : printed.subList(1, printed.indexOf("-jar"))) {
                if (!a.startsWith("-Xshare") && !a.startsWith("-XX:SharedArchiveFile") && !a.startsWith("-Xlog:cds")) {
                    options.add(a);
                }
            }
        } else {
            System.out.println("note: " + launcher + " not built; probes run with the JVM's default options");
        }
        launcherOptions.put(command, List.copyOf(options));
        return options;
    }

    private List<String> cli(Corpus c, Path out, String jvmFlag) {
        List<String> cmd = new ArrayList<>(List.of(javaBin()));
        if (jvmFlag != null) {
            cmd.add(jvmFlag);
        }
        cmd.addAll(List.of("-Xshare:auto", "-jar", repo.resolve("generator/target/sd101.jar").toString(), "generate",
                "--source", c.source().toString(), "--root", c.root().toString(), "--output", out.toString(),
                "--lang", c.lang(), "--split-level", Integer.toString(c.splitLevel()), "--no-cache"));
        if (c.imageBaseUrl() != null) {
            cmd.addAll(List.of("--image-base-url", c.imageBaseUrl()));
        }
        return cmd;
    }

    /** The CLI arguments of a corpus' build, after the command that starts the CLI. */
    private static List<String> cliArgs(Corpus c, Path out) {
        List<String> args = new ArrayList<>(List.of("generate", "--source", c.source().toString(), "--root", c.root().toString(),
                "--output", out.toString(), "--lang", c.lang(), "--split-level", Integer.toString(c.splitLevel())));
        if (c.imageBaseUrl() != null) {
            args.addAll(List.of("--image-base-url", c.imageBaseUrl()));
        }
        return args;
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Map<String, Long> parse(String output) throws IOException {
        for (String line : output.split("\n")) {
            if (line.startsWith("PROBE ")) {
                Map<String, Long> m = new HashMap<>();
                for (String kv : line.substring(6).trim().split(" ")) {
                    int eq = kv.indexOf('=');
                    m.put(kv.substring(0, eq), Long.parseLong(kv.substring(eq + 1)));
                }
                return m;
            }
        }
        throw new IOException("no PROBE line in:\n" + output);
    }

    static long median(List<Long> xs) {
        List<Long> s = xs.stream().sorted().toList();
        return s.isEmpty() ? -1 : s.get(s.size() / 2);
    }

    private void print(Report r) {
        System.out.printf(Locale.ROOT, "%n== %s: %d pages (%s)%n", r.corpus().name(), r.pages(), r.corpus().source());
        row("whole build, process (JVM start included)", secs(r.processNanos()), r.peer() == null ? null
                : ratio(r.processNanos(), r.peer().wallNanos()) + " of Hugo+Pagefind " + secs(r.peer().wallNanos())
                + " (hugo " + secs(r.peer().hugoNanos()) + ", pagefind " + secs(r.peer().pagefindNanos()) + ")");
        row("whole build, in the JVM", secs(r.buildNanos()), null);
        if (r.rebuild() != null) {
            row("rebuild, unchanged, analysis cache warm", secs(r.rebuild().processNanos()), (r.peer() == null ? ""
                    : ratio(r.rebuild().processNanos(), r.peer().wallNanos()) + " of Hugo+Pagefind; ") + "index stage "
                    + secs(r.rebuild().indexNanos()) + ", cache file " + mb(r.rebuild().cacheBytes()));
        }
        for (String[] s : STAGES) {
            long n = r.stages().get(s[0]);
            row("  " + s[1], secs(n), String.format(Locale.ROOT, "%.0f%%", 100.0 * n / Math.max(1, r.buildNanos())));
        }
        if (r.cliNanos() >= 0) {
            row("CLI java -jar, cold", secs(r.cliNanos()), r.peer() == null ? null : ratio(r.cliNanos(), r.peer().wallNanos()));
            row("CLI java -jar with AppCDS archive", secs(r.cliCdsNanos()), r.peer() == null ? null : ratio(r.cliCdsNanos(), r.peer().wallNanos()));
        }
        row("peak heap (before-GC high-water mark)", mb(r.peakHeap()), null);
        row("peak RSS of the build process", mb(r.peakRss()), r.peer() == null ? null
                : ratio(r.peakRss(), r.peer().peakRss()) + " of " + mb(r.peer().peakRss()));
        SiteMeasure.Sizes z = r.sizes();
        row("output size", mb(z.outputBytes()) + " in " + z.outputFiles() + " files",
                r.peer() == null ? null : ratio(z.outputBytes(), r.peer().outputBytes()) + " of " + mb(r.peer().outputBytes()));
        row("largest page", kb(z.pages().largestBytes()) + " (" + z.pages().largest() + ")",
                r.peer() == null ? null : "Hugo's " + kb(r.peer().pages().largestBytes()));
        row("links per page", String.format(Locale.ROOT, "%.0f mean, %d max", z.pages().meanLinks(), z.pages().maxLinks()),
                r.peer() == null ? null : String.format(Locale.ROOT, "Hugo's %.0f mean, %d max", r.peer().pages().meanLinks(),
                        r.peer().pages().maxLinks()));
        row("search index size", kb(z.indexBytes()) + " raw, " + kb(z.indexGzip()) + " gzip",
                r.peer() == null ? null : "Pagefind index " + kb(r.peer().indexBytes()) + " (already compressed)");
        row("first search query downloads (gzip)", z.firstQueryMaxGzip() < 0 ? "not measured (needs node)"
                : kb(z.firstQueryMedianGzip()) + " median, " + kb(z.firstQueryMaxGzip()) + " max", null);
    }

    private static void row(String label, String value, String note) {
        System.out.printf(Locale.ROOT, "  %-44s %-22s %s%n", label, value, note == null ? "" : note);
    }

    static String secs(long nanos) {
        return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
    }

    static String mb(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    static String kb(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }

    static String ratio(long ours, long theirs) {
        return theirs <= 0 || ours < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f×", (double) ours / theirs);
    }
}
