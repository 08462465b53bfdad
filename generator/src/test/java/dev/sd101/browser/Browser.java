package dev.sd101.browser;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;

/**
 * Starts headless Debian Chromium through its chromedriver. Where either is missing the calling test is
 * skipped with a message, except on CI ({@code CI=true}), where a missing browser is a failure.
 */
final class Browser {
    private Browser() {
    }

    static void require(boolean present, String what) {
        if (present) {
            return;
        }
        String message = what + " (install Debian's chromium and chromium-driver; .ci/run does)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail("CI=true and " + message);
        }
        Assumptions.abort("browser test skipped: " + message);
    }

    static Path executable(String env, String... candidates) {
        String fromEnv = System.getenv(env);
        if (fromEnv != null && Files.isExecutable(Path.of(fromEnv))) {
            return Path.of(fromEnv);
        }
        for (String c : candidates) {
            if (Files.isExecutable(Path.of(c))) {
                return Path.of(c);
            }
        }
        return null;
    }

    static ChromeDriver start(Path userData) throws IOException {
        Path chromium = executable("SD101_CHROMIUM", "/usr/bin/chromium", "/usr/bin/chromium-browser");
        Path driver = executable("SD101_CHROMEDRIVER", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        require(chromium != null, "Chromium not found at /usr/bin/chromium");
        require(driver != null, "chromedriver not found at /usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=1440,1000", "--lang=ko-KR",
                "--user-data-dir=" + Files.createDirectories(userData).toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile())
                .usingAnyFreePort()
                .withLogFile(new File(userData.toFile(), "chromedriver.log"))
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return chrome;
    }

    /** Quits the browser and closes the server, either of which may not have started. */
    static void stop(ChromeDriver driver, StaticServer server) {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }
}
