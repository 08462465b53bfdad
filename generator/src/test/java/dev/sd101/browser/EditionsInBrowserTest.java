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
class EditionsInBrowserTest {
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
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
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
