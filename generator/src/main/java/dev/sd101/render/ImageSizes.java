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
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".svg")) {
            return svg(file);
        }
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

    /** An SVG's size from its root element's width and height (plain numbers or px), else its viewBox. */
    private static Optional<Size> svg(Path file) {
        try {
            org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(java.nio.file.Files.readString(file), "",
                    org.jsoup.parser.Parser.xmlParser());
            org.jsoup.nodes.Element svg = doc.selectFirst("svg");
            if (svg == null) {
                return Optional.empty();
            }
            Integer w = pixels(svg.attr("width"));
            Integer h = pixels(svg.attr("height"));
            if (w != null && h != null) {
                return Optional.of(new Size(w, h));
            }
            String[] box = svg.attr("viewBox").trim().split("[\\s,]+");
            if (box.length == 4) {
                return Optional.of(new Size((int) Math.round(Double.parseDouble(box[2])), (int) Math.round(Double.parseDouble(box[3]))));
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Integer pixels(String value) {
        String v = value.trim();
        if (v.endsWith("px")) {
            v = v.substring(0, v.length() - 2);
        }
        try {
            double d = Double.parseDouble(v);
            return d > 0 ? (int) Math.round(d) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
