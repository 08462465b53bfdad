package dev.sd101.browser;

import dev.sd101.BuildResult;
import dev.sd101.Sd101;
import dev.sd101.SiteConfig;
import dev.sd101.markdown.Heading;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The site of content/README-ko.md in headless Chromium, served under a sub-path as GitHub Pages serves a
 * project site. One browser for the class; the tests run in order and each starts from a clean state.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SiteInBrowserIT {
    static final String PREFIX = "/system-design-101/";
    static final String SITE_URL = "https://example.github.io/system-design-101/";
    static final Path TARGET = Path.of("target");
    static final Path SHOTS = TARGET.resolve("screenshots");

    Path content;
    Path seed;
    List<Heading> headings;
    StaticServer server;
    ChromeDriver driver;
    final List<String> consoleErrors = new ArrayList<>();
    final Set<String> expectedMisses = new TreeSet<>();

    @BeforeAll
    void buildAndStart() throws IOException {
        Path shared = Path.of(System.getProperty("sd101.shared", "../../shared/sd101"));
        Path repo = Path.of(System.getProperty("sd101.repo", ".."));
        Assumptions.assumeTrue(Files.isDirectory(shared.resolve("images")),
                "browser test skipped: the upstream data set (images, seed) is not at " + shared);
        seed = shared.resolve("README-ko.seed.md");
        // The README's images sit beside it as in the upstream repository, so the build reads their sizes.
        Path tree = TARGET.resolve("browser-content");
        content = tree.resolve("content/README-ko.md");
        Files.createDirectories(content.getParent());
        Files.copy(repo.resolve("content/README-ko.md"), content, StandardCopyOption.REPLACE_EXISTING);
        Path images = Files.createDirectories(tree.resolve("images"));
        try (Stream<Path> files = Files.list(shared.resolve("images"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path to = images.resolve(f.getFileName().toString());
                if (!Files.exists(to) || Files.size(to) != Files.size(f)) {
                    Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path site = TARGET.resolve("browser-site").toAbsolutePath();
        Sd101 engine = new Sd101();
        BuildResult r = engine.generate(SiteConfig.builder(content).contentRoot(tree).outputDirectory(site)
                .siteTitle("System Design 101 (한국어)").language("ko").siteUrl(SITE_URL)
                .repositoryUrl("https://github.com/example/system-design-101-ko")
                // As the repository's own configuration: images missing locally come from upstream.
                .imageBaseUrl("https://raw.githubusercontent.com/ByteByteGoHq/system-design-101/main/images/").build());
        assertTrue(r.written());
        headings = engine.anchors(content);
        Path axe = Path.of("src/test/js-deps/node_modules/axe-core");
        server = new StaticServer(PREFIX, site, Map.of("/__test/axe/", axe.toAbsolutePath()));
        driver = Browser.start(TARGET.resolve("browser-profile-" + ProcessHandle.current().pid()));
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    void stop() {
        Browser.stop(driver, server);
    }

    @org.junit.jupiter.api.BeforeEach
    void cleanConsole() {
        driver.manage().logs().get(LogType.BROWSER);
        consoleErrors.clear();
    }

    @Test
    @Order(1)
    void everyHeadingOfTheOriginalReadmeLandsOnItsPageInView() throws IOException {
        assertEquals(83, headings.size(), "the README has 83 headings");
        Map<String, String> ids = new java.util.LinkedHashMap<>();
        for (Heading h : headings) {
            ids.put(h.id(), h.id());
        }
        // The old table of contents wrote two links with capitals; github.com finds them by lower-casing.
        List<String> lines = Files.readAllLines(seed);
        for (int line : new int[]{51, 54}) {
            Matcher m = Pattern.compile("\\(#([^)]+)\\)").matcher(lines.get(line - 1));
            assertTrue(m.find(), "seed line " + line + " links to an anchor");
            String written = m.group(1);
            assertFalse(ids.containsKey(written), written + " is a case-only variant");
            ids.put(written, written.toLowerCase(java.util.Locale.ROOT));
        }
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, String> e : ids.entrySet()) {
            driver.get(server.base() + "index.html#" + encode(e.getKey()));
            String expected = e.getValue();
            try {
                new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> inView(expected));
            } catch (org.openqa.selenium.TimeoutException t) {
                failures.add(e.getKey() + " → " + js("return location.pathname + location.hash"));
            }
            collectConsole();
        }
        assertEquals(List.of(), failures, "old links that did not land on their heading");
        assertEquals(List.of(), consoleErrors);
    }

    @Test
    @Order(2)
    void everyPageLinksOnlyToPagesThatExistWithoutConsoleErrors() throws Exception {
        Set<String> visited = new LinkedHashSet<>();
        Set<String> linked = new TreeSet<>();
        String url = server.base();
        while (url != null && visited.add(url)) {
            driver.get(url);
            assertNotNull(driver.findElement(By.cssSelector("main#content")));
            @SuppressWarnings("unchecked")
            List<String> hrefs = (List<String>) js("return Array.from(document.querySelectorAll("
                    + "'.sidebar a[href], .pager a[href], .breadcrumbs a[href], .site-title[href]')).map(a => a.href)");
            for (String h : hrefs) {
                linked.add(h.replaceAll("#.*", ""));
            }
            collectConsole();
            url = (String) js("var n = document.querySelector('.pager a[rel=next]'); return n ? n.href : null");
        }
        assertTrue(visited.size() >= 80, "the next links chain every page: " + visited.size());
        HttpClient http = HttpClient.newHttpClient();
        List<String> broken = new ArrayList<>();
        for (String href : linked) {
            assertTrue(href.startsWith(server.base()), "a navigation link leaves the site: " + href);
            int status = http.send(HttpRequest.newBuilder(URI.create(href)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                broken.add(status + " " + href);
            }
        }
        assertEquals(List.of(), broken);
        assertTrue(visited.containsAll(linked), "every navigation target is a page in reading order");
        assertEquals(List.of(), consoleErrors);
    }

    @Test
    @Order(3)
    void notFoundPageWorksAtAnyDepthAndRedirectsOldAnchors() {
        String deep = PREFIX + "no/such/page.html";
        expectedMisses.add(deep);
        driver.get(server.origin() + deep);
        assertEquals("404", js("return document.documentElement.dataset.kind"));
        assertEquals("rgb(246, 248, 250)", js("return getComputedStyle(document.querySelector('#search-input')).backgroundColor"),
                "the stylesheet loaded relative to the site root");
        String home = (String) js("return document.querySelector('.not-found a').href");
        assertEquals(server.base(), home);
        collectConsole();
        // An old README link to a heading, with the file name the repository used.
        String old = PREFIX + "README.md";
        expectedMisses.add(old);
        driver.get(server.origin() + old + "#" + encode("카프카가-빠른-이유"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> inView("카프카가-빠른-이유"));
        collectConsole();
        assertEquals(List.of(), consoleErrors);
    }

    @Test
    @Order(4)
    void darkModeToggleIsRememberedAcrossPages() {
        driver.get(server.base());
        js("localStorage.clear()");
        driver.navigate().refresh();
        String light = (String) js("return getComputedStyle(document.body).backgroundColor");
        driver.findElement(By.cssSelector(".theme-toggle")).click();
        assertEquals("dark", js("return document.documentElement.dataset.theme"));
        assertEquals("true", driver.findElement(By.cssSelector(".theme-toggle")).getAttribute("aria-pressed"));
        driver.get(server.base() + encode("카프카가-빠른-이유") + "/");
        assertEquals("dark", js("return document.documentElement.dataset.theme"));
        String dark = (String) js("return getComputedStyle(document.body).backgroundColor");
        assertFalse(dark.equals(light), "the page is dark: " + dark);
        shot("article-dark");
        driver.findElement(By.cssSelector(".theme-toggle")).click();
        driver.get(server.base());
        assertEquals("light", js("return document.documentElement.dataset.theme"));
        collectConsole();
        assertEquals(List.of(), consoleErrors);
    }

    @Test
    @Order(5)
    void phoneLayoutHasAMenuAndNoSidewaysScroll() {
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            for (String page : List.of("", encode("카프카가-빠른-이유") + "/", "communication-protocols/")) {
                driver.get(server.base() + page);
                WebElement menu = driver.findElement(By.cssSelector(".menu-button"));
                assertTrue(menu.isDisplayed(), "menu button on a phone");
                assertFalse(driver.findElement(By.id("site-nav")).isDisplayed(), "navigation folded away");
                Number scroll = (Number) js("return document.documentElement.scrollWidth - window.innerWidth");
                assertTrue(scroll.intValue() <= 0, page + " scrolls sideways by " + scroll + " px");
            }
            driver.get(server.base() + encode("카프카가-빠른-이유") + "/");
            shot("phone");
            driver.findElement(By.cssSelector(".menu-button")).click();
            assertTrue(driver.findElement(By.id("site-nav")).isDisplayed());
            assertEquals("true", driver.findElement(By.cssSelector(".menu-button")).getAttribute("aria-expanded"));
            assertTrue(driver.findElement(By.cssSelector("#site-nav [aria-current=page]")).isDisplayed(), "the current page is shown in the menu");
            shot("phone-menu");
            collectConsole();
        } finally {
            driver.manage().window().setSize(new Dimension(1440, 1000));
        }
        assertEquals(List.of(), consoleErrors);
    }

    @Test
    @Order(6)
    void copyLinkPutsThePageUrlWithTheHeadingIdOnTheClipboard() {
        String page = server.base() + encode("카프카가-빠른-이유") + "/";
        driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", server.origin(),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        driver.get(page);
        WebElement h1 = driver.findElement(By.cssSelector("article.content h1[id]"));
        WebElement button = h1.findElement(By.cssSelector(".heading-link"));
        new Actions(driver).moveToElement(h1).moveToElement(button).click().perform();
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> button.getAttribute("class").contains("copied"));
        Object copied = driver.executeAsyncScript(
                "var done = arguments[0]; navigator.clipboard.readText().then(done, function (e) { done('error: ' + e); });");
        assertEquals(page + "#" + encode("카프카가-빠른-이유"), copied);
        collectConsole();
        assertEquals(List.of(), consoleErrors);
    }

    @Test
    @Order(7)
    void slashFocusesSearchAndAKoreanQueryLeadsToItsArticle() {
        driver.get(server.base() + "communication-protocols/");
        driver.findElement(By.tagName("body")).sendKeys("/");
        assertEquals("search-input", js("return document.activeElement.id"));
        WebElement input = driver.switchTo().activeElement();
        assertEquals("search", input.getAttribute("type"));
        input.sendKeys("카프카");
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector("#search-results a[href]")).isEmpty());
        List<WebElement> results = driver.findElements(By.cssSelector("#search-results a[href]"));
        String first = URLDecoder.decode(results.get(0).getAttribute("href"), StandardCharsets.UTF_8);
        // The result links the article's section, with the words that matched as ?h= for the page to highlight.
        assertTrue(first.matches(".*/카프카가-빠른-이유/(\\?h=[^#]*)?#.*"), "top result: " + first);
        shot("search");
        input.sendKeys(Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                URLDecoder.decode(d.getCurrentUrl(), StandardCharsets.UTF_8).matches(".*/카프카가-빠른-이유/(\\?h=[^#]*)?#.*"));
        String id = URLDecoder.decode(first.substring(first.indexOf('#') + 1), StandardCharsets.UTF_8);
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> inView(id));
        collectConsole();
        assertEquals(List.of(), consoleErrors);
    }

    @Test
    @Order(7)
    void aTypoOffersTheCorrectedQueryAndTheTargetPageMarksWhatMatched() {
        driver.get(server.base() + "communication-protocols/");
        WebElement input = driver.findElement(By.id("search-input"));
        input.sendKeys("dokcer");
        WebElement again = new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector("#search-results .search-suggestion-query")).stream().findFirst().orElse(null));
        assertEquals("docker", again.getText());
        shot("search-did-you-mean");
        again.click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> "docker".equals(input.getAttribute("value"))
                && d.findElements(By.cssSelector("#search-results .search-suggestion")).isEmpty()
                && !d.findElements(By.cssSelector("#search-results a[href]")).isEmpty());
        // A Hangul spelling of a Latin name: the page of the result marks the name as the text writes it.
        input.clear();
        input.sendKeys("레디스");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("#search-results a[href]"))
                .stream().anyMatch(a -> URLDecoder.decode(a.getAttribute("href"), StandardCharsets.UTF_8).contains("redis")));
        WebElement top = driver.findElements(By.cssSelector("#search-results a[href]")).get(0);
        assertTrue(top.findElements(By.tagName("mark")).stream().anyMatch(m -> m.getText().equalsIgnoreCase("redis")),
                "the snippet marks Redis: " + top.getText());
        top.click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("#content mark.search-hit")).isEmpty());
        assertTrue(driver.findElements(By.cssSelector("#content mark.search-hit")).stream()
                .allMatch(m -> m.getText().equalsIgnoreCase("redis") || m.getText().equals("레디스")));
        shot("search-highlight");
        collectConsole();
        assertEquals(List.of(), consoleErrors);
    }

    @Test
    @Order(8)
    void screenshotsForReview() {
        driver.get(server.base());
        js("localStorage.clear()");
        driver.navigate().refresh();
        shot("home");
        driver.get(server.base() + encode("카프카가-빠른-이유") + "/");
        shot("article");
        driver.get(server.base() + "cicd/");
        shot("category");
        collectConsole();
        assertEquals(List.of(), consoleErrors);
    }

    @Test
    @Order(9)
    void axeFindsNoSeriousAccessibilityProblemsInEitherTheme() throws IOException {
        String source = Axe.source();
        List<String> problems = new ArrayList<>();
        String article = server.base() + encode("카프카가-빠른-이유") + "/";
        String notFound = PREFIX + "gone/";
        expectedMisses.add(notFound);
        for (String theme : List.of("light", "dark")) {
            for (String url : List.of(server.base(), article, server.base() + "cicd/", server.origin() + notFound)) {
                driver.get(url);
                js("localStorage.setItem('sd101-theme', arguments[0])", theme);
                driver.navigate().refresh();
                problems.addAll(axe(source, theme + " " + url));
            }
        }
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            driver.get(article);
            problems.addAll(axe(source, "phone " + article));
        } finally {
            driver.manage().window().setSize(new Dimension(1440, 1000));
            js("localStorage.clear()");
        }
        collectConsole();
        assertEquals(List.of(), problems, "serious or critical axe-core violations");
        assertEquals(List.of(), consoleErrors);
    }

    List<String> axe(String source, String where) {
        return Axe.violations(driver, source, where);
    }

    @Test
    @Order(10)
    void noRequestForAMissingFile() {
        List<String> misses = new ArrayList<>(server.misses());
        misses.removeAll(expectedMisses);
        assertEquals(List.of(), misses);
    }

    // --- helpers ---------------------------------------------------------------------------------------

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Whether the element with this id is on the current page, the page is loaded, and it is in the viewport. */
    boolean inView(String id) {
        Object r = js("if (document.readyState !== 'complete') return false;"
                + "var el = document.getElementById(arguments[0]); if (!el) return false;"
                + "var b = el.getBoundingClientRect(); return b.top >= 0 && b.top < window.innerHeight - 20;", id);
        return Boolean.TRUE.equals(r);
    }

    void collectConsole() {
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            // Third-party images the content links (badges, licence icons) cannot load where the test runs
            // offline; files of the site itself are checked by the server's record of misses instead.
            boolean offlineThirdParty = e.getMessage().matches("https?://\\S+ - Failed to load resource: net::ERR_\\S+")
                    && !e.getMessage().startsWith(server.origin());
            boolean intended = expectedMisses.stream().anyMatch(m -> e.getMessage().startsWith(server.origin() + m + " ")
                    || e.getMessage().startsWith(server.origin() + m + "#"));
            if (e.getLevel().intValue() >= Level.SEVERE.intValue() && !offlineThirdParty && !intended) {
                consoleErrors.add(driver.getCurrentUrl() + ": " + e.getMessage());
            }
        }
    }

    void shot(String name) {
        js("return document.fonts.ready");
        // Lazy images below the fold are not needed; those in view must have been decoded.
        js("var done = arguments[arguments.length - 1]; Promise.all(Array.from(document.images)"
                + ".filter(i => i.getBoundingClientRect().top < innerHeight).map(i => i.decode().catch(() => 0))).then(done);");
        try {
            Files.write(SHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
