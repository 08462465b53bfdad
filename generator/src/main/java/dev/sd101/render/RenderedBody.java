package dev.sd101.render;

import java.nio.file.Path;
import java.util.Map;

/**
 * A page's body, ready for the layout.
 *
 * @param html        the sanitised HTML with links rewritten for the site
 * @param description the first paragraph's text, shortened (for meta descriptions), or {@code ""}
 * @param image       the first image's URL relative to the site root, or absolute, or {@code ""}
 * @param assets      files to copy into the site: output path relative to the site root → source file
 * @param scripts     the theme's optional scripts the body needs
 */
public record RenderedBody(String html, String description, String image, Map<String, Path> assets,
                           dev.sd101.template.Views.Scripts scripts) {
    public RenderedBody {
        assets = Map.copyOf(assets);
    }
}
