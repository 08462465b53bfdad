package dev.sd101.cli;

import dev.sd101.BuildException;
import dev.sd101.BuildResult;
import dev.sd101.LinkFix;
import dev.sd101.OutOfMemory;
import dev.sd101.Preview;
import dev.sd101.Problem;
import dev.sd101.Sd101;
import dev.sd101.SiteConfig;
import dev.sd101.cli.Args.Option;
import dev.sd101.markdown.Heading;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The command line: {@code java -jar sd101.jar <generate|check|anchors|serve> …}. Exit codes: 0 when the
 * site was written (or the check passed), 1 when the build or check failed, 2 on a usage error.
 */
public final class Main {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final Option HELP = Option.flag("Show this help message and exit.", "-h", "--help");
    private static final Option VERSION = Option.flag("Print version information and exit.", "-V", "--version");
    private static final Option VERBOSE = Option.flag("Print stack traces of errors, and the time of each build stage.",
            "-v", "--verbose");
    /** Options every command takes, after its own. */
    private static final List<Option> COMMON = List.of(VERBOSE, HELP, VERSION);

    /** A command: its name, one-line description, arguments, options, and what it does. */
    private record Command(String name, String description, String arguments, List<Option> options, int positionals,
                           Action action) {
    }

    @FunctionalInterface
    private interface Action {
        int run(Main main, Args args) throws Args.UsageException, InterruptedException;
    }

    private static final Map<String, Command> COMMANDS = commands();
    /** How a user of the CLI gives the JVM a larger heap: the launcher's variable, or java's own option. */
    private static final String[] HEAP_SETTINGS = {"SD101_JAVA_OPTS=-Xmx%s (the sd101 launcher)", "java -Xmx%s -jar sd101.jar"};

    /** The environment: {@code GITHUB_ACTIONS=true} adds workflow annotations to the report. */
    private final Map<String, String> env;
    private final PrintWriter out;
    private final PrintWriter err;
    private boolean verbose;
    /** The engine, when {@link #run} started building it ahead of the command (see {@link #startEngine}). */
    private java.util.concurrent.FutureTask<Sd101> engine;

