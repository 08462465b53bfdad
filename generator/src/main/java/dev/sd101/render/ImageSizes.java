package dev.sd101.render;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Width and height of local images, read from their headers only, once per file per build. */
final class ImageSizes {
    record Size(int width, int height) {
    }

    private final Map<Path, Optional<Size>> cache = new ConcurrentHashMap<>();

    Optional<Size> of(Path file) {
        return cache.computeIfAbsent(file, ImageSizes::read);
    }

    private static Optional<Size> read(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                return Optional.empty();
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return Optional.of(new Size(reader.getWidth(0), reader.getHeight(0)));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // An unreadable image still gets published; it only lacks width and height.
            return Optional.empty();
        }
    }
}
