package dev.sd101.browser;

import dev.sd101.BuildResult;
import dev.sd101.Sd101;
import dev.sd101.SiteConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every overlay fits the viewport, on two phone sizes and a laptop: the search results panel, the menu drawer
 * (which must reach the bottom edge), the zoomed image, and the 404 page's content box, measured with
 * getBoundingClientRect rather than only "is displayed". The window is sized so that the viewport (innerWidth × innerHeight, checked) is
 * exactly the size named: a headless window's size is not its viewport's. The site is the fixture of Korean
 * numbered files in an English site, which also shows a Korean page keeping its words whole.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverlaysInBrowserIT {
    private static final String PREFIX = "/handbook/";
    private static final Path TARGET = Path.of("target");

    StaticServer server;
    ChromeDriver driver;

    @BeforeAll
    void buildAndStart() throws IOException, URISyntaxException {
        Path content = Path.of(OverlaysInBrowserIT.class.getResource("/order").toURI());
        Path site = TARGET.resolve("overlays-site").toAbsolutePath();
        BuildResult r = new Sd101().generate(SiteConfig.builder(content).contentRoot(content).outputDirectory(site).siteTitle("Handbook")
                .language("en").siteUrl("https://example.github.io/handbook/").repositoryUrl("https://github.com/example/handbook").build());
        assertTrue(r.written());
        server = new StaticServer(PREFIX, site, Map.of());
        driver = Browser.start(TARGET.resolve("overlays-profile-" + ProcessHandle.current().pid()));
    }

    @AfterAll
    void stop() {
        Browser.stop(driver, server);
    }

    @AfterEach
    void fullSize() {
        if (driver != null) {
            driver.manage().window().setSize(new Dimension(1440, 1000));
        }
    }

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"360, 640", "390, 844", "1280, 800"})
    void theSearchResultsPanelFitsTheViewport(int width, int height) {
        open(width, height, "numbered/" + encode("2. 설치") + "/");
        WebElement input = driver.findElement(By.id("search-input"));
        input.click();
        input.sendKeys("배포");
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector("#search-results a[href]")).isEmpty());
        assertInside("#search-results", width, height);
        assertInside("#search-input", width, height);
        shot("search-" + width + "x" + height);
        noSidewaysScroll(width);
    }

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"360, 640", "390, 844"})
    void theMenuDrawerCoversTheViewportDownToTheBottom(int width, int height) {
        open(width, height, "numbered/" + encode("2. 설치") + "/");
        assertEquals(Boolean.FALSE, js("var b = document.getElementById('site-nav').getBoundingClientRect(); return b.width > 0 && b.height > 0"),
                "folded away before the menu is opened");
        driver.findElement(By.cssSelector(".menu-button")).click();
        Map<String, Number> nav = assertInside("#site-nav", width, height);
        assertEquals(height, Math.round(nav.get("bottom").doubleValue()), "the drawer reaches the bottom edge: " + nav);
        assertEquals(0, Math.round(nav.get("left").doubleValue()), "from the left edge: " + nav);
        assertEquals(width, Math.round(nav.get("right").doubleValue()), "to the right edge: " + nav);
        shot("menu-" + width + "x" + height);
        Map<String, Number> header = rect(".site-header");
        assertEquals(Math.round(header.get("bottom").doubleValue()), Math.round(nav.get("top").doubleValue()), "right under the header");
        // Its last entry can be scrolled into view inside the drawer.
        js("var links = document.querySelectorAll('#site-nav a'); links[links.length - 1].scrollIntoView({block: 'end'})");
        Map<String, Number> last = rectOf("var links = document.querySelectorAll('#site-nav a'); return links[links.length - 1];");
        assertTrue(last.get("bottom").doubleValue() <= height, "the drawer's last link is reachable: " + last);
        noSidewaysScroll(width);
    }

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"360, 640", "390, 844", "1280, 800"})
    void theSidebarOrDrawerNeverLeavesTheViewport(int width, int height) {
        open(width, height, "");
        if (width > 832) {
            Map<String, Number> nav = assertInside("#site-nav", width, height);
            assertTrue(nav.get("width").doubleValue() > 200, "a sidebar column at " + width + ": " + nav);
        } else {
            assertEquals(Boolean.TRUE, js("return getComputedStyle(document.querySelector('.menu-button')).display !== 'none'"));
        }
    }

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"360, 640", "390, 844", "1280, 800"})
    void theNotFoundPageUsesTheWholeContentWidthWithSearchAndAWayHome(int width, int height) {
        open(width, height, "no/such/page/");
        assertEquals("404", js("return document.documentElement.dataset.kind"));
        Map<String, Number> main = assertInside("main", width, height);
        Map<String, Number> box = rect(".not-found");
        double expected = Math.min(width, 92 * 16);
        // Not squeezed into the sidebar's 17.5rem column: main spans the layout; the article gets the content width.
        assertTrue(main.get("width").doubleValue() >= expected - 1, "main spans the layout: " + main);
        assertTrue(box.get("width").doubleValue() >= Math.min(width - 40, 48 * 16) - 1, "the message box: " + box);
        double leftGap = box.get("left").doubleValue();
        double rightGap = width - box.get("right").doubleValue();
        assertTrue(Math.abs(leftGap - rightGap) <= 2, "centred: " + leftGap + " / " + rightGap);
        assertInside("#search-input", width, height);
        shot("404-" + width + "x" + height);
        WebElement home = driver.findElement(By.cssSelector(".not-found a"));
        assertEquals(server.base(), home.getAttribute("href"));
        noSidewaysScroll(width);
    }

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"360, 640", "390, 844", "1280, 800"})
    void aZoomedImageFitsTheViewport(int width, int height) {
        open(width, height, "numbered/" + encode("5. 이미지 넣기") + "/");
        driver.findElement(By.cssSelector("article.content img.zoomable")).click();
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> Boolean.TRUE.equals(js("return document.querySelector('dialog.lightbox').open")));
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> Boolean.TRUE.equals(js("return document.querySelector('dialog.lightbox img').complete")));
        Map<String, Number> big = assertInside("dialog.lightbox img", width, height);
        assertTrue(big.get("width").doubleValue() >= width * 0.9 || big.get("height").doubleValue() >= height * 0.9,
                "the zoomed image uses the viewport: " + big);
        js("document.querySelector('dialog.lightbox').close()");
    }

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"360, 640", "1280, 800"})
    void aKoreanPageInAnEnglishSiteKeepsItsWordsWhole(int width, int height) {
        open(width, height, "numbered/" + encode("10. 마무리") + "/");
        assertEquals("ko", js("return document.documentElement.lang"));
        assertEquals("keep-all", js("return getComputedStyle(document.querySelector('article.content p')).wordBreak"));
        open(width, height, "");
        assertEquals("en", js("return document.documentElement.lang"));
        assertEquals("normal", js("return getComputedStyle(document.querySelector('main')).wordBreak"));
    }

    // --- helpers ---------------------------------------------------------------------------------------

    /**
     * Opens a page in a viewport of exactly this size: the window is sized, then grown by what its frame takes
     * (a headless window's size is not its viewport's). Device metrics emulation is not used: it leaves the box
     * that fixed elements are laid out in at the window's size, which is not what a phone does.
     */
    private void open(int width, int height, String page) {
        driver.manage().window().setSize(new Dimension(width, height));
        driver.get(server.base() + page);
        @SuppressWarnings("unchecked")
        List<Long> inner = (List<Long>) js("return [window.innerWidth, window.innerHeight]");
        if (inner.get(0) != width || inner.get(1) != height) {
            driver.manage().window().setSize(new Dimension(2 * width - inner.get(0).intValue(), 2 * height - inner.get(1).intValue()));
            driver.navigate().refresh();
        }
        assertEquals(List.of((long) width, (long) height), js("return [window.innerWidth, window.innerHeight]"),
                "the viewport is the size asked for");
    }

    /** The element's box, asserting that it is shown and lies wholly inside the viewport. */
    private Map<String, Number> assertInside(String selector, int width, int height) {
        Map<String, Number> b = rect(selector);
        String where = selector + " at " + width + "×" + height + ": " + b;
        assertTrue(b.get("width").doubleValue() > 0 && b.get("height").doubleValue() > 0, "shown: " + where);
        assertTrue(b.get("left").doubleValue() >= 0 && b.get("top").doubleValue() >= 0, "starts inside: " + where);
        assertTrue(b.get("right").doubleValue() <= width + 0.5 && b.get("bottom").doubleValue() <= height + 0.5, "ends inside: " + where);
        return b;
    }

    private Map<String, Number> rect(String selector) {
        return rectOf("return document.querySelector(arguments[0]);", selector);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Number> rectOf(String elementScript, Object... args) {
        Object r = js("var el = (function () { " + elementScript + " }).apply(null, arguments);"
                + "if (!el) return null; var b = el.getBoundingClientRect();"
                + "return {left: b.left, top: b.top, right: b.right, bottom: b.bottom, width: b.width, height: b.height};", args);
        assertTrue(r != null, "no element for " + elementScript + " " + List.of(args));
        return (Map<String, Number>) r;
    }

    private void noSidewaysScroll(int width) {
        Number scroll = (Number) js("return document.documentElement.scrollWidth - window.innerWidth");
        assertTrue(scroll.intValue() <= 0, "scrolls sideways by " + scroll + " px at " + width);
    }

    /** A screenshot for review, in target/screenshots. */
    private void shot(String name) {
        try {
            java.nio.file.Files.createDirectories(TARGET.resolve("screenshots"));
            java.nio.file.Files.write(TARGET.resolve("screenshots/overlays-" + name + ".png"),
                    driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
