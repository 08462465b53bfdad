package dev.sd101.content;

import dev.sd101.BuildException;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.representer.Representer;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * YAML as the engine reads it (front matter and the site config file): SnakeYAML composes the text
 * into nodes, which keeps every value's line, and its {@link SafeConstructor} turns scalars into plain
 * values, so no YAML tag can instantiate a class. Aliases, nesting and size are bounded. The only class
 * that touches SnakeYAML.
 */
public final class YamlTree {
    /** Bounds that keep hostile input (alias bombs, deep nesting) cheap. */
    private static final int MAX_ALIASES = 20;
    private static final int MAX_DEPTH = 20;
    private static final int MAX_CODE_POINTS = 1 << 20;
    private static final int MAX_NODES = 100_000;

    private YamlTree() {
    }

    /**
     * A value with the 1-based line it starts on. {@code value} is a String, Boolean, Integer, Long,
     * BigInteger, Double, {@link java.util.Date} (an unquoted timestamp), {@code null}, a
     * {@code List<Value>} or a {@code Map<String, Value>} (keys in file order).
     */
    public record Value(Object value, int line) {
        /** The value with lines dropped: nested lists and maps of plain values, for templates. */
        public Object plain() {
            if (value instanceof List<?> list) {
                List<Object> out = new ArrayList<>(list.size());
                list.forEach(v -> out.add(((Value) v).plain()));
                return Collections.unmodifiableList(out);
            }
            if (value instanceof Map<?, ?> map) {
                Map<String, Object> out = new LinkedHashMap<>();
                map.forEach((k, v) -> out.put((String) k, ((Value) v).plain()));
                return Collections.unmodifiableMap(out);
            }
            return value;
        }

        /** The YAML type name used in messages: text, number, true/false, list, mapping, date or null. */
        public String typeName() {
            if (value == null) {
                return "null";
            }
            if (value instanceof String) {
                return "text";
            }
            if (value instanceof Boolean) {
                return "true/false";
            }
            if (value instanceof Number) {
                return "number";
            }
            if (value instanceof List) {
                return "list";
            }
            if (value instanceof Map) {
                return "mapping";
            }
            if (value instanceof Date) {
                return "date";
            }
            return value.getClass().getSimpleName();
        }
    }

    /** Whether the error is a quoted scalar, flow sequence or flow mapping left open, found later than it opened. */
    private static boolean opensHere(MarkedYAMLException e) {
        String context = e.getContext();
        return context != null && e.getContextMark() != null && e.getProblemMark() != null
                && e.getProblemMark().getIndex() > e.getContextMark().getIndex()
                && (context.equals("while scanning a quoted scalar") || context.equals("while parsing a flow sequence")
                || context.equals("while parsing a flow mapping"));
    }

    /**
     * Parses {@code yaml}, which must be a mapping with text keys (or empty), into its entries in file
     * order.
     *
     * @param shown     the file as shown in messages
     * @param firstLine the file line the text starts on, so that errors and values carry the file's lines
     * @throws BuildException naming {@code shown:line} on a syntax error, a duplicate key or a non-mapping
     */
    public static Map<String, Value> parseMapping(String yaml, String shown, int firstLine) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowRecursiveKeys(false);
        Scalars scalars = new Scalars(options);
        Node root;
        try {
            DumperOptions unused = new DumperOptions();
            root = new Yaml(scalars, new Representer(unused), unused, options).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() : 0;
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            if (opensHere(e)) {
                // An unclosed quote or bracket is found only where the text runs out (the end of the file, or the
                // next key): the fault is where it opened.
                int opened = e.getContextMark().getLine();
                throw BuildException.at(shown, firstLine + opened, "invalid YAML: the " + e.getContext().substring(
                        e.getContext().indexOf(" a ") + 3) + " that starts here (column " + (e.getContextMark().getColumn() + 1)
                        + ") is never closed; at line " + (firstLine + line) + ": " + oneLine(problem));
            }
            throw BuildException.at(shown, firstLine + line, "invalid YAML: " + oneLine(problem)
                    + (e.getContext() != null ? " (" + oneLine(e.getContext()) + ")" : ""));
        } catch (YAMLException e) {
            throw BuildException.at(shown, firstLine, "invalid YAML: " + oneLine(e.getMessage()));
        }
        if (root == null) {
            return Map.of();
        }
        if (!(root instanceof MappingNode)) {
            throw BuildException.at(shown, firstLine + root.getStartMark().getLine(),
                    "expected a mapping of keys to values, not a " + kind(root));
        }
        Converter c = new Converter(scalars, shown, firstLine);
        @SuppressWarnings("unchecked")
        Map<String, Value> map = (Map<String, Value>) c.convert(root, 0).value();
        return map;
    }

    private static String kind(Node n) {
        return n instanceof SequenceNode ? "list" : n instanceof ScalarNode ? "single value" : "mapping";
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    /** Exposes the safe constructor's scalar resolution (the YAML 1.1 core types only). */
    private static final class Scalars extends SafeConstructor {
        Scalars(LoaderOptions options) {
            super(options);
        }

        Object scalar(ScalarNode node) {
            return constructObject(node);
        }
    }

    private static final class Converter {
        private final Scalars scalars;
        private final String shown;
        private final int firstLine;
        private int nodes;

        Converter(Scalars scalars, String shown, int firstLine) {
            this.scalars = scalars;
            this.shown = shown;
            this.firstLine = firstLine;
        }

        Value convert(Node node, int depth) {
            int line = firstLine + node.getStartMark().getLine();
            if (++nodes > MAX_NODES || depth > MAX_DEPTH) {
                throw BuildException.at(shown, line, "YAML too large or nested too deeply");
            }
            if (node instanceof ScalarNode s) {
                try {
                    Object v = scalars.scalar(s);
                    // A timestamp stays text: SnakeYAML reads 2024-13-45 leniently as 2025-02-14; the reader of the
                    // value (FrontMatter's date) parses it strictly and names the line when it is no date.
                    return new Value(v instanceof Date ? s.getValue() : v, line);
                } catch (YAMLException e) {
                    throw BuildException.at(shown, line, "invalid YAML value: " + oneLine(e.getMessage()));
                }
            }
            if (node instanceof SequenceNode seq) {
                List<Value> out = new ArrayList<>();
                for (Node item : seq.getValue()) {
                    out.add(convert(item, depth + 1));
                }
                return new Value(Collections.unmodifiableList(out), line);
            }
            MappingNode map = (MappingNode) node;
            Map<String, Value> out = new LinkedHashMap<>();
            for (NodeTuple t : map.getValue()) {
                Node k = t.getKeyNode();
                int keyLine = firstLine + k.getStartMark().getLine();
                if (!(k instanceof ScalarNode ks)) {
                    throw BuildException.at(shown, keyLine, "a key must be plain text, not a " + kind(k));
                }
                String key = ks.getValue();
                Value v = convert(t.getValueNode(), depth + 1);
                // The key's line, not the value's: a list value starts on the next line.
                Value previous = out.put(key, new Value(v.value(), keyLine));
                if (previous != null) {
                    throw BuildException.at(shown, keyLine, "duplicate key '" + key + "' (first on line " + previous.line() + ")");
                }
            }
            return new Value(Collections.unmodifiableMap(out), line);
        }
    }
}
