package dev.sd101.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** URL paths as the site writes them; expected values are what Python's urllib.parse.quote gives for the same bytes. */
class UrlPathsTest {
    @Test
    void hrefPathsKeepLettersAndEncodeWhatMayNotStandRaw() {
        assertEquals("a%20b%23%3F%25/캐시.md", UrlPaths.encodePath("a b#?%/캐시.md"));
        assertEquals("a%20b/%EC%BA%90%EC%8B%9C/", UrlPaths.percentEncode("a b/캐시/"), "sitemaps: non-ASCII encoded too");
        assertEquals("%C3%A9-x_y.z~", UrlPaths.encodeFragment("é-x_y.z~"));
    }

    @Test
    void relativeUrlsFromAPageNeverReadAsASchemeAndTheRootIsDotSlash() {
        assertEquals("../../", UrlPaths.toRoot("guides/cache/"));
        assertEquals("", UrlPaths.toRoot("index.html"));
        assertEquals("./", UrlPaths.relative("", ""));
        assertEquals("../caching/", UrlPaths.relative("../", "caching/"));
        assertEquals("./javascript:alert(1)/", UrlPaths.relative("", "javascript:alert(1)/"));
        assertEquals("../javascript:x/", UrlPaths.safeRelative("../javascript:x/"), "a first segment without ':' is safe");
    }
}
