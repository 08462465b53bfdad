package dev.sd101.engine;

import dev.sd101.SiteConfig;
import dev.sd101.content.RepositoryRoot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Makes the {@link SiteConfig} of a build from the settings given (the CLI's options, the Mojo's parameters, a Java
 * caller's builder), the site config file and the defaults, in that order of precedence: a value given beats the
 * file's, the file's beats the default. The file is {@code configFile} when given, else the nearest
 * {@value SiteConfig#CONFIG_FILE_NAME} from the source's folder up to the content root.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    /**
     * @throws dev.sd101.BuildException naming file:line when the config file is invalid
     * @throws dev.sd101.InvalidSetting when a value given is invalid, naming its key
     */
    public static SiteConfig load(Settings given) {
        Path source = Objects.requireNonNull(given.source(), "source");
        Path root = (given.contentRoot() != null ? given.contentRoot()
                : RepositoryRoot.defaultContentRoot(source, given.projectDirectory())).toAbsolutePath().normalize();
        Path file = given.configFile() != null ? given.configFile() : discover(source, root);
        Settings s = file == null ? given : given.or(ConfigFile.read(file));
        Path out = s.outputDirectory();
        if (out == null) {
            Path abs = source.toAbsolutePath().normalize();
            Path base = Files.isDirectory(abs) ? abs : abs.getParent();
            out = (base.getParent() == null ? base : base.getParent()).resolve("site");
        }
        return new SiteConfig(source, root, out, s.themeDirectory(), s.siteTitle(), s.language(), s.siteUrl(),
                s.repositoryUrl(), s.editBranch(), s.imageBaseUrl(), s.splitLevel() == null ? 0 : s.splitLevel(),
                Boolean.TRUE.equals(s.strict()), !Boolean.FALSE.equals(s.sanitizeHtml()), !Boolean.FALSE.equals(s.search()),
                Boolean.TRUE.equals(s.drafts()), file, s.collections(), s.taxonomies(), s.home(), s.cacheDirectory(),
                s.languages(), !Boolean.FALSE.equals(s.fillEmptyAlt()), !Boolean.FALSE.equals(s.shiftHeadings()),
                s.editions());
    }


    /**
     * The nearest {@value SiteConfig#CONFIG_FILE_NAME} from the source's folder up to the content root: beside the
     * source first, so that a docs folder can carry its own, then each folder above it (e.g. the repository's top).
     */
    private static Path discover(Path source, Path root) {
        Path abs = source.toAbsolutePath().normalize();
        for (Path dir = Files.isDirectory(abs) ? abs : abs.getParent(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(SiteConfig.CONFIG_FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            if (dir.equals(root) || !dir.startsWith(root)) {
                return null;
            }
        }
        return null;
    }
}
