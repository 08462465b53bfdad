package dev.sd101.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cold command-line build as a user runs it, alternated run by run so that a noisy neighbour hurts all alike:
 * a first build three ways, {@code java -jar sd101.jar}, the launcher {@code generator/target/sd101} (its JVM flags
 * and the AppCDS archive made at package time) and the launcher without the archive ({@code SD101_CDS=off}); and a
 * rebuild of the same content by the launcher, its analysis cache warm. Wall and CPU time (user + system, from GNU
 * time) per run; medians. With a {@link FloorSetup}, also the floor under a first build: {@link LibraryFloor}'s
 * parts (Nori alone; flexmark and Pebble alone; both at once), each in a JVM with the launcher's options and an
 * archive of its own, alternated with the rest.
 *
 * <p>Then one launcher first build with the JVM's own counters saved at exit ({@code -XX:+PerfDataSaveToFile}, read back
 * with {@code jstat -snap}), its class-load log and {@code -v} (stage times), to print where a cold run's time goes:
 * JVM creation, up to the start of the build (command line, engine setup), class loading, static initialisers, JIT
 * compilation, GC, and each stage.
 */
final class ColdStart {
    private static final Path TIME = Path.of("/usr/bin/time");

    /**
     * One way of running the CLI: its command prefix, the build's arguments (when {@code cli}; else the command is
     * whole), options after them, and environment.
     */
    record Variant(String label, List<String> command, List<String> options, Map<String, String> env, boolean cli) {
        Variant(String label, List<String> command, List<String> options, Map<String, String> env) {
            this(label, command, options, env, true);
        }
    }

    /** How to start {@link LibraryFloor}: the launcher's JVM options (without its archive), a class path holding it, the document. */
    record FloorSetup(List<String> jvmOptions, String classPath, Path source) {
    }

    /** Medians of one variant, in nanoseconds; CPU {@code -1} when GNU time is not installed. */
    record Figures(String label, long wallNanos, long cpuNanos, List<Long> walls) {
    }

    /** Where one launcher run's time went (labels in order, nanoseconds) and the stage times the CLI printed. */
    record Breakdown(Map<String, Long> jvm, Map<String, Long> stages, long loadedClasses, long sharedClasses) {
    }

    /** The figures of every variant, and the breakdown ({@code null} when it could not be measured). */
    record Result(List<Figures> figures, Breakdown breakdown) {
        Figures get(String label) {
            return figures.stream().filter(f -> f.label().equals(label)).findFirst().orElse(null);
        }
    }

    static final String JAR = "java -jar";
    static final String LAUNCHER = "launcher";
    static final String LAUNCHER_NO_CDS = "launcher, no archive";
    static final String LAUNCHER_REBUILD = "launcher, rebuild (cache warm)";
    static final String FLOOR_NORI = "floor: Nori alone";
    static final String FLOOR_MARKUP = "floor: flexmark+Pebble alone";
    static final String FLOOR_BOTH = "floor: both, in parallel";
    /** A first build: no analysis cache read or written (the CLI keeps one by default). */
    private static final List<String> NO_CACHE = List.of("--no-cache");

    private final Path repo;
    private final Path work;

    ColdStart(Path repo, Path work) {
        this.repo = repo;
        this.work = work;
    }

    /** Whether the launcher was built (by {@code mvn package} of the generator). */
    boolean available() {
        return Files.isExecutable(launcher());
    }

    private Path launcher() {
        return launcher(repo);
    }

    /** The launcher that {@code mvn package} of the generator writes. */
    static Path launcher(Path repo) {
        return repo.resolve("generator/target/sd101");
    }

