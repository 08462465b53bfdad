package dev.sd101.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One command's arguments, parsed against its options: {@code --name value}, {@code --name=value}, {@code -n value},
 * {@code -nvalue}, clustered short flags ({@code -hv}), {@code --} before arguments that start with a dash.
 * Hand-written rather than a command-line library: a library that builds its model by reflection cost a tenth of a
 * second of every cold run (its classes cannot be put in the class-data archive), more than the whole {@code check}
 * of a small site.
 */
final class Args {
    /**
     * An option: its names (short first, if any; the last is its name in messages and lookups), the label of its
     * value ({@code null} for a flag), and its help text.
     */
    record Option(List<String> names, String label, String help, boolean required) {
        Option {
            names = List.copyOf(names);
        }

        static Option flag(String help, String... names) {
            return new Option(List.of(names), null, help, false);
        }

        static Option value(String label, String help, String... names) {
            return new Option(List.of(names), label, help, false);
        }

        /** This option, required. */
        Option mandatory() {
            return new Option(names, label, help, true);
        }

        String name() {
            return names.get(names.size() - 1);
        }

        /** As in help and messages: {@code -s, --source=<file-or-dir>}. */
        String synopsis() {
            return String.join(", ", names) + (label == null ? "" : "=" + label);
        }
    }

    /** A command line that does not fit the command: its message is shown with the command's usage. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final List<String> positionals = new ArrayList<>();

    private Args() {
    }

    /**
     * Parses {@code argv} against {@code options}. A required option may be missing when {@code --help} or
     * {@code --version} is given (the caller answers those first).
     *
     * @param positionals how many arguments that are not options the command takes
     */
    static Args parse(List<Option> options, List<String> argv, int positionals) throws UsageException {
        Map<String, Option> byName = new HashMap<>();
        for (Option o : options) {
            for (String n : o.names()) {
                byName.put(n, o);
            }
        }
        Args a = new Args();
        boolean onlyPositionals = false;
        for (int i = 0; i < argv.size(); i++) {
            String arg = argv.get(i);
            if (onlyPositionals || !arg.startsWith("-") || arg.equals("-")) {
                a.positionals.add(arg);
            } else if (arg.equals("--")) {
                onlyPositionals = true;
            } else if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                Option o = byName.get(eq < 0 ? arg : arg.substring(0, eq));
                if (o == null) {
                    throw new UsageException("Unknown option: '" + arg + "'");
                }
                if (o.label() == null) {
                    if (eq >= 0) {
                        throw new UsageException("Option '" + o.name() + "' takes no value, not '" + arg.substring(eq + 1) + "'");
                    }
                    a.flags.add(o.name());
                } else if (eq >= 0) {
                    a.put(o, arg.substring(eq + 1));
                } else {
                    a.put(o, next(argv, ++i, o));
                }
            } else {
                // Short options: a cluster of flags, possibly ending in one that takes a value (-hv, -ssite.md).
                for (int k = 1; k < arg.length(); k++) {
                    Option o = byName.get("-" + arg.charAt(k));
                    if (o == null) {
                        throw new UsageException("Unknown option: '" + (k == 1 ? arg : "-" + arg.charAt(k)) + "'");
                    }
                    if (o.label() == null) {
                        a.flags.add(o.name());
                        continue;
                    }
                    String rest = arg.substring(k + 1);
                    a.put(o, !rest.isEmpty() ? (rest.startsWith("=") ? rest.substring(1) : rest) : next(argv, ++i, o));
                    break;
                }
            }
        }
        if (a.positionals.size() > positionals) {
            throw new UsageException("Unmatched argument: '" + a.positionals.get(positionals) + "'");
        }
        if (!a.flag("--help") && !a.flag("--version")) {
            for (Option o : options) {
                if (o.required() && (o.label() == null ? !a.flags.contains(o.name()) : !a.values.containsKey(o.name()))) {
                    throw new UsageException("Missing required option: '" + o.synopsis() + "'");
                }
            }
        }
        return a;
    }

    private static String next(List<String> argv, int i, Option o) throws UsageException {
        if (i >= argv.size()) {
            throw new UsageException("Missing value for option '" + o.name() + "' (" + o.label() + ")");
        }
        return argv.get(i);
    }

    private void put(Option o, String value) throws UsageException {
        if (values.putIfAbsent(o.name(), value) != null) {
            throw new UsageException("Option '" + o.name() + "' should be given only once");
        }
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    /** The option's value as given, or {@code null}. */
    String value(String name) {
        return values.get(name);
    }

    Path path(String name) throws UsageException {
        String v = values.get(name);
        try {
            return v == null ? null : Path.of(v);
        } catch (InvalidPathException e) {
            throw new UsageException("Invalid value for option '" + name + "': '" + v + "' is not a path (" + e.getReason() + ")");
        }
    }

    Integer integer(String name) throws UsageException {
        String v = values.get(name);
        try {
            return v == null ? null : Integer.valueOf(v.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("Invalid value for option '" + name + "': '" + v + "' is not an int");
        }
    }

    List<String> positionals() {
        return List.copyOf(positionals);
    }
}
