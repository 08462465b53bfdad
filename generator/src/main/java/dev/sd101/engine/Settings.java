package dev.sd101.engine;

import dev.sd101.SiteConfig;
import dev.sd101.SiteConfig.Collection;
import dev.sd101.SiteConfig.Edition;
import dev.sd101.SiteConfig.Home;
import dev.sd101.SiteConfig.Taxonomy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The settings of a build as one source gives them, before defaults: the CLI's options, the Mojo's parameters (both
 * through {@link SiteConfig.Builder}) or the site config file. {@code null} means "not given", so that
 * {@link #or} can let the first source that gives a value win. The components are {@link SiteConfig}'s, plus
 * {@code projectDirectory} (the Maven project's base folder: the content root's fallback outside git).
 */
public record Settings(
        Path source,
        Path projectDirectory,
        Path contentRoot,
        Path outputDirectory,
        Path themeDirectory,
        String siteTitle,
        String language,
        String siteUrl,
        String repositoryUrl,
        String editBranch,
        String imageBaseUrl,
        Integer splitLevel,
        Boolean strict,
        Boolean sanitizeHtml,
        Boolean search,
        Boolean drafts,
        Boolean fillEmptyAlt,
        Boolean shiftHeadings,
        Path configFile,
        List<Collection> collections,
        List<Taxonomy> taxonomies,
        Home home,
        Map<String, String> languages,
        List<Edition> editions,
        Path cacheDirectory) {

    /** These settings, each one not given here taken from {@code fallback}: the one place precedence is decided. */
    public Settings or(Settings fallback) {
        return new Settings(
                first(source, fallback.source),
                first(projectDirectory, fallback.projectDirectory),
                first(contentRoot, fallback.contentRoot),
                first(outputDirectory, fallback.outputDirectory),
                first(themeDirectory, fallback.themeDirectory),
                first(siteTitle, fallback.siteTitle),
                first(language, fallback.language),
                first(siteUrl, fallback.siteUrl),
                first(repositoryUrl, fallback.repositoryUrl),
                first(editBranch, fallback.editBranch),
                first(imageBaseUrl, fallback.imageBaseUrl),
                first(splitLevel, fallback.splitLevel),
                first(strict, fallback.strict),
                first(sanitizeHtml, fallback.sanitizeHtml),
                first(search, fallback.search),
                first(drafts, fallback.drafts),
                first(fillEmptyAlt, fallback.fillEmptyAlt),
                first(shiftHeadings, fallback.shiftHeadings),
                first(configFile, fallback.configFile),
                first(collections, fallback.collections),
                first(taxonomies, fallback.taxonomies),
                first(home, fallback.home),
                first(languages, fallback.languages),
                // An empty list of editions given explicitly (a Mojo's empty <editions/>) means "not given".
                editions == null || editions.isEmpty() ? fallback.editions : editions,
                first(cacheDirectory, fallback.cacheDirectory));
    }

    private static <T> T first(T given, T fallback) {
        return given != null ? given : fallback;
    }
}
