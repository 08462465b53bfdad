package dev.sd101.cli;

import dev.sd101.BuildException;
import dev.sd101.BuildResult;
import dev.sd101.Problem;
import dev.sd101.Sd101;
import dev.sd101.SiteConfig;
import dev.sd101.link.LinkFixer;
import dev.sd101.markdown.Heading;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The command line: {@code java -jar sd101.jar <generate|check|anchors|serve> …}. Exit codes: 0 when the
 * site was written (or the check passed), 1 when the build or check failed, 2 on a usage error.
 */
@Command(name = "sd101", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Static documentation sites from GitHub-style Markdown.",
        subcommands = {Main.Generate.class, Main.Check.class, Main.Anchors.class, Main.Serve.class})
public final class Main implements Callable<Integer> {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    /** The environment: {@code GITHUB_ACTIONS=true} adds workflow annotations to the report. */
    private final Map<String, String> env;
    /** The engine, when {@link #run} started building it ahead of the command (see {@link #startEngine}). */
    private java.util.concurrent.FutureTask<Sd101> engine;

    Main(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Option(names = {"-v", "--verbose"}, scope = CommandLine.ScopeType.INHERIT, description = "Print stack traces of errors, and the time of each build stage.")
    boolean verbose;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /** Runs a command line; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, System.getenv());
    }

    /** Runs a command line in the given environment; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
        Main main = new Main(env);
        main.startEngine(args);
        CommandLine cli = new CommandLine(main);
        cli.setOut(out).setErr(err);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            boolean verbose = cmd.getCommandSpec().root().userObject() instanceof Main m && m.verbose;
            if (e instanceof BuildException) {
                err.println("error: " + e.getMessage());
            } else if (e instanceof IllegalArgumentException) {
                err.println("error: " + e.getMessage());
                return USAGE;
            } else {
                err.println("error: " + e);
            }
            if (verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return FAILED;
        });
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("error: " + e.getMessage());
            e.getCommandLine().usage(err);
            return USAGE;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.err);
        return USAGE;
    }

    /**
     * For a build command, starts building the engine (flexmark's parser and renderer, their extensions, the
     * secure random of the block marker: about a tenth of a cold run) on a second thread while picocli builds its
     * command model and parses the arguments on this one. Daemon: a usage error or {@code --help} never waits for it.
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
    static Sd101 engine(CommandLine.Model.CommandSpec spec) {
        if (spec.root().userObject() instanceof Main m && m.engine != null) {
            try {
                return m.engine.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the engine was built", e);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
        return new Sd101();
    }

    /**
     * Prints the problems to {@code err}; on GitHub Actions also as workflow commands to {@code out}, where
     * the runner picks them up as annotations on the pull request.
     */
    static void report(BuildResult result, PrintWriter out, PrintWriter err, CommandLine.Model.CommandSpec spec) {
        for (Problem p : result.problems()) {
            err.println(p.format());
        }
        if (spec.root().userObject() instanceof Main m && "true".equals(m.env.get("GITHUB_ACTIONS"))) {
            for (Problem p : result.problems()) {
                out.println(p.githubAnnotation());
            }
        }
        err.flush();
        out.flush();
    }

    @Command(name = "generate", mixinStandardHelpOptions = true, description = "Build the site into the output folder.")
    static final class Generate implements Callable<Integer> {
        @Mixin
        ConfigOptions options;
        @Option(names = "--cache-dir", paramLabel = "<dir>",
                description = "Where the search analysis of the site's texts is kept, so that a rebuild analyses only what"
                        + " changed (default: a folder per output folder under $XDG_CACHE_HOME/sd101, else ~/.cache/sd101).")
        Path cacheDir;
        @Option(names = "--no-cache", description = "Neither read nor write the analysis cache.")
        boolean noCache;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            PrintWriter out = spec.commandLine().getOut();
            SiteConfig config = options.toConfig();
            if (!noCache && cacheDir != null) {
                try {
                    config = config.withCacheDirectory(cacheDir);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--cache-dir (" + e.getMessage() + ")", e);
                }
            } else if (!noCache) {
                Map<String, String> env = spec.root().userObject() instanceof Main m ? m.env : Map.of();
                Path cache = CacheFolder.of(config.outputDirectory(), env);
                if (cache != null && !cache.startsWith(config.outputDirectory())) { // a site written into ~/.cache: none
                    config = config.withCacheDirectory(cache);
                }
            }
            BuildResult r = engine(spec).generate(config);
            report(r, out, err, spec);
            if (!r.written()) {
                err.println("error: " + r.problems().size() + " problem(s) in strict mode; the site was not written");
                return FAILED;
            }
            out.printf(Locale.ROOT, "sd101: %d pages, %d files written to %s in %d ms%s%n", r.pages(), r.files(),
                    r.outputDirectory(), r.millis(), r.problems().isEmpty() ? "" : " (" + r.problems().size() + " warnings)");
            if (spec.root().userObject() instanceof Main m && m.verbose) {
                // Where the build's time went, for a cold-start breakdown (the benchmark reads this line).
                StringBuilder stages = new StringBuilder("sd101: stage times:");
                r.stageNanos().forEach((k, v) -> stages.append(' ').append(k).append('=').append(v / 1_000_000).append("ms"));
                err.println(stages);
                err.flush();
            }
            return OK;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Check every link, anchor and image as GitHub resolves them; exit 1 on an error.")
    static final class Check implements Callable<Integer> {
        @Mixin
        ConfigOptions options;
        @Option(names = "--fix", description = "First rewrite, in the sources, each link whose suggested fix is unambiguous"
                + " (printed as file:line: old → new); ambiguous ones are left alone.")
        boolean fix;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            PrintWriter out = spec.commandLine().getOut();
            Sd101 sd101 = engine(spec);
            SiteConfig config = options.toConfig();
            if (fix) {
                List<LinkFixer.Fix> fixes = sd101.fix(config);
                for (LinkFixer.Fix f : fixes) {
                    out.println(f.format());
                }
                out.printf(Locale.ROOT, "sd101 check --fix: %d link(s) rewritten%n", fixes.size());
            }
            BuildResult r = sd101.check(config);
            report(r, out, err, spec);
            long errors = r.problems().stream().filter(p -> p.severity() == dev.sd101.Severity.ERROR).count();
            long warnings = r.problems().size() - errors;
            out.printf(Locale.ROOT, "sd101 check: %d error(s), %d warning(s)%n", errors, warnings);
            // strict as resolved: an option, or the site config file.
            return errors > 0 || (config.strict() && warnings > 0) ? FAILED : OK;
        }
    }

    @Command(name = "anchors", mixinStandardHelpOptions = true,
            description = "Print each heading of a Markdown file: line, level, GitHub id and text, tab-separated.")
    static final class Anchors implements Callable<Integer> {
        @Parameters(paramLabel = "<file.md>", description = "The Markdown file.")
        Path file;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            for (Heading h : new Sd101().anchors(file)) {
                out.println(h.line() + "\t" + h.level() + "\t" + h.id() + "\t" + h.text());
            }
            return OK;
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Build, serve on 127.0.0.1 and rebuild on every change; open pages reload by themselves.")
    static final class Serve implements Callable<Integer> {
        @Mixin
        ConfigOptions options;
        @Option(names = {"-p", "--port"}, defaultValue = "8000", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 = any free port).")
        int port;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("--port must be 0..65535, not " + port);
            }
            dev.sd101.serve.DevServer server = dev.sd101.serve.DevServer.start(options.toConfig(), port, spec.commandLine().getOut());
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "sd101-stop"));
            server.awaitStop();
            return OK;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"sd101 " + Sd101.VERSION};
        }
    }
}
