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
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The language switcher in a real browser, on two phone sizes and a laptop, on the three-edition fixture served
 * under a sub-path: choosing English on a Korean article lands on the same article in English; the choice is
 * remembered, and a direct link to the Korean article afterwards stays on it (no redirect) and only offers the
 * English twin.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditionsInBrowserIT {
    private static final String PREFIX = "/notes/";
    private static final Path TARGET = Path.of("target");
    private static final Path FIXTURE = Path.of("src/test/resources/editions").toAbsolutePath();

    StaticServer server;
    ChromeDriver driver;

    @BeforeAll
    void buildAndStart() throws IOException {
        Path site = TARGET.resolve("editions-site").toAbsolutePath();
        BuildResult r = new Sd101().generate(SiteConfig.builder(FIXTURE).configFile(FIXTURE.resolve("sd101.yml"))
                .siteUrl("https://example.github.io/notes/").outputDirectory(site).build());
        assertTrue(r.written());
        server = new StaticServer(PREFIX, site, Map.of());
        driver = Browser.start(TARGET.resolve("editions-profile-" + ProcessHandle.current().pid()));
    }

    @AfterAll
    void stop() {
        Browser.stop(driver, server);
    }

    @AfterEach
    void forget() {
        if (driver != null) {
            js("localStorage.clear()");
            driver.manage().window().setSize(new Dimension(1440, 1000));
        }
    }

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"360, 640", "390, 844", "1280, 800"})
    void switchingLanguageLandsOnTheSameArticle(int width, int height) {
        String korean = server.base() + encode("cdn은-어떻게-작동하나요") + "/";
        open(width, height, korean);
        js("localStorage.clear()");
        driver.navigate().refresh();
        assertEquals("ko", driver.findElement(By.tagName("html")).getAttribute("lang"));
        WebElement summary = driver.findElement(By.cssSelector(".lang-switch summary"));
        assertInside(".lang-switch summary", width, height);
        summary.click();
        assertInside(".lang-menu", width, height);
        assertEquals("true", driver.findElement(By.cssSelector(".lang-switch")).getDomAttribute("open") == null ? "false" : "true");
        WebElement english = driver.findElement(By.cssSelector(".lang-menu a[data-lang=en]"));
        assertEquals("English", english.getText());
        english.click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/en/"));
        assertEquals(server.base() + "en/how-does-a-cdn-work/", driver.getCurrentUrl());
        assertEquals("en", driver.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("How does a CDN work?", driver.findElement(By.cssSelector("main h1")).getText());
        assertEquals("en", js("return localStorage.getItem('sd101-lang')"));

        // And back, through the English page's own switcher.
        driver.findElement(By.cssSelector(".lang-switch summary")).click();
        driver.findElement(By.cssSelector(".lang-menu a[data-lang=ja]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/ja/"));
        assertEquals("CDNはどのように動くのか", driver.findElement(By.cssSelector("main h1")).getText());
        driver.findElement(By.cssSelector(".lang-switch summary")).click();
        driver.findElement(By.cssSelector(".lang-menu a[data-lang=en]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/en/"));

        // A direct link to the Korean article is followed as it is; the remembered language is only offered.
        driver.get(korean);
        assertEquals(korean, driver.getCurrentUrl());
        assertEquals("ko", driver.findElement(By.tagName("html")).getAttribute("lang"));
        WebElement offer = new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> d.findElement(By.cssSelector(".lang-offer a")));
        assertEquals("en", offer.getAttribute("hreflang"));
        assertTrue(URLDecoder.decode(offer.getAttribute("href"), StandardCharsets.UTF_8).endsWith("/notes/en/how-does-a-cdn-work/"),
                offer.getAttribute("href"));
        assertInside(".lang-offer", width, height);
        noSidewaysScroll(width);
    }

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"360, 640", "1280, 800"})
    void escapeClosesTheMenuAndKeyboardReachesEveryEdition(int width, int height) {
        open(width, height, server.base() + "en/what-is-a-message-queue/");
        WebElement summary = driver.findElement(By.cssSelector(".lang-switch summary"));
        assertTrue(summary.getAttribute("aria-label").endsWith(": English"), summary.getAttribute("aria-label"));
        summary.sendKeys(org.openqa.selenium.Keys.ENTER);
        List<WebElement> links = driver.findElements(By.cssSelector(".lang-menu a"));
        assertEquals(List.of("한국어", "English", "日本語"), links.stream().map(WebElement::getText).toList());
        assertEquals("page", links.get(1).getAttribute("aria-current"));
        links.get(0).sendKeys(org.openqa.selenium.Keys.ESCAPE);
        assertEquals(null, driver.findElement(By.cssSelector(".lang-switch")).getDomAttribute("open"));
    }

    /**
     * The Korean edition's box on a Korean article: a query only the English edition answers shows no Korean result,
     * then the English one in its own group, labelled with its language and linking into en/; the English index is
     * downloaded by that query only, not when the page loads.
     */
    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"360, 640", "1280, 800"})
    void searchShowsTheOtherEditionsBelowItsOwn(int width, int height) {
        open(width, height, server.base() + encode("cdn은-어떻게-작동하나요") + "/");
        assertEquals(0L, js("return performance.getEntriesByType('resource').filter(e => e.name.includes('/en/search/')).length"),
                "no English index before a query");
        WebElement input = driver.findElement(By.id("search-input"));
        input.sendKeys("token bucket");
        WebElement group = new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.cssSelector("#search-results .search-others")));
        assertEquals("다른 언어의 결과", group.findElement(By.cssSelector(".search-group-title")).getText());
        assertEquals("검색 결과가 없습니다", driver.findElement(By.cssSelector("#search-results > .search-message")).getText());
        WebElement hit = group.findElement(By.cssSelector("a.search-result"));
        assertEquals("en", hit.getAttribute("lang"));
        assertEquals("English", hit.findElement(By.cssSelector(".search-lang")).getText());
        assertTrue(hit.findElement(By.cssSelector(".search-path")).getText().endsWith("Rate limiting"), hit.getText());
        assertTrue(js("return performance.getEntriesByType('resource').filter(e => e.name.includes('/en/search/')).length")
                instanceof Long n && n > 0, "the English index is fetched for the query");
        assertInside("#search-results", width, height);
        // Keyboard: the first option is the English result; Enter follows it into the English edition.
        input.sendKeys(org.openqa.selenium.Keys.ARROW_DOWN);
        assertEquals(hit.getAttribute("id"), input.getAttribute("aria-activedescendant"));
        input.sendKeys(org.openqa.selenium.Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/en/rate-limiting/"));
        assertEquals("Rate limiting", driver.findElement(By.cssSelector("main h1")).getText());

        // The English edition's own results come first, the Korean edition's below them, labelled 한국어.
        WebElement english = driver.findElement(By.id("search-input"));
        english.sendKeys("CDN");
        WebElement others = new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.cssSelector("#search-results .search-others")));
        assertEquals("In other languages", others.findElement(By.cssSelector(".search-group-title")).getText());
        WebElement own = driver.findElement(By.cssSelector("#search-results > a.search-result"));
        assertTrue(own.findElement(By.cssSelector(".search-path")).getText().contains("How does a CDN work?"), own.getText());
        List<String> langs = others.findElements(By.cssSelector(".search-lang")).stream().map(WebElement::getText).distinct().toList();
        assertEquals(List.of("한국어", "日本語"), langs);
        String href = others.findElement(By.cssSelector("a.search-result")).getAttribute("href");
        assertTrue(URLDecoder.decode(href, StandardCharsets.UTF_8).startsWith(server.base() + "cdn은-어떻게-작동하나요/"), href);
    }

    /** An old link to a README's heading misses, lands on the 404 page and is sent to that edition's article. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"en/README.md#database-replication, en/database-replication/#database-replication",
            "ja/README.md#メッセージキューとは, ja/メッセージキューとは/#メッセージキューとは",
            "README.md#데이터베이스-복제, 데이터베이스-복제/#데이터베이스-복제"})
    void oldReadmeAnchorsOfEachEditionRedirect(String old, String now) {
        driver.get(server.base() + old);
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> URLDecoder.decode(d.getCurrentUrl(), StandardCharsets.UTF_8).equals(server.base() + now));
    }

    /** An image the editions share is loaded from its one copy; an old link to an edition's copy is sent there. */
    @org.junit.jupiter.api.Test
    void sharedImagesLoadFromTheirOneCopyAndOldLinksArriveThere() {
        String dir = "generator/src/test/resources/editions/images/";
        driver.get(server.base() + "en/how-does-a-cdn-work/");
        WebElement img = driver.findElement(By.cssSelector("main img[alt='CDN flow']"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> (Boolean) js("return arguments[0].complete", img));
        assertTrue(((Number) js("return arguments[0].naturalWidth", img)).intValue() > 0, "the image loaded");
        assertEquals(server.base() + dir + "cdn.svg", img.getAttribute("src"));
        driver.get(server.base() + "en/" + dir + "cdn.svg");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().equals(server.base() + dir + "cdn.svg"));
    }

    private void open(int width, int height, String url) {
        driver.manage().window().setSize(new Dimension(width, height));
        driver.get(url);
        @SuppressWarnings("unchecked")
        List<Long> inner = (List<Long>) js("return [window.innerWidth, window.innerHeight]");
        if (inner.get(0) != width || inner.get(1) != height) {
            driver.manage().window().setSize(new Dimension(2 * width - inner.get(0).intValue(), 2 * height - inner.get(1).intValue()));
            driver.navigate().refresh();
        }
        assertEquals(List.of((long) width, (long) height), js("return [window.innerWidth, window.innerHeight]"),
                "the viewport is the size asked for");
    }

    @SuppressWarnings("unchecked")
    private void assertInside(String selector, int width, int height) {
        Map<String, Number> b = (Map<String, Number>) js("var b = document.querySelector(arguments[0]).getBoundingClientRect();"
                + "return {left: b.left, top: b.top, right: b.right, bottom: b.bottom, width: b.width, height: b.height};", selector);
        String where = selector + " at " + width + "×" + height + ": " + b;
        assertTrue(b.get("width").doubleValue() > 0 && b.get("height").doubleValue() > 0, "shown: " + where);
        assertTrue(b.get("left").doubleValue() >= 0 && b.get("top").doubleValue() >= 0, "starts inside: " + where);
        assertTrue(b.get("right").doubleValue() <= width + 0.5 && b.get("bottom").doubleValue() <= height + 0.5, "ends inside: " + where);
    }

    private void noSidewaysScroll(int width) {
        Number scroll = (Number) js("return document.documentElement.scrollWidth - window.innerWidth");
        assertTrue(scroll.intValue() <= 0, "scrolls sideways by " + scroll + " px at " + width);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
