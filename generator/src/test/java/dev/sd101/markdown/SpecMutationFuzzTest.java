package dev.sd101.markdown;

import dev.sd101.BuildException;
import dev.sd101.Problem;
import dev.sd101.Sd101;
import dev.sd101.SiteBuild;
import dev.sd101.SiteConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * No content can abort a build: thousands of documents made from the CommonMark spec's and GitHub's extension examples
 * by seeded random byte deletions, duplications, flips and splices (deterministic: the same documents on every run)
 * are built by the real engine, in memory, a hundred files to a site. Every build must end with pages, or with a
 * {@link BuildException} whose message names a file of the site and a line ({@code file.md:12: …}); then that file is
 * set aside and the rest built again. Every problem names a file. Any other exception, an error or a
 * {@code "generator bug"} is a failure, reported with the document, which is kept under {@code target/fuzz/}.
 */
class SpecMutationFuzzTest {
    private static final long SEED = 20_2026L;
    private static final int DOCUMENTS = 3000;
    private static final int PER_SITE = 100;
    private static final Path EXTENSIONS = Path.of("src/test/resources/gfm/gfm-extensions.txt");
    private static final String FENCE = "`".repeat(32);
    /** Bytes that matter to Markdown, and a few that do not form UTF-8 alone. */
    private static final byte[] INTERESTING = "\n \t*_`[]()<>!#|-=~:\\&;\"'/.1\u0000".getBytes(StandardCharsets.UTF_8);
    private static final Pattern NAMED = Pattern.compile("(f\\d{4}\\.md):(\\d+)(:\\d+)?: ");

    /** Why documents were rejected (their file:line message, values elided) → how many. */
    private final Map<String, Integer> reasons = new java.util.TreeMap<>();

    @Test
    void mutatedSpecExamplesBuildOrFailWithAPlace(@TempDir Path tmp) throws IOException {
        List<byte[]> examples = new ArrayList<>(examples(CommonMarkSpec.file()));
        examples.addAll(examples(EXTENSIONS));
        Random random = new Random(SEED);
        Map<String, byte[]> documents = new LinkedHashMap<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            documents.put(String.format("f%04d.md", i), mutate(examples, random));
        }
        Sd101 engine = new Sd101();
        List<String> names = new ArrayList<>(documents.keySet());
        int pages = 0;
        int rejected = 0;
        for (int from = 0, site = 0; from < names.size(); from += PER_SITE, site++) {
            List<String> batch = new ArrayList<>(names.subList(from, Math.min(names.size(), from + PER_SITE)));
            while (!batch.isEmpty()) {
                Path dir = tmp.resolve("s" + site + "-" + batch.size());
                String set = build(engine, dir, batch, documents);
                if (set == null) {
                    pages += batch.size();
                    break;
                }
                batch.remove(set);
                rejected++;
            }
        }
        System.out.printf("fuzz: %d documents, %d built as pages, %d rejected with a file:line error%n",
                DOCUMENTS, pages, rejected);
        reasons.forEach((reason, count) -> System.out.printf("fuzz: %4d × %s%n", count, reason));
        assertEquals(DOCUMENTS, pages + rejected);
    }

    /** Builds the batch; {@code null} when it built, else the one file a file:line error named. */
    private String build(Sd101 engine, Path dir, List<String> batch, Map<String, byte[]> documents) throws IOException {
        Path content = dir.resolve("content");
        Files.createDirectories(content);
        Files.writeString(content.resolve("README.md"), "# Fuzz\n");
        for (String name : batch) {
            Files.write(content.resolve(name), documents.get(name));
        }
        SiteConfig config = SiteConfig.builder(content).contentRoot(content).outputDirectory(dir.resolve("site"))
                .language("en").search(false).build();
        try {
            SiteBuild site = engine.build(config);
            for (Problem p : site.result().problems()) {
                if (p.path().isBlank()) {
                    fail("a problem names no file: " + p.format());
                }
            }
            if (site.files().isEmpty()) {
                fail("a non-strict build wrote nothing: " + site.result().problems());
            }
            return null;
        } catch (BuildException e) {
            String message = String.valueOf(e.getMessage());
            Matcher m = NAMED.matcher(message);
            if (!m.find() || message.contains("generator bug") || !batch.contains(m.group(1))) {
                throw keep(documents, batch, e);
            }
            reasons.merge(message.substring(m.end()).replaceAll("'[^']*'|\"[^\"]*\"|0x[0-9A-Fa-f]+|\\d+", "…"), 1, Integer::sum);
            return m.group(1);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            throw keep(documents, batch, e);
        }
    }

    /** The batch's documents under {@code target/fuzz/}, and the failure that names them. */
    private static AssertionError keep(Map<String, byte[]> documents, List<String> batch, Throwable e) {
        Path out = Path.of("target/fuzz");
        try {
            Files.createDirectories(out);
            for (String name : batch) {
                Files.write(out.resolve(name), documents.get(name));
            }
        } catch (IOException io) {
            e.addSuppressed(io);
        }
        return new AssertionError("a build of " + batch.size() + " fuzzed documents (kept in " + out.toAbsolutePath()
                + ", seed " + SEED + ") did not end in pages or a file:line error: " + e, e);
    }

    private static byte[] mutate(List<byte[]> examples, Random random) {
        byte[] doc = examples.get(random.nextInt(examples.size()));
        for (int i = random.nextInt(3); i > 0; i--) {
            doc = concat(doc, examples.get(random.nextInt(examples.size())));
        }
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            int n = doc.length;
            int at = n == 0 ? 0 : random.nextInt(n);
            int len = n == 0 ? 0 : 1 + random.nextInt(Math.max(1, Math.min(16, n - at)));
            switch (random.nextInt(4)) {
                case 0 -> doc = splice(doc, at, len, new byte[0]); // deletion
                case 1 -> doc = splice(doc, at, 0, java.util.Arrays.copyOfRange(doc, at, Math.min(n, at + len))); // duplication
                case 2 -> { // byte flip: an interesting byte, or one bit of any
                    if (n > 0) {
                        doc = doc.clone();
                        doc[at] = random.nextBoolean() ? INTERESTING[random.nextInt(INTERESTING.length)]
                                : (byte) (doc[at] ^ (1 << random.nextInt(8)));
                    }
                }
                default -> { // a run of one interesting byte (deep nesting, long delimiter runs)
                    byte[] run = new byte[1 + random.nextInt(64)];
                    java.util.Arrays.fill(run, INTERESTING[random.nextInt(INTERESTING.length)]);
                    doc = splice(doc, at, 0, run);
                }
            }
        }
        return doc;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return splice(a, a.length, 0, b);
    }

    private static byte[] splice(byte[] doc, int at, int remove, byte[] insert) {
        byte[] out = new byte[doc.length - remove + insert.length];
        System.arraycopy(doc, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(doc, at + remove, out, at + insert.length, doc.length - at - remove);
        return out;
    }

    private static List<byte[]> examples(Path file) throws IOException {
        List<byte[]> out = new ArrayList<>();
        String[] lines = Files.readString(file, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(FENCE + " example")) {
                StringBuilder md = new StringBuilder();
                int j = i + 1;
                for (; j < lines.length && !lines[j].equals("."); j++) {
                    md.append(lines[j]).append('\n');
                }
                out.add(md.toString().replace('→', '\t').getBytes(StandardCharsets.UTF_8));
                i = j;
            }
        }
        return out;
    }
}
