package dev.sd101.maven;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What a new user does, end to end: this repository is released with the {@code release} profile (signing skipped)
 * through Sonatype's Central publishing plugin to a stand-in of the Central Portal, whose bundle becomes a file
 * repository; then a project in a folder outside this repository, whose {@code pom.xml} holds the plugin block
 * copied from README.md, runs {@code sd101:generate}, {@code sd101:check} and {@code sd101:serve} with a fresh local
 * repository, that file repository its only source of sd101. Other artifacts come from the outer build's local
 * repository, so the test runs offline once the outer build has its plugins.
 */
class UserProjectIT {
    private static final Path REPO = Path.of(System.getProperty("sd101.repo")).toAbsolutePath().normalize();
    private static final Path WORK = Path.of(System.getProperty("sd101.it.work")).toAbsolutePath().normalize();
    private static final Path OUTER_REPOSITORY = Path.of(System.getProperty("sd101.it.localRepository"));
    private static final String GROUP_ID = System.getProperty("sd101.it.groupId");
    private static final String PROJECT_VERSION = System.getProperty("sd101.it.version");
    private static final Path MVN = Path.of(System.getProperty("sd101.it.mavenHome"), "bin", "mvn");
    private static final Duration MAVEN_TIMEOUT = Duration.ofMinutes(6);

    @TempDir
    Path user;