    /**
     * Runs each variant {@code repeat} times, alternated, then the breakdown run. Every variant but the rebuild is a
     * first build (no analysis cache); the rebuild's cache is filled by one run before the others start, so each of
     * its runs finds every text analysed, as a rebuild of unchanged content does. With {@code floor} (may be
     * {@code null}), the library floors too, each archive made by one run first as the launcher's is at package time.
     */
    Result measure(List<String> args, int repeat, FloorSetup floor) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Map<String, String> launcherEnv = Map.of("JAVA_HOME", System.getProperty("java.home"));
        Path cache = work.resolve("coldstart-cache");
        CorpusGenerator.deleteTree(cache);
        List<String> warmCache = List.of("--cache-dir", cache.toString());
        List<Variant> variants = new ArrayList<>(List.of(
                new Variant(JAR, List.of(java, "-jar", repo.resolve("generator/target/sd101.jar").toString()), NO_CACHE, Map.of()),
                new Variant(LAUNCHER, List.of(launcher().toString()), NO_CACHE, launcherEnv),
                new Variant(LAUNCHER_NO_CDS, List.of(launcher().toString()), NO_CACHE, with(launcherEnv, "SD101_CDS", "off")),
                new Variant(LAUNCHER_REBUILD, List.of(launcher().toString()), warmCache, launcherEnv)));
        run(command(variants.get(3), args), launcherEnv, null); // fills the rebuild's cache
        if (floor != null) {
            variants.add(floor(java, floor, "nori", FLOOR_NORI));
            variants.add(floor(java, floor, "markup", FLOOR_MARKUP));
            variants.add(floor(java, floor, "both", FLOOR_BOTH));
        }
        Map<String, List<long[]>> runs = new LinkedHashMap<>();
        int output = args.indexOf("--output");
        for (int i = 0; i < repeat; i++) {
            for (Variant v : variants) {
                if (v.cli() && output >= 0 && !v.label().equals(LAUNCHER_REBUILD)) {
                    // A first build into an empty folder, as Hugo's is timed (and the floor writes into its own):
                    // deleting the previous run's site is not part of it.
                    CorpusGenerator.deleteTree(Path.of(args.get(output + 1)));
                }
                runs.computeIfAbsent(v.label(), k -> new ArrayList<>()).add(run(command(v, args), v.env(), null));
            }
        }
        List<Figures> figures = new ArrayList<>();
        runs.forEach((label, rs) -> figures.add(new Figures(label,
                BuildBenchmark.median(rs.stream().map(r -> r[0]).toList()),
                BuildBenchmark.median(rs.stream().map(r -> r[1]).toList()),
                rs.stream().map(r -> r[0]).toList())));
        return new Result(figures, breakdown(args, launcherEnv));
    }

    /** A {@link LibraryFloor} variant, its class archive made by one run now (its own class path, its own classes). */
    private Variant floor(String java, FloorSetup floor, String mode, String label) throws IOException {
        Path archive = work.resolve("floor-" + mode + ".jsa");
        Path out = work.resolve("floor-" + mode + "-out");
        Files.deleteIfExists(archive);
        CorpusGenerator.deleteTree(out);
        List<String> tail = List.of("-cp", floor.classPath(), LibraryFloor.class.getName(), mode, floor.source().toString(),
                out.toString());
        List<String> train = new ArrayList<>(List.of(java));
        train.addAll(floor.jvmOptions());
        train.add("-XX:ArchiveClassesAtExit=" + archive);
        train.addAll(tail);
        run(train, Map.of(), null);
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(floor.jvmOptions());
        cmd.addAll(List.of("-Xshare:auto", "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off"));
        cmd.addAll(tail);
        return new Variant(label, cmd, List.of(), Map.of(), false);
    }

    private static List<String> command(Variant v, List<String> args) {
        List<String> cmd = new ArrayList<>(v.command());
        if (!v.cli()) {
            return cmd;
        }
        cmd.addAll(args);
        cmd.addAll(v.options());
        return cmd;
    }

    private Breakdown breakdown(List<String> args, Map<String, String> env) throws IOException {
        Path perf = work.resolve("coldstart.hsperf");
        Path classes = work.resolve("coldstart-classes.log");
        Files.deleteIfExists(perf);
        Files.deleteIfExists(classes);
        Map<String, String> e = with(env, "SD101_JAVA_OPTS", "-XX:+UsePerfData -XX:+PerfDataSaveToFile -XX:PerfDataSaveFile="
                + perf + " -Xlog:class+load:file=" + classes + ":uptime");
        List<String> cmd = new ArrayList<>(List.of(launcher().toString(), "-v"));
        cmd.addAll(args);
        cmd.addAll(NO_CACHE);
        StringBuilder output = new StringBuilder();
        long[] run = run(cmd, e, output);
        Path jstat = Path.of(System.getProperty("java.home"), "bin", "jstat");
        if (!Files.isRegularFile(perf) || !Files.isExecutable(jstat)) {
            return null;
        }
        Map<String, Long> c = counters(jstat, perf);
        double tick = 1e9 / c.getOrDefault("sun.os.hrt.frequency", 1_000_000_000L);
        Map<String, Long> jvm = new LinkedHashMap<>();
        jvm.put("process wall time", run[0]);
        if (run[1] >= 0) {
            jvm.put("process CPU time (user + system)", run[1]);
        }
        jvm.put("JVM creation (until the JVM runs Java code)",
                (c.getOrDefault("sun.rt.createVmEndTime", 0L) - c.getOrDefault("sun.rt.createVmBeginTime", 0L)) * 1_000_000);
        long main = uptime(classes, "dev.sd101.cli.Main ");
        long build = uptime(classes, "dev.sd101.content.SourceLoader ");
        if (main >= 0) {
            jvm.put("JVM start until main", main);
        }
        if (main >= 0 && build >= main) {
            jvm.put("main until the build starts (command line, engine setup)", build - main);
        }
        long clsTime = c.getOrDefault("sun.cls.time", 0L);
        long initSelf = c.getOrDefault("sun.cls.classInitTime.self", 0L);
        jvm.put("class loading, linking, verifying (all threads)", (long) ((clsTime - initSelf) * tick));
        jvm.put("static initialisers (all threads; Nori's dictionary loads here)", (long) (initSelf * tick));
        jvm.put("JIT compilation (compiler threads)", (long) ((c.getOrDefault("sun.ci.standardTime", 0L)
                + c.getOrDefault("sun.ci.osrTime", 0L)) * tick));
        long gc = 0;
        for (Map.Entry<String, Long> x : c.entrySet()) {
            if (x.getKey().matches("sun\\.gc\\.collector\\.\\d+\\.time")) {
                gc += x.getValue();
            }
        }
        jvm.put("GC pauses", (long) (gc * tick));
        Map<String, Long> stages = new LinkedHashMap<>();
        for (String line : output.toString().split("\n")) {
            if (line.startsWith("sd101: stage times:")) {
                for (String kv : line.substring("sd101: stage times:".length()).trim().split(" ")) {
                    int eq = kv.indexOf('=');
                    if (eq > 0 && kv.endsWith("ms")) {
                        stages.put(kv.substring(0, eq), Long.parseLong(kv.substring(eq + 1, kv.length() - 2)) * 1_000_000);
                    }
                }
            }
        }
        long loaded = c.getOrDefault("java.cls.loadedClasses", 0L);
        long shared = c.getOrDefault("java.cls.sharedLoadedClasses", 0L);
        return new Breakdown(jvm, stages, loaded + shared, shared);
    }

    /** Uptime at which a class was loaded, from an {@code -Xlog:class+load::uptime} log; {@code -1} if absent. */
    private static long uptime(Path log, String className) throws IOException {
        if (!Files.isRegularFile(log)) {
            return -1;
        }
        for (String line : Files.readAllLines(log)) {
            int close = line.indexOf("s] ");
            if (close > 1 && line.startsWith("[") && line.startsWith(className, close + 3)) {
                return (long) (Double.parseDouble(line.substring(1, close)) * 1e9);
            }
        }
        return -1;
    }

    private static Map<String, Long> counters(Path jstat, Path perf) throws IOException {
        Proc.Run r = Proc.run(List.of(jstat.toString(), "-J-Djstat.showUnsupported=true", "-snap", perf.toUri().toString()),
                perf.getParent());
        Map<String, Long> out = new HashMap<>();
        for (String line : r.output().split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && line.substring(eq + 1).strip().matches("-?\\d+")) {
                out.put(line.substring(0, eq).strip(), Long.parseLong(line.substring(eq + 1).strip()));
            }
        }
        return out;
    }

    /** Runs a command; returns {wall, cpu} nanoseconds (cpu {@code -1} without GNU time); fails on a non-zero exit. */
    private long[] run(List<String> command, Map<String, String> env, StringBuilder output) throws IOException {
        Path times = Files.createTempFile(work, "coldstart-time", ".txt");
        try {
            List<String> cmd = new ArrayList<>();
            boolean timed = Files.isExecutable(TIME);
            if (timed) {
                cmd.addAll(List.of(TIME.toString(), "-q", "-f", "%U %S", "-o", times.toString()));
            }
            cmd.addAll(command);
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(repo.toFile()).redirectErrorStream(true);
            pb.environment().putAll(env);
            long start = System.nanoTime();
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes());
            int exit = p.waitFor();
            long wall = System.nanoTime() - start;
            if (exit != 0) {
                throw new IOException(String.join(" ", command) + " failed (exit " + exit + "):\n" + out);
            }
            if (output != null) {
                output.append(out);
            }
            long cpu = -1;
            if (timed) {
                String[] t = Files.readString(times).strip().split("\\s+");
                if (t.length >= 2) {
                    cpu = (long) ((Double.parseDouble(t[t.length - 2]) + Double.parseDouble(t[t.length - 1])) * 1e9);
                }
            }
            return new long[]{wall, cpu};
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(times);
        }
    }

    private static Map<String, String> with(Map<String, String> env, String key, String value) {
        Map<String, String> m = new HashMap<>(env);
        m.put(key, value);
        return m;
    }

    /** Prints the figures and the breakdown under the README-ko report. */
    static void print(Result r, long peerNanos) {
        System.out.println("  cold command-line build (medians; CPU = user + system):");
        for (Figures f : r.figures()) {
            if (f.label().equals(FLOOR_NORI)) {
                System.out.println("  the libraries alone, a floor under a first build (LibraryFloor: the launcher's JVM options,"
                        + " an archive of its own):");
            }
            System.out.printf(Locale.ROOT, "    %-30s %s wall, %s CPU%s%n", f.label(), BuildBenchmark.secs(f.wallNanos()),
                    f.cpuNanos() < 0 ? "n/a" : BuildBenchmark.secs(f.cpuNanos()),
                    peerNanos > 0 ? "  " + BuildBenchmark.ratio(f.wallNanos(), peerNanos) + " of Hugo+Pagefind" : "");
        }
        Breakdown b = r.breakdown();
        if (b == null) {
            System.out.println("    (no breakdown: the JVM's counters could not be read)");
            return;
        }
        System.out.printf(Locale.ROOT, "  where one launcher run's time goes (%d classes, %d from the AppCDS/JDK archives;"
                + " thread times are summed over threads):%n", b.loadedClasses(), b.sharedClasses());
        b.jvm().forEach((k, v) -> System.out.printf(Locale.ROOT, "    %-66s %s%n", k, BuildBenchmark.secs(v)));
        b.stages().forEach((k, v) -> System.out.printf(Locale.ROOT, "    %-66s %s%n", "stage " + k, BuildBenchmark.secs(v)));
    }
}
