package dev.sd101.cli;

import dev.sd101.InvalidSetting;
import dev.sd101.SiteConfig;
import dev.sd101.cli.Args.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The options of generate and serve ({@link #CHECK}: those of check); each maps to one {@link SiteConfig} field. */
final class ConfigOptions {
    private ConfigOptions() {
    }

    static final List<Option> OPTIONS = List.of(
            Option.value("<file-or-dir>", "A Markdown file, or a folder of them.", "-s", "--source").mandatory(),
            Option.value("<dir>", "Output folder, replaced atomically (default: site/ beside the source's folder).", "-o", "--output"),
            Option.value("<dir>", "Content root: links and images must stay inside it (default: the top of the git work tree"
                    + " holding the source, else the source's folder).", "--root"),
            Option.value("<dir>", "A folder whose templates and assets override the default theme's.", "--theme"),
            Option.value("<title>", "Site title (default: the document's first heading).", "--title"),
            Option.value("<language>", "Language of the pages, e.g. ko (default: en).", "--lang"),
            Option.value("<url>", "The published site's URL, for canonical links and the sitemap.", "--site-url"),
            Option.value("<url>", "The content's GitHub repository, for \"edit this page\" links.", "--repo-url"),
            Option.value("<branch>", "Branch of edit links (default: main).", "--edit-branch"),
            Option.value("<url>", "Where images missing locally are taken from instead.", "--image-base-url"),
            Option.value("<n>", "Heading level at which a document becomes many pages: 0 = from its table of contents"
                    + " (default), -1 = never, 1..6.", "--split-level"),
            Option.flag("Content problems (warnings included) fail the build.", "--strict"),
            Option.flag("Keep raw HTML as written (only for trusted content).", "--no-sanitize"),
            Option.flag("Do not write the search index.", "--no-search"),
            Option.flag("Leave an image's empty alt text empty, as GitHub does (default: its section's heading).",
                    "--keep-empty-alt"),
            Option.flag("Keep heading levels as written, as GitHub does (default: a page's title becomes its h1).",
                    "--keep-heading-levels"),
            Option.value("<file>", "Site config file (YAML: site settings, collections, taxonomies); default: sd101.yml"
                    + " beside the source, if present.", "--config"),
            Option.flag("Also publish pages whose front matter says draft: true.", "--drafts"),
            Option.value("<lang=source,...>", "Language editions, e.g. ko=README-ko.md,en=README.md: the first at the site root,"
                    + " each other under /<lang>/ (titles and prefixes: editions in the config file).", "--editions"));

    /**
     * The options {@code check} reads: what decides which pages exist and where links land. The others (output,
     * theme, title, language, edit links, sanitising, search) change only what {@code generate} writes.
     */
    static final List<Option> CHECK = OPTIONS.stream()
            .filter(o -> List.of("--source", "--root", "--site-url", "--image-base-url", "--split-level", "--strict",
                    "--config", "--drafts", "--editions").contains(o.name()))
            .toList();

    /** SiteConfig's keys as this command line spells them, so that an error names the option typed. */
    private static final Map<String, String> KEYS = Map.of("splitLevel", "--split-level", "language", "--lang",
            "siteUrl", "--site-url", "repositoryUrl", "--repo-url", "imageBaseUrl", "--image-base-url",
            "themeDirectory", "--theme", "editBranch", "--edit-branch", "contentRoot", "--root",
            "outputDirectory", "--output", "source", "--source");

    /**
     * The config: options given on the command line beat the config file; absent ones leave the file's value.
     *
     * @throws IllegalArgumentException naming the option when a value is invalid
     */
    static SiteConfig toConfig(Args a) throws Args.UsageException {
        SiteConfig.Builder b = SiteConfig.builder(a.path("--source"))
                .outputDirectory(a.path("--output"))
                .contentRoot(a.path("--root"))
                .themeDirectory(a.path("--theme"))
                .siteTitle(a.value("--title"))
                .language(a.value("--lang"))
                .siteUrl(a.value("--site-url"))
                .repositoryUrl(a.value("--repo-url"))
                .editBranch(a.value("--edit-branch"))
                .imageBaseUrl(a.value("--image-base-url"))
                .configFile(a.path("--config"))
                .splitLevel(a.integer("--split-level"))
                // A flag turns a setting one way; absent, it leaves the config file's value (or the default).
                .strict(a.flag("--strict") ? true : null)
                .sanitizeHtml(a.flag("--no-sanitize") ? false : null)
                .search(a.flag("--no-search") ? false : null)
                .fillEmptyAlt(a.flag("--keep-empty-alt") ? false : null)
                .shiftHeadings(a.flag("--keep-heading-levels") ? false : null)
                .drafts(a.flag("--drafts") ? true : null);
        try {
            if (a.value("--editions") != null) {
                b.editions(editions(a.value("--editions")));
            }
            return b.build();
        } catch (InvalidSetting e) {
            String option = KEYS.get(e.key());
            String message = e.getMessage();
            throw option == null || !message.startsWith(e.key()) ? e
                    : new InvalidSetting(e.key(), option + " (" + e.key() + ")" + message.substring(e.key().length()));
        }
    }

    /** {@code --editions ko=README-ko.md,en=README.md}: sources relative to the working folder. */
    static List<SiteConfig.Edition> editions(String value) {
        List<SiteConfig.Edition> out = new ArrayList<>();
        for (String item : value.split(",")) {
            int eq = item.indexOf('=');
            if (eq <= 0 || eq == item.length() - 1) {
                throw new IllegalArgumentException("--editions: expected language=source, found '" + item.strip() + "'");
            }
            out.add(new SiteConfig.Edition(item.substring(0, eq).strip(), Path.of(item.substring(eq + 1).strip()), null, null));
        }
        return out;
    }
}