    @Test
    void aProjectOfItsOwnPublishesChecksAndServesItsDocsWithTheReleasedPlugin() throws Exception {
        assertTrue(!user.startsWith(REPO), "the user project must be outside this repository: " + user);
        deleteTree(WORK);
        Files.createDirectories(WORK);

        String block = readmeBlock("<plugin>");
        String version = tag(block, "version");
        assertEquals(GROUP_ID, tag(block, "groupId"), "README's plugin block names the groupId the poms publish");
        assertEquals("sd101-maven-plugin", tag(block, "artifactId"));
        assertEquals(PROJECT_VERSION.replace("-SNAPSHOT", ""), version,
                "README's plugin block names the version this build releases");

        Path centralRepo = release(version);

        // The user's project: README's minimal pom.xml with README's plugin block in it, docs with images in two
        // folders.
        String pom = readmeBlock("<project");
        Matcher slot = Pattern.compile("(?m)^( *)<!-- the plugin block above -->\n").matcher(pom);
        assertTrue(slot.find(), "README's minimal pom.xml says where the plugin block goes:\n" + pom);
        Files.writeString(user.resolve("pom.xml"), pom.substring(0, slot.start()) + block.indent(slot.group(1).length())
                + pom.substring(slot.end()));
        Path docs = Files.createDirectories(user.resolve("docs"));
        Files.writeString(docs.resolve("README.md"), """
                # Our service

                ![Architecture](img/architecture.png)

                Start with the [installation](install.md), then read about [operations](ops/README.md#backups).
                """);
        Files.writeString(docs.resolve("install.md"), """
                # Installation

                Download the archive and unpack it. See [the overview](README.md).
                """);
        Files.createDirectories(docs.resolve("ops"));
        Files.writeString(docs.resolve("ops/README.md"), """
                # Operations

                ![Dashboard](../img/dashboard.png)

                ## Backups

                Nightly, kept for thirty days.
                """);
        Files.createDirectories(docs.resolve("img"));
        byte[] architecture = png(Color.BLUE);
        byte[] dashboard = png(Color.ORANGE);
        Files.write(docs.resolve("img/architecture.png"), architecture);
        Files.write(docs.resolve("img/dashboard.png"), dashboard);
        Path settings = userSettings(centralRepo);
        Path userRepository = WORK.resolve("user-m2");

        // generate: every page and image.
        Result generate = mvn(user, settings, userRepository, Map.of(), "sd101:generate");
        assertEquals(0, generate.exit(), generate.output());
        Path site = user.resolve("site");
        for (String page : List.of("index.html", "install/index.html", "ops/index.html")) {
            assertTrue(Files.isRegularFile(site.resolve(page)), "missing page " + page + "\n" + generate.output());
        }
        assertArrayEquals(architecture, Files.readAllBytes(site.resolve("docs/img/architecture.png")));
        assertArrayEquals(dashboard, Files.readAllBytes(site.resolve("docs/img/dashboard.png")));
        assertTrue(Files.readString(site.resolve("index.html")).contains("<meta name=\"generator\" content=\"sd101 " + version + "\">"),
                "the site says the released version");
        Path plugin = userRepository.resolve(GROUP_ID.replace('.', '/')).resolve("sd101-maven-plugin").resolve(version);
        assertTrue(Files.readString(plugin.resolve("_remote.repositories")).contains(">sd101-central="),
                "sd101 came from the released file repository");

        // check: a broken link fails the build and names file:line, also as a GitHub annotation.
        Files.writeString(docs.resolve("install.md"), """
                # Installation

                Download the archive and unpack it. See [the overview](README.md).
                Then [configure it](configure.md).
                """);
        Result check = mvn(user, settings, userRepository, Map.of("GITHUB_ACTIONS", "true"), "sd101:check");
        assertNotEquals(0, check.exit(), check.output());
        assertTrue(Pattern.compile("(?m)^\\[ERROR\\] docs/install\\.md:4:6: error: .*configure\\.md").matcher(check.output()).find(),
                check.output());
        assertTrue(Pattern.compile("(?m)^::error file=docs/install\\.md,line=4,col=6::").matcher(check.output()).find(),
                check.output());

        // serve: starts and answers on its port.
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process serve = start(user, settings, userRepository, Map.of(), "sd101:serve", "-Dsd101.port=" + port);
        try {
            String home = poll(URI.create("http://127.0.0.1:" + port + "/"), serve, Duration.ofMinutes(2));
            assertTrue(home.contains("Our service"), home);
        } finally {
            serve.descendants().forEach(ProcessHandle::destroy);
            serve.destroy();
            if (!serve.waitFor(30, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
    }

    /** The fenced xml block of README.md's quick start that starts with {@code start}, its indent removed. */
    private static String readmeBlock(String start) throws IOException {
        String readme = Files.readString(REPO.resolve("README.md"));
        Matcher m = Pattern.compile("(?ms)^( *)```xml\\n(.*?)^\\1```").matcher(readme);
        while (m.find()) {
            String block = m.group(2).replaceAll("(?m)^" + m.group(1), "");
            if (block.startsWith(start)) {
                return block;
            }
        }
        return fail("README.md has no fenced xml block starting with " + start);
    }

    private static String tag(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(xml);
        assertTrue(m.find(), "no <" + name + "> in " + xml);
        return m.group(1).trim();
    }

    /**
     * Releases a copy of this repository's sources (so the outer build's target folders stay untouched) as the
     * release workflow does: the version set from the tag, then {@code -Prelease deploy}, here with signing skipped
     * and the Central Portal's upload answered by {@link #portal}; twice, from clean, to prove the build
     * reproducible. Returns the uploaded bundle, unpacked: a Maven repository.
     */
    private static Path release(String version) throws Exception {
        Path source = WORK.resolve("source");
        copySources(source);
        Path settings = WORK.resolve("release-settings.xml");
        Files.writeString(settings, """
                <settings>
                  <servers><server><id>central</id><username>user</username><password>token</password></server></servers>
                </settings>
                """);
        Result set = mvn(source, settings, OUTER_REPOSITORY, Map.of(), "versions:set", "-DnewVersion=" + version,
                "-DgenerateBackupPoms=false", "-DprocessAllModules");
        assertEquals(0, set.exit(), set.output());

        byte[] bundle = deploy(source, settings);
        Path central = WORK.resolve("central");
        unzip(bundle, central);

        // Reproducible: a second clean build of the same sources gives the same bytes, archive by archive.
        Result clean = mvn(source, settings, OUTER_REPOSITORY, Map.of(), "-Prelease", "clean", "-q");
        assertEquals(0, clean.exit(), clean.output());
        Path again = WORK.resolve("central-again");
        unzip(deploy(source, settings), again);
        try (Stream<Path> files = Files.walk(central)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(again.resolve(central.relativize(f).toString())),
                        "two clean builds differ in " + central.relativize(f));
            }
        }

        // What Central requires of each artifact: a pom with its metadata, sources and javadoc beside each jar.
        Path group = central.resolve(GROUP_ID.replace('.', '/'));
        for (String artifact : List.of("sd101-templates", "sd101-generator", "sd101-maven-plugin")) {
            Path dir = group.resolve(artifact).resolve(version);
            for (String suffix : List.of(".pom", ".jar", "-sources.jar", "-javadoc.jar", ".jar.sha1", ".pom.md5")) {
                assertTrue(Files.isRegularFile(dir.resolve(artifact + "-" + version + suffix)), "bundle lacks " + artifact + suffix);
            }
        }
        String parent = Files.readString(group.resolve("sd101-parent").resolve(version).resolve("sd101-parent-" + version + ".pom"));
        for (String element : List.of("<licenses>", "<developers>", "<scm>", "<url>", "<issueManagement>", "<description>")) {
            assertTrue(parent.contains(element), "the parent pom lacks " + element);
        }
        return central;
    }

    /** {@code -Prelease deploy}, signing skipped, uploading to {@link #portal}; returns the bundle it uploaded. */
    private static byte[] deploy(Path source, Path settings) throws Exception {
        AtomicReference<byte[]> bundle = new AtomicReference<>();
        HttpServer portal = portal(bundle);
        try {
            Result deploy = mvn(source, settings, OUTER_REPOSITORY, Map.of(), "-Prelease", "deploy", "-Dgpg.skip=true",
                    "-DskipTests", "-Dmaven.install.skip=true",
                    "-DcentralBaseUrl=http://127.0.0.1:" + portal.getAddress().getPort(), "-DwaitPollingInterval=1");
            assertEquals(0, deploy.exit(), deploy.output());
        } finally {
            portal.stop(0);
        }
        assertNotNull(bundle.get(), "the release uploaded no bundle");
        return bundle.get();
    }

    /**
     * A stand-in for the Central Portal's publisher API: keeps the uploaded bundle and reports the deployment
     * published, as the plugin polls it.
     */
    private static HttpServer portal(AtomicReference<byte[]> bundle) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/publisher/upload", exchange -> {
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            byte[] body = exchange.getRequestBody().readAllBytes();
            bundle.set(multipartFile(body, type.substring(type.indexOf("boundary=") + 9).replace("\"", "")));
            respond(exchange, 201, "sd101-it-deployment");
        });
        server.createContext("/api/v1/publisher/status", exchange -> respond(exchange, 200,
                "{\"deploymentId\":\"sd101-it-deployment\",\"deploymentName\":\"sd101\",\"deploymentState\":\"PUBLISHED\",\"purls\":[]}"));
        server.createContext("/api/v1/publisher/published", exchange -> respond(exchange, 200, "{\"published\":false}"));
        server.start();
        return server;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getRequestBody().readAllBytes();
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The first part of a multipart body: between its headers' blank line and the next boundary. */
    private static byte[] multipartFile(byte[] body, String boundary) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int start = text.indexOf("\r\n\r\n", text.indexOf("--" + boundary)) + 4;
        int end = text.indexOf("\r\n--" + boundary, start);
        return text.substring(start, end).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void unzip(byte[] zip, Path to) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path file = to.resolve(e.getName()).normalize();
                assertTrue(file.startsWith(to), e.getName());
                if (!e.isDirectory()) {
                    Files.createDirectories(file.getParent());
                    Files.copy(in, file);
                }
            }
        }
    }

    /** The sources a release builds: the poms, the theme, the generator's and the plugin's main sources. */
    private static void copySources(Path to) throws IOException {
        for (String path : List.of("pom.xml", ".mvn", "templates/pom.xml", "templates/theme", "templates/src/javadoc", "generator/pom.xml",
                "generator/src/main", "maven-plugin/pom.xml", "maven-plugin/src/main")) {
            Path from = REPO.resolve(path);
            if (!Files.exists(from)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(from)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Path target = to.resolve(REPO.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(f, target);
                    }
                }
            }
        }
    }

    /**
     * The user's settings: the released file repository, and the outer build's local repository standing in for
     * Maven Central (a mirror, so nothing is fetched from the network).
     */
    private static Path userSettings(Path centralRepo) throws IOException {
        Path settings = WORK.resolve("user-settings.xml");
        Files.writeString(settings, """
                <settings>
                  <mirrors>
                    <mirror><id>outer</id><mirrorOf>central</mirrorOf><url>%s</url></mirror>
                  </mirrors>
                  <profiles>
                    <profile>
                      <id>sd101-release</id>
                      <repositories>
                        <repository><id>sd101-central</id><url>%s</url><snapshots><enabled>false</enabled></snapshots></repository>
                      </repositories>
                      <pluginRepositories>
                        <pluginRepository><id>sd101-central</id><url>%s</url><snapshots><enabled>false</enabled></snapshots></pluginRepository>
                      </pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>sd101-release</activeProfile></activeProfiles>
                </settings>
                """.formatted(OUTER_REPOSITORY.toUri(), centralRepo.toUri(), centralRepo.toUri()));
        return settings;
    }

    private record Result(int exit, String output) {
    }

    private static Result mvn(Path dir, Path settings, Path localRepository, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        Process p = start(dir, settings, localRepository, env, args);
        String output;
        try (InputStream in = p.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(MAVEN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("mvn " + String.join(" ", args) + " did not finish\n" + output);
        }
        Files.writeString(WORK.resolve("mvn-" + args[0].replaceAll("[^A-Za-z0-9]", "_") + ".log"), output);
        return new Result(p.exitValue(), output);
    }

    private static Process start(Path dir, Path settings, Path localRepository, Map<String, String> env, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(MVN.toString(), "-B", "-ntp", "-s", settings.toString(),
                "-Dmaven.repo.local=" + localRepository));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        // The outer build's own Maven options (a -T, a repository) are not the user's.
        pb.environment().remove("MAVEN_OPTS");
        pb.environment().remove("MAVEN_ARGS");
        pb.environment().remove("GITHUB_ACTIONS");
        pb.environment().put("XDG_CACHE_HOME", WORK.resolve("xdg-cache").toString());
        pb.environment().putAll(env);
        return pb.start();
    }

    /** The body at {@code uri} once it answers 200, while {@code process} runs. */
    private static String poll(URI uri, Process process, Duration timeout) throws Exception {
        Instant end = Instant.now().plus(timeout);
        StringBuilder output = new StringBuilder();
        InputStream log = process.getInputStream();
        while (Instant.now().isBefore(end)) {
            output.append(new String(log.readNBytes(log.available()), StandardCharsets.UTF_8));
            if (!process.isAlive()) {
                fail("sd101:serve exited with " + process.exitValue() + "\n" + output);
            }
            try {
                HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
                c.setConnectTimeout(1000);
                c.setReadTimeout(5000);
                if (c.getResponseCode() == 200) {
                    try (InputStream in = c.getInputStream()) {
                        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        return fail("sd101:serve did not answer on " + uri + "\n" + output);
    }

    /** A small real PNG, different per colour. */
    private static byte[] png(Color color) throws IOException {
        BufferedImage image = new BufferedImage(32, 16, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 32, 16);
        g.dispose();
        var out = new java.io.ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
