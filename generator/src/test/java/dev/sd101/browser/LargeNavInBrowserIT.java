package dev.sd101.browser;

import dev.sd101.BuildResult;
import dev.sd101.Sd101;
import dev.sd101.SiteConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A large site's sidebar in headless Chromium, on a site of many small sections (Hugo front matter, the shape whose
 * collapsed top level alone used to be hundreds of links on every page): the page carries a bounded slice, the
 * sidebar loads the whole tree from the shared file once when a reader opens a collapsed section or the hidden
 * siblings, by mouse or keyboard, on the desktop and in the phone drawer, and a click on a loaded entry lands on
 * its page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LargeNavInBrowserIT {
    private static final Path TARGET = Path.of("target");
    private static final int SECTIONS = 150;
    private static final int ARTICLES = 3;

    StaticServer server;
    ChromeDriver driver;

    @BeforeAll
    void buildAndStart() throws IOException {
        Path docs = TARGET.resolve("large-nav-content");
        Files.createDirectories(docs);
        StringBuilder home = new StringBuilder("# Field notes\n\nNotes on running services, in many small sections.\n");
        for (int s = 1; s <= SECTIONS; s++) {
            Path dir = Files.createDirectories(docs.resolve(section(s)));
            Files.writeString(dir.resolve("README.md"), "---\ntitle: \"Topic " + s + "\"\nweight: " + s + "\n---\n\n"
                    + "What topic " + s + " covers.\n");
            for (int a = 1; a <= ARTICLES; a++) {
                Files.writeString(dir.resolve("note-" + a + ".md"), "---\ntitle: \"Note " + s + "." + a + "\"\nweight: "
                        + a + "\n---\n\nA note of topic " + s + ".\n\n## Details\n\nMore about it.\n");
            }
        }
        Files.writeString(docs.resolve("README.md"), home.toString());
        Path site = TARGET.resolve("large-nav-site").toAbsolutePath();
        BuildResult r = new Sd101().generate(SiteConfig.builder(docs).contentRoot(docs).outputDirectory(site)
                .siteTitle("Field notes").language("en").search(false).build());
        assertTrue(r.written(), r::toString);
        assertTrue(Files.isRegularFile(site.resolve("nav.json")), "the shared navigation file");
        server = new StaticServer("/notes/", site, Map.of());
        driver = Browser.start(TARGET.resolve("large-nav-profile-" + ProcessHandle.current().pid()));
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

    private static String section(int s) {
        return String.format(Locale.ROOT, "topic-%03d", s);
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    private long navLinks() {
        return (Long) js("return document.querySelectorAll('#site-nav a').length");
    }

    private long navFileRequests() {
        return (Long) js("return performance.getEntriesByType('resource').filter(function (e) {"
                + " return e.name.indexOf('/notes/nav.json') > 0; }).length");
    }

    @Test
    void aPageCarriesABoundedSliceAndTheToggleOfACollapsedSectionLoadsItFromTheSharedFile() {
        driver.get(server.base() + section(80) + "/note-2/");
        assertEquals("Note 80.2 · Field notes", driver.getTitle());
        long carried = navLinks();
        assertTrue(carried < 30, "a bounded slice, not all " + SECTIONS + " sections: " + carried + " links");
        assertEquals(0L, navFileRequests(), "nothing loaded before it is asked for");
        assertEquals("page", driver.findElement(By.cssSelector("#site-nav a[href$='topic-080/note-2/']"))
                .getAttribute("aria-current"));

        WebElement toggle = driver.findElement(By.cssSelector("#site-nav li:not(.active) > .nav-category > .nav-toggle"));
        String list = toggle.getAttribute("aria-controls");
        String title = toggle.findElement(By.xpath("preceding-sibling::a")).getText();
        int s = Integer.parseInt(title.substring("Topic ".length()));
        assertEquals("false", toggle.getAttribute("aria-expanded"));
        toggle.click();
        waiting().until(d -> "true".equals(toggle.getAttribute("aria-expanded")));
        List<WebElement> loaded = driver.findElements(By.cssSelector("#" + list + " > li > a"));
        assertEquals(ARTICLES, loaded.size(), "the section's notes, from the shared file");
        assertTrue(loaded.get(0).isDisplayed());
        assertEquals("Note " + s + ".1", loaded.get(0).getText());
        assertEquals(1L, navFileRequests(), "the shared file, fetched once");

        loaded.get(2).click();
        waiting().until(d -> d.getCurrentUrl().endsWith(section(s) + "/note-3/"));
        assertEquals("Note " + s + ".3 · Field notes", driver.getTitle());
        assertEquals(List.of(), server.misses(), "no request missed");
    }

    @Test
    void theHiddenSiblingsShowInPlaceByKeyboardAndTheirEntriesOpenInTurn() {
        driver.get(server.base() + section(80) + "/");
        WebElement more = driver.findElement(By.cssSelector("#site-nav > ul > li:first-child > a[data-nav-more]"));
        assertTrue(more.getAttribute("href").endsWith("/notes/"), "without the file, the home page lists every section");
        int hidden = Integer.parseInt(more.getAttribute("data-nav-count"));
        assertTrue(hidden > 50, "most sections are hidden behind it: " + hidden);
        long before = navLinks();
        more.sendKeys(Keys.ENTER);
        waiting().until(d -> navLinks() > before);
        assertTrue(driver.getCurrentUrl().endsWith(section(80) + "/"), "stays on the page");
        assertEquals("Topic 1", (String) js("return document.activeElement.textContent"), "focus on the first shown");
        @SuppressWarnings("unchecked")
        List<String> top = (List<String>) js("return Array.prototype.map.call(document.querySelectorAll("
                + "'#site-nav > ul > li > .nav-category > a'), function (a) { return a.textContent; })");
        assertEquals("Topic 1", top.get(0));
        assertEquals("Topic 80", top.get(79), "in order, up to the page's own section");

        // Keyboard only: the first section's toggle, then its first note.
        WebElement toggle = driver.findElement(By.cssSelector("#site-nav > ul > li:first-child .nav-toggle"));
        toggle.sendKeys(Keys.ENTER);
        waiting().until(d -> "true".equals(toggle.getAttribute("aria-expanded")));
        WebElement note = driver.findElement(By.cssSelector("#" + toggle.getAttribute("aria-controls") + " a"));
        note.sendKeys(Keys.ENTER);
        waiting().until(d -> d.getCurrentUrl().endsWith(section(1) + "/note-1/"));
    }

    @Test
    void thePhoneDrawerStaysOpenWhileItsSectionsLoad() {
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(server.base() + section(40) + "/note-1/");
        driver.findElement(By.cssSelector(".menu-button")).click();
        assertTrue(driver.findElement(By.id("site-nav")).isDisplayed());
        WebElement more = driver.findElement(By.cssSelector("#site-nav > ul > li:last-child > a[data-nav-more]"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", more);
        long before = navLinks();
        more.click();
        waiting().until(d -> navLinks() > before);
        assertTrue((Boolean) js("return document.body.classList.contains('nav-open')"), "the drawer is still open");
        WebElement last = driver.findElement(By.cssSelector("#site-nav > ul > li:last-child .nav-category > a"));
        assertEquals("Topic " + SECTIONS, last.getText());
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", last);
        last.click();
        waiting().until(d -> d.getCurrentUrl().endsWith(section(SECTIONS) + "/"));
        assertFalse((Boolean) js("return document.body.classList.contains('nav-open')"), "a new page, the drawer closed");
    }

    @Test
    void axeFindsNoSeriousAccessibilityProblemsOnceTheTreeIsLoaded() throws IOException {
        driver.get(server.base() + section(10) + "/note-1/");
        driver.findElement(By.cssSelector("#site-nav a[data-nav-more]")).click();
        WebElement toggle = driver.findElement(By.cssSelector("#site-nav li:not(.active) > .nav-category > .nav-toggle"));
        toggle.click();
        waiting().until(d -> "true".equals(toggle.getAttribute("aria-expanded")));
        assertEquals(List.of(), Axe.violations(driver, Axe.source(), "large navigation"),
                "serious or critical axe-core violations");
    }
}
