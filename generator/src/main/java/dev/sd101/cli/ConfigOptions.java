package dev.sd101.cli;

import dev.sd101.SiteConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;

/** The options shared by generate, check and serve; each maps to one {@link SiteConfig} field. */
final class ConfigOptions {
    @Option(names = {"-s", "--source"}, required = true, paramLabel = "<file-or-dir>",
            description = "A Markdown file, or a folder of them.")
    Path source;

    @Option(names = {"-o", "--output"}, paramLabel = "<dir>",
            description = "Output folder, replaced atomically (default: site/ beside the source's folder).")
    Path output;

    @Option(names = "--root", paramLabel = "<dir>",
            description = "Content root: links and images must stay inside it (default: the source's folder).")
    Path root;

    @Option(names = "--theme", paramLabel = "<dir>", description = "A folder whose templates and assets override the default theme's.")
    Path theme;

    @Option(names = "--title", description = "Site title (default: the document's first heading).")
    String title;

    @Option(names = "--lang", description = "Language of the pages, e.g. ko (default: en).")
    String language;

    @Option(names = "--site-url", paramLabel = "<url>", description = "The published site's URL, for canonical links and the sitemap.")
    String siteUrl;

    @Option(names = "--repo-url", paramLabel = "<url>", description = "The content's GitHub repository, for \"edit this page\" links.")
    String repositoryUrl;

    @Option(names = "--edit-branch", description = "Branch of edit links (default: main).")
    String editBranch;

    @Option(names = "--image-base-url", paramLabel = "<url>", description = "Where images missing locally are taken from instead.")
    String imageBaseUrl;

    @Option(names = "--split-level", paramLabel = "<n>",
            description = "Heading level at which a document becomes many pages: 0 = from its table of contents (default), -1 = never, 1..6.")
    Integer splitLevel;

    @Option(names = "--strict", description = "Content problems (warnings included) fail the build.")
    boolean strict;

    @Option(names = "--no-sanitize", description = "Keep raw HTML as written (only for trusted content).")
    boolean noSanitize;

    @Option(names = "--no-search", description = "Do not write the search index.")
    boolean noSearch;

    @Option(names = "--config", paramLabel = "<file>",
            description = "Site config file (YAML: site settings, collections, taxonomies); default: sd101.yml beside the source, if present.")
    Path config;

    @Option(names = "--drafts", description = "Also publish pages whose front matter says draft: true.")
    boolean drafts;


    /** SiteConfig's keys as this command line spells them, so that an error names the option typed. */
    private static final Map<String, String> OPTIONS = Map.of("splitLevel", "--split-level", "language", "--lang",
            "siteUrl", "--site-url", "repositoryUrl", "--repo-url", "imageBaseUrl", "--image-base-url",
            "themeDirectory", "--theme", "editBranch", "--edit-branch", "contentRoot", "--root",
            "outputDirectory", "--output", "source", "--source");

    SiteConfig toConfig() {
        try {
            return build();
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            int space = message.indexOf(' ');
            String key = space < 0 ? message : message.substring(0, space);
            String option = OPTIONS.get(key);
            throw option == null ? e : new IllegalArgumentException(option + " (" + key + ")" + message.substring(key.length()), e);
        }
    }

    /** Options given on the command line beat the config file; absent ones leave the file's value. */
    private SiteConfig build() {
        SiteConfig.Builder b = SiteConfig.builder(source)
                .outputDirectory(output)
                .contentRoot(root)
                .themeDirectory(theme)
                .siteTitle(title)
                .language(language)
                .siteUrl(siteUrl)
                .repositoryUrl(repositoryUrl)
                .editBranch(editBranch)
                .imageBaseUrl(imageBaseUrl)
                .configFile(config);
        if (splitLevel != null) {
            b.splitLevel(splitLevel);
        }
        if (strict) {
            b.strict(true);
        }
        if (noSanitize) {
            b.sanitizeHtml(false);
        }
        if (noSearch) {
            b.search(false);
        }
        if (drafts) {
            b.drafts(true);
        }
        return b.build();
    }
}
