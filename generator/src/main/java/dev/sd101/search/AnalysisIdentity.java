package dev.sd101.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the search analysis is, as a hash the {@link AnalysisCache} names its file by: a cached text's terms are
 * valid only for the analysis that wrote them. Computed when the generator is packaged ({@link #main}, from the
 * compiled classes, in Maven's {@code process-classes} phase) and read at run time from the resource
 * {@value #RESOURCE}, so a cold build hashes no class files; the runtime only adds the JDK's feature version, whose
 * Unicode tables the tokenizer's character classes follow.
 *
 * <p>Inputs: the cache's file format, Lucene's version (its analyzers and the dictionaries its jars carry), and every
 * class file of the analysis chain ({@link #INPUTS}, nested and anonymous classes included: the chains themselves
 * are anonymous {@code Analyzer}s), by name and content.
 */
final class AnalysisIdentity {
    /** The resource, beside this class, holding the hex SHA-256. */
    static final String RESOURCE = "analysis-identity.txt";
    /** The class files whose code decides a text's terms: top-level name, then any {@code $…} nested class. */
    static final Pattern INPUTS = Pattern.compile("(TermAnalysis|SurfaceTokenizer)(\\$[^/]*)?\\.class");

    private AnalysisIdentity() {
    }

    /** Writes {@value #RESOURCE} into a classes folder: {@code AnalysisIdentity <classes dir>}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: AnalysisIdentity <classes dir>");
        }
        Path classes = Path.of(args[0]);
        Path out = classes.resolve(AnalysisIdentity.class.getPackageName().replace('.', '/')).resolve(RESOURCE);
        Files.writeString(out, HexFormat.of().formatHex(of(classes)) + "\n", StandardCharsets.US_ASCII);
    }

    /** The identity of the analysis compiled into {@code classes}. */
    static byte[] of(Path classes) throws IOException {
        Path dir = classes.resolve(AnalysisIdentity.class.getPackageName().replace('.', '/'));
        SortedMap<String, byte[]> inputs = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (INPUTS.matcher(name).matches()) {
                    inputs.put(name, Files.readAllBytes(f));
                }
            }
        }
        return digest(AnalysisCache.FORMAT, org.apache.lucene.util.Version.LATEST.toString(), inputs);
    }

    /** The hash of a format, a Lucene version and named class files (sorted by name, so the order is fixed). */
    static byte[] digest(int format, String lucene, SortedMap<String, byte[]> classFiles) {
        if (classFiles.isEmpty()) {
            throw new IllegalArgumentException("no class files of the analysis chain");
        }
        MessageDigest md = sha256();
        md.update(("format " + format + " lucene " + lucene + "\n").getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> e : classFiles.entrySet()) {
            md.update((e.getKey() + " " + e.getValue().length + "\n").getBytes(StandardCharsets.UTF_8));
            md.update(e.getValue());
        }
        return md.digest();
    }

    /**
     * The packaged identity, with this JDK's feature version; {@code null} (no cache) when the resource is missing
     * or malformed, as in classes compiled without the packaging step.
     */
    static byte[] packaged() {
        try (InputStream in = AnalysisIdentity.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return null;
            }
            String hex = new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (!hex.matches("[0-9a-f]{64}")) {
                return null;
            }
            MessageDigest md = sha256();
            md.update(HexFormat.of().parseHex(hex));
            md.update((" java " + Runtime.version().feature()).getBytes(StandardCharsets.US_ASCII));
            return md.digest();
        } catch (IOException e) {
            return null;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
