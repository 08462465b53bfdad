package dev.sd101.markdown;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The CommonMark spec 0.31.2 ({@code spec.txt}, byte-identical to npm {@code commonmark-spec@0.31.2}), read from
 * commonmark-java's test utilities on the test classpath and written once under {@code target/} for the readers
 * that take a file.
 */
public final class CommonMarkSpec {
    private static final Path FILE = Path.of("target/commonmark-spec/spec-0.31.2.txt");

    private CommonMarkSpec() {
    }

    public static synchronized Path file() {
        try {
            if (!Files.isRegularFile(FILE)) {
                try (InputStream in = CommonMarkSpec.class.getResourceAsStream("/spec.txt")) {
                    if (in == null) {
                        throw new IllegalStateException("spec.txt is not on the test classpath (org.commonmark:commonmark-test-util)");
                    }
                    Files.createDirectories(FILE.getParent());
                    Path part = Files.createTempFile(FILE.getParent(), "spec", ".part");
                    Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(part, FILE, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            }
            return FILE;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