    private Main(Map<String, String> env, PrintWriter out, PrintWriter err) {
        this.env = Map.copyOf(env);
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        // A worker thread that the heap running out ends would print its stack trace as it dies (and a class whose
        // initialiser it broke, a NoClassDefFoundError at each later use); the build that waited for the worker
        // reports the error as a sentence. This process is the CLI's own, so the handler is ours to set.
        Thread mainThread = Thread.currentThread();
        Thread.UncaughtExceptionHandler printing = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            boolean heap = OutOfMemory.causedBy(e) || (e instanceof NoClassDefFoundError
                    && String.valueOf(e.getMessage()).startsWith("Could not initialize class"));
            if (heap && thread == mainThread) {
                System.err.println("error: out of memory; raise the heap: SD101_JAVA_OPTS=-Xmx1g (the sd101 launcher)"
                        + " / java -Xmx1g -jar sd101.jar");
            } else if (printing != null && !heap) {
                printing.uncaughtException(thread, e);
            } else if (!heap) { // as the JVM prints it (its thread group would call this handler again)
                System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                e.printStackTrace(System.err);
            }
        });
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /** Runs a command line; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, System.getenv());
    }

    /** Runs a command line in the given environment; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
        Main main = new Main(env, out, err);
        main.startEngine(args);
        try {
            return main.execute(Arrays.asList(args));
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int execute(List<String> argv) {
        // Options before the command: -v (which every command also takes), -h and -V for sd101 itself.
        int i = 0;
        Args global;
        while (i < argv.size() && argv.get(i).startsWith("-") && !argv.get(i).equals("--")) {
            i++;
        }
        try {
            global = Args.parse(COMMON, argv.subList(0, i), 0);
        } catch (Args.UsageException e) {
            return usageError(e.getMessage(), "sd101");
        }
        verbose = global.flag("--verbose");
        if (global.flag("--help")) {
            out.print(usage());
            return OK;
        }
        if (global.flag("--version")) {
            out.println("sd101 " + Sd101.VERSION);
            return OK;
        }
        if (i == argv.size()) {
            err.print(usage());
            return USAGE;
        }
        Command command = COMMANDS.get(argv.get(i));
        if (command == null) {
            return usageError("Unknown command: '" + argv.get(i) + "' (commands: " + String.join(", ", COMMANDS.keySet()) + ")", "sd101");
        }
        List<Option> options = new ArrayList<>(command.options());
        options.addAll(COMMON);
        Args args;
        try {
            args = Args.parse(options, argv.subList(i + 1, argv.size()), command.positionals());
        } catch (Args.UsageException e) {
            return usageError(e.getMessage(), "sd101 " + command.name());
        }
        verbose |= args.flag("--verbose");
        if (args.flag("--help")) {
            out.print(usage(command));
            return OK;
        }
        if (args.flag("--version")) {
            out.println("sd101 " + Sd101.VERSION);
            return OK;
        }
        try {
            return command.action().run(this, args);
        } catch (Args.UsageException e) {
            return usageError(e.getMessage(), "sd101 " + command.name());
        } catch (OutOfMemory e) {
            return failed("error: " + e.advice(HEAP_SETTINGS), e, FAILED);
        } catch (Error e) {
            if (!OutOfMemory.causedBy(e)) {
                throw e;
            }
            // Outside the engine's front door (its start, the report): the same sentence.
            OutOfMemory oom = OutOfMemory.of(e);
            return failed("error: " + oom.advice(HEAP_SETTINGS), oom, FAILED);
        } catch (BuildException e) {
            return failed("error: " + e.getMessage(), e, FAILED);
        } catch (IllegalArgumentException e) {
            return failed("error: " + e.getMessage(), e, USAGE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("error: interrupted", e, FAILED);
        } catch (RuntimeException e) {
            if (OutOfMemory.causedBy(e)) {
                OutOfMemory oom = OutOfMemory.of(e);
                return failed("error: " + oom.advice(HEAP_SETTINGS), oom, FAILED);
            }
            return failed("error: " + e, e, FAILED);
        }
    }

    /** A usage error: the message, and where the usage is (the whole of it would bury the message). */
    private int usageError(String message, String help) {
        err.println("error: " + message);
        err.println("Run '" + help + " --help' for the options.");
        return USAGE;
    }

    private int failed(String message, Exception e, int code) {
        err.println(message);
        if (verbose) {
            e.printStackTrace(err);
        }
        return code;
    }

    private static Map<String, Command> commands() {
        List<Option> config = ConfigOptions.OPTIONS;
        List<Option> cache = List.of(
                Option.value("<dir>", "Where the search analysis of the site's texts is kept, so that a rebuild"
                        + " analyses only what changed (default: a folder per output folder under $XDG_CACHE_HOME/sd101,"
                        + " else ~/.cache/sd101).", "--cache-dir"),
                Option.flag("Neither read nor write the analysis cache.", "--no-cache"));
        List<Option> generate = new ArrayList<>(config);
        generate.addAll(cache);
        List<Option> check = new ArrayList<>(ConfigOptions.CHECK);
        check.add(Option.flag("First rewrite, in the sources, each link whose suggested fix is unambiguous"
                + " (printed as file:line: old → new); ambiguous ones are left alone.", "--fix"));
        List<Option> serve = new ArrayList<>(config);
        serve.addAll(cache);
        serve.add(Option.value("<port>", "Port on 127.0.0.1 (default: 8000; 0 = any free port).", "-p", "--port"));
        Map<String, Command> c = new LinkedHashMap<>();
        c.put("generate", new Command("generate", "Build the site into the output folder.", "", generate, 0, Main::generate));
        c.put("check", new Command("check", "Check every link, anchor and image as GitHub resolves them; exit 1 on an error.",
                "", check, 0, Main::check));
        c.put("anchors", new Command("anchors", "Print each heading of a Markdown file: line, level, GitHub id and text,"
                + " tab-separated.", " <file.md>", List.of(), 1, Main::anchors));
        c.put("serve", new Command("serve", "Build, serve on 127.0.0.1 and rebuild on every change; open pages reload"
                + " by themselves.\nThe output folder is written whole at start, then only the files that change.", "",
                serve, 0, Main::serve));
        return java.util.Collections.unmodifiableMap(c);
    }

    /**
     * For a build command, starts building the engine (flexmark's parser and renderer, their extensions, the
     * secure random of the block marker: about a tenth of a cold run) on a second thread while the arguments are
     * parsed on this one. Daemon: a usage error or {@code --help} never waits for it.
     */
    private void startEngine(String[] args) {
        for (String a : args) {
            if (a.equals("generate") || a.equals("check")) {
                engine = new java.util.concurrent.FutureTask<>(Sd101::new);
                Thread t = new Thread(engine, "sd101-engine");
                t.setDaemon(true);
                t.start();
                return;
            }
        }
    }

    /** The engine of this run: the one started ahead of the command, or a new one. */
    private Sd101 engine() throws InterruptedException {
        if (engine == null) {
            return new Sd101();
        }
        try {
            return engine.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Prints the problems to {@code err}; on GitHub Actions also as workflow commands to {@code out}, where
     * the runner picks them up as annotations on the pull request.
     */
    private void report(BuildResult result) {
        for (Problem p : result.problems()) {
            err.println(p.format());
        }
        if ("true".equals(env.get("GITHUB_ACTIONS"))) {
            for (Problem p : result.problems()) {
                out.println(p.githubAnnotation());
            }
        }
        err.flush();
        out.flush();
    }

    /** The config with the analysis cache {@code --cache-dir} and {@code --no-cache} ask for (by default, the user's). */
    private SiteConfig withCache(SiteConfig config, Args args) throws Args.UsageException {
        Path cacheDir = args.path("--cache-dir");
        if (args.flag("--no-cache")) {
            return config;
        }
        if (cacheDir != null) {
            try {
                return config.withCacheDirectory(cacheDir);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--cache-dir (" + e.getMessage() + ")", e);
            }
        }
        Path cache = CacheFolder.of(config.outputDirectory(), env);
        // A site written into the cache folder itself (~/.cache/...) gets no cache.
        return cache == null || cache.startsWith(config.outputDirectory()) ? config : config.withCacheDirectory(cache);
    }

    private int generate(Args args) throws Args.UsageException, InterruptedException {
        SiteConfig config = withCache(ConfigOptions.toConfig(args), args);
        BuildResult r = engine().generate(config);
        report(r);
        if (!r.written()) {
            err.println("error: " + (r.problems().size() - r.count(dev.sd101.Severity.NOTE))
                    + " problem(s) in strict mode; the site was not written");
            return FAILED;
        }
        out.printf(Locale.ROOT, "sd101: %d pages, %d files written to %s in %d ms%s%n", r.pages(), r.files(),
                r.outputDirectory(), r.millis(), r.count(dev.sd101.Severity.WARNING) == 0 ? "" : " (" + r.count(dev.sd101.Severity.WARNING) + " warnings)");
        if (verbose) {
            // Where the build's time went, for a cold-start breakdown (the benchmark reads this line).
            StringBuilder stages = new StringBuilder("sd101: stage times:");
            r.stageNanos().forEach((k, v) -> stages.append(' ').append(k).append('=').append(v / 1_000_000).append("ms"));
            err.println(stages);
        }
        return OK;
    }

    private int check(Args args) throws Args.UsageException, InterruptedException {
        Sd101 sd101 = engine();
        SiteConfig config = ConfigOptions.toConfig(args);
        if (args.flag("--fix")) {
            List<LinkFix> fixes = sd101.fix(config);
            for (LinkFix f : fixes) {
                out.println(f.format());
            }
            out.printf(Locale.ROOT, "sd101 check --fix: %d link(s) rewritten%n", fixes.size());
        }
        BuildResult r = sd101.check(config);
        report(r);
        long errors = r.count(dev.sd101.Severity.ERROR);
        long warnings = r.count(dev.sd101.Severity.WARNING);
        out.printf(Locale.ROOT, "sd101 check: %d error(s), %d warning(s)%n", errors, warnings);
        // strict as resolved: an option, or the site config file.
        return errors > 0 || (config.strict() && warnings > 0) ? FAILED : OK;
    }

    private int anchors(Args args) throws Args.UsageException {
        if (args.positionals().isEmpty()) {
            throw new Args.UsageException("Missing required parameter: '<file.md>'");
        }
        Path file;
        try {
            file = Path.of(args.positionals().get(0));
        } catch (java.nio.file.InvalidPathException e) {
            throw new Args.UsageException("Invalid value for parameter '<file.md>': " + e.getMessage());
        }
        for (Heading h : new Sd101().anchors(file)) {
            out.println(h.line() + "\t" + h.level() + "\t" + h.id() + "\t" + h.text());
        }
        return OK;
    }

    private int serve(Args args) throws Args.UsageException, InterruptedException {
        Integer p = args.integer("--port");
        int port = p == null ? 8000 : p;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0..65535, not " + port);
        }
        SiteConfig config = withCache(ConfigOptions.toConfig(args), args);
        Preview server = Sd101.serve(config, port, out);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "sd101-stop"));
        server.awaitStop();
        return OK;
    }

    /** sd101's own usage: its commands and options. */
    private static String usage() {
        StringBuilder b = new StringBuilder("Usage: sd101 [-hvV] <command> [options]\n")
                .append("Static documentation sites from GitHub-style Markdown.\n\nCommands:\n");
        for (Command c : COMMANDS.values()) {
            b.append(String.format(Locale.ROOT, "  %-10s%s%n", c.name(), c.description().lines().findFirst().orElse("")));
        }
        b.append("\nOptions:\n");
        options(b, COMMON);
        return b.append("\nRun 'sd101 <command> --help' for a command's options.\n").toString();
    }

    /** A command's usage: its arguments and every option, wrapped to 100 columns. */
    private static String usage(Command c) {
        StringBuilder b = new StringBuilder("Usage: sd101 ").append(c.name()).append(" [options]").append(c.arguments())
                .append('\n').append(c.description()).append("\n\nOptions:\n");
        List<Option> all = new ArrayList<>(c.options());
        all.addAll(COMMON);
        options(b, all);
        return b.toString();
    }

    private static void options(StringBuilder b, List<Option> options) {
        int width = 0;
        for (Option o : options) {
            width = Math.max(width, synopsis(o).length());
        }
        String indent = " ".repeat(width + 4);
        for (Option o : options) {
            String help = o.help() + (o.required() ? " Required." : "");
            StringBuilder line = new StringBuilder("  ").append(synopsis(o));
            line.append(" ".repeat(width + 4 - line.length()));
            for (String word : help.split(" ")) {
                if (line.length() + 1 + word.length() > 100 && line.length() > indent.length()) {
                    b.append(line.toString().stripTrailing()).append('\n');
                    line = new StringBuilder(indent);
                }
                if (line.length() > indent.length()) {
                    line.append(' ');
                }
                line.append(word);
            }
            b.append(line).append('\n');
        }
    }

    /** Long options line up whether or not there is a short one: {@code -s, --source} and {@code     --root}. */
    private static String synopsis(Option o) {
        return (o.names().get(0).startsWith("--") ? "    " : "") + o.synopsis();
    }
}
