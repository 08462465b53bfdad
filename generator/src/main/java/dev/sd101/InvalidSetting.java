package dev.sd101;

/**
 * A setting's value {@link SiteConfig} refuses. It names the setting's key as the config file writes it
 * ({@code splitLevel}, {@code editions.en.prefix}), so that the CLI and the Maven plugin can name the option or
 * parameter the user typed; the message says what is wrong and starts with the key when it reads that way.
 */
public final class InvalidSetting extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String key;

    public InvalidSetting(String key, String message) {
        super(message);
        this.key = key;
    }

    /** The setting's key, as the config file writes it. */
    public String key() {
        return key;
    }
}
