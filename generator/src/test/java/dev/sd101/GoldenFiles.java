package dev.sd101;

/**
 * The one switch for the checked-in expected files (golden sites, link-check fixtures, the differential test's list
 * of differences): run with {@code -Dsd101.update=true} and each test that compares with such a file rewrites it
 * from what the engine now writes, instead of comparing. Review the diff before committing it: the files are only
 * worth something because a person read them.
 */
public final class GoldenFiles {
    /** The system property; Maven passes it on to surefire's and failsafe's test JVMs. */
    public static final String UPDATE = "sd101.update";

    private GoldenFiles() {
    }

    /** Whether this run rewrites the expected files instead of comparing with them. */
    public static boolean update() {
        return Boolean.getBoolean(UPDATE);
    }
}
