package dev.sd101.bench;

import dev.sd101.anchor.GitHubSlugger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A deterministic synthetic documentation set: a folder of {@code pages} Markdown files (a home page, one
 * {@code README.md} per section, articles) made by varying real articles, so that builds of 1,000 or 10,000
 * pages are comparable run to run. The same seed and seed text give byte-identical files.
 *
 * <p>Every article has headings, paragraphs in Korean and English, lists, a table, a code block, images, a
 * table of contents of its own headings and links to other articles (with anchors that exist), like the
 * articles of System Design 101. The seed text is {@code content/README-ko.md} (split at its {@code ###}
 * articles), or any folder of Markdown files (split at {@code ##}/{@code ###} headings, or whole files).
 *
 * <p>Three shapes ({@link Shape}): few large sections (the default), thousands of small sections with Hugo front matter
 * (title and weight, no title heading), and sections nested five or six levels deep.
 *
 * <pre>{@code java -cp … dev.sd101.bench.CorpusGenerator <out dir> <pages> [seed file or folder] [seed] [shape]}</pre>
 */
public final class CorpusGenerator {
    /** Articles per section folder; 10,000 pages make about 100 sections, as big manuals have. */
    static final int SECTION_SIZE = 100;

    /** How the pages are grouped into section folders. */
    enum Shape {
        /** About 100 articles per section, one level: 10,000 pages in 99 sections. */
        WIDE("wide"),
        /**
         * About five pages per section, one level, Hugo front matter ({@code title}, {@code weight}) and no title
         * heading: 10,000 pages in 2,121 sections, the shape of the corpus Hugo and Pagefind were timed on.
         */
        SMALL("small"),
        /** Sections three to a parent, five levels deep (six from 5,000 pages), articles in every section. */
        DEEP("deep");

        final String id;

        Shape(String id) {
            this.id = id;
        }

        static Shape of(String id) {
            for (Shape s : values()) {
                if (s.id.equals(id)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown corpus shape '" + id + "' (wide, small or deep)");
        }
    }

    /** A section folder: its path below the corpus, depth (1 at the top), parent's index in the list (or -1). */
    record Section(String dir, int depth, int parent) {
    }

    private static final String[] WORDS = ("cache shard replica leader follower quorum latency throughput "
            + "partition index queue stream batch retry timeout gateway proxy token session schema migration "
            + "snapshot consistency availability idempotent backpressure rollout canary cluster container "
            + "kernel socket buffer compression encryption certificate rate-limit circuit-breaker").split(" ");
    private static final String[] KO_WORDS = ("캐시 샤드 복제본 리더 지연 시간 처리량 파티션 인덱스 큐 스트림 배치 재시도 "
            + "시간 초과 게이트웨이 프록시 토큰 세션 스키마 마이그레이션 스냅샷 일관성 가용성 멱등성 배포 클러스터 "
            + "컨테이너 커널 소켓 버퍼 압축 암호화 인증서 장애 조치 모니터링 로그 데이터베이스 서버 요청 응답").split(" ");
    private static final String[] KO_ENDINGS = {"입니다.", "를 사용합니다.", "가 중요합니다.", "를 줄일 수 있습니다.",
            "에 영향을 줍니다.", "를 고려해야 합니다.", "와 함께 동작합니다."};

    /** One seed article: a title and its Markdown body (without the title line). */
    record Article(String title, String body) {
    }

    private final List<Article> seeds;
    private final long seed;
    private final Shape shape;

    CorpusGenerator(List<Article> seeds, long seed) {
        this(seeds, seed, Shape.WIDE);
    }

    CorpusGenerator(List<Article> seeds, long seed, Shape shape) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("no seed articles");
        }
        this.seeds = List.copyOf(seeds);
        this.seed = seed;
        this.shape = shape;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: CorpusGenerator <out dir> <pages> [seed file or folder (default content/README-ko.md)] [seed]");
            System.exit(2);
        }
        Path from = Path.of(args.length > 2 ? args[2] : "content/README-ko.md");
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 101;
        Shape shape = args.length > 4 ? Shape.of(args[4]) : Shape.WIDE;
        new CorpusGenerator(seedArticles(from), seed, shape).write(Path.of(args[0]), Integer.parseInt(args[1]));
    }

    /** Seed articles of a file ({@code ###} sections) or of every {@code .md} file of a folder. */
    static List<Article> seedArticles(Path from) throws IOException {
        List<Article> out = new ArrayList<>();
        if (Files.isDirectory(from)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(from)) {
                files = walk.filter(p -> p.toString().toLowerCase(Locale.ROOT).endsWith(".md")).sorted().toList();
            }
            for (Path f : files) {
                List<Article> split = split(Files.readString(f), "## ");
                out.addAll(split.isEmpty() ? List.of(new Article(stem(f), Files.readString(f))) : split);
            }
        } else {
            out.addAll(split(Files.readString(from), "### "));
        }
        return out;
    }

    private static String stem(Path f) {
        String n = f.getFileName().toString();
        return n.substring(0, n.length() - 3);
    }

    /** Sections that start with {@code marker} (or a deeper heading of the same run) and have a body. */
    static List<Article> split(String markdown, String marker) {
        List<Article> out = new ArrayList<>();
        String title = null;
        StringBuilder body = new StringBuilder();
        boolean fence = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("```")) {
                fence = !fence;
            }
            boolean start = !fence && (line.startsWith(marker) || (marker.equals("## ") && line.startsWith("### ")));
            boolean stop = !fence && line.startsWith("#") && !start;
            if (start || stop) {
                add(out, title, body);
                title = start ? line.replaceFirst("^#+\\s*", "").strip() : null;
                body.setLength(0);
                continue;
            }
            if (title != null) {
                body.append(line).append('\n');
            }
        }
        add(out, title, body);
        return out;
    }

    private static void add(List<Article> out, String title, StringBuilder body) {
        if (title != null && !title.isEmpty() && body.toString().strip().length() > 40) {
            out.add(new Article(title, body.toString().strip()));
        }
    }

    /** The section folders of a corpus of {@code pages} pages, parents before their children. */
    static List<Section> sections(Shape shape, int pages) {
        List<Section> out = new ArrayList<>();
        switch (shape) {
            case WIDE -> {
                int n = Math.max(1, (pages - 1 + SECTION_SIZE) / (SECTION_SIZE + 1));
                for (int s = 0; s < n; s++) {
                    out.add(new Section(sectionDir(s), 1, -1));
                }
            }
            case SMALL -> {
                // 2,121 sections at 10,000 pages: 4.7 pages a section, index included.
                int n = (int) Math.max(1, (pages - 1) * 2121L / 9999);
                for (int s = 0; s < n; s++) {
                    out.add(new Section(String.format(Locale.ROOT, "section-%04d", s + 1), 1, -1));
                }
            }
            case DEEP -> {
                int depth = pages >= 5000 ? 6 : 5;
                addDeep(out, "", 1, depth, -1);
            }
        }
        if (out.size() > pages - 2) {
            throw new IllegalArgumentException(pages + " pages are too few for the " + shape.id + " shape (" + out.size()
                    + " sections)");
        }
        return out;
    }

    private static void addDeep(List<Section> out, String prefix, int depth, int maxDepth, int parent) {
        for (int i = 0; i < 3; i++) {
            String dir = prefix + String.format(Locale.ROOT, "part-%d", i + 1);
            out.add(new Section(dir, depth, parent));
            if (depth < maxDepth) {
                addDeep(out, dir + "/", depth + 1, maxDepth, out.size() - 1);
            }
        }
    }

    /** Writes the corpus: {@code pages} Markdown files in total (home + sections + articles). */
    void write(Path out, int pages) throws IOException {
        if (pages < 3) {
            throw new IllegalArgumentException("pages must be at least 3");
        }
        List<Section> sections = sections(shape, pages);
        int n = sections.size();
        int articles = pages - 1 - n;
        deleteTree(out);
        Files.createDirectories(out);
        Random rnd = new Random(seed);
        List<String> titles = new ArrayList<>(articles);
        for (int i = 0; i < articles; i++) {
            titles.add(seeds.get(i % seeds.size()).title() + " " + (i / seeds.size() + 1));
        }
        // Where each article lives, for the links between articles.
        String[] dirOf = new String[articles];
        for (int s = 0; s < n; s++) {
            for (int a = s * articles / n; a < (s + 1) * articles / n; a++) {
                dirOf[a] = sections.get(s).dir();
            }
        }
        StringBuilder home = new StringBuilder("# Synthetic System Design (").append(pages).append(" pages)\n\n")
                .append("시스템 설계를 위한 합성 문서입니다. A synthetic documentation set made from real articles.\n\n## 목차\n\n");
        List<StringBuilder> subsections = new ArrayList<>();
        List<String> sectionTitles = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            subsections.add(new StringBuilder());
            int from = s * articles / n;
            sectionTitles.add("Section " + (s + 1) + ": " + seeds.get(from % seeds.size()).title());
        }
        for (int s = 0; s < n; s++) {
            Section sec = sections.get(s);
            StringBuilder parentList = sec.parent() < 0 ? home : subsections.get(sec.parent());
            String linkFromParent = sec.parent() < 0 ? sec.dir() : sec.dir().substring(sections.get(sec.parent()).dir().length() + 1);
            parentList.append("- [").append(sectionTitles.get(s)).append("](").append(linkFromParent).append("/README.md)\n");
        }
        for (int s = 0; s < n; s++) {
            int from = s * articles / n;
            int to = (s + 1) * articles / n;
            String dir = sections.get(s).dir();
            StringBuilder index = new StringBuilder("# ").append(sectionTitles.get(s)).append("\n\n")
                    .append(koSentence(rnd)).append(' ').append(enSentence(rnd)).append("\n\n## 목차\n\n");
            for (int a = from; a < to; a++) {
                // Small sections are listed by weight, as Hugo orders them; the others by their index's links.
                if (shape != Shape.SMALL) {
                    index.append("- [").append(titles.get(a)).append("](").append(articleFile(a)).append(")\n");
                }
                writeFile(out.resolve(dir).resolve(articleFile(a)), article(a, titles, dirOf, a - from + 1, rnd));
            }
            index.append(subsections.get(s));
            writeFile(out.resolve(dir).resolve("README.md"), index.toString());
        }
        writeFile(out.resolve("README.md"), home.toString());
    }

    private String article(int i, List<String> titles, String[] dirOf, int weight, Random rnd) {
        Article base = seeds.get(i % seeds.size());
        StringBuilder md = new StringBuilder();
        if (shape == Shape.SMALL) {
            md.append("---\ntitle: \"").append(titles.get(i).replace("\\", "\\\\").replace("\"", "\\\""))
                    .append("\"\nweight: ").append(weight).append("\n---\n\n");
        } else {
            md.append("# ").append(titles.get(i)).append("\n\n");
        }
        int articles = titles.size();
        String up = "../".repeat(dirOf[i].split("/").length);
        md.append(koSentence(rnd)).append(' ').append(enSentence(rnd)).append("\n\n");
        md.append("## 목차\n\n- [개요](#개요)\n- [비교](#비교)\n- [예제 코드](#예제-코드)\n- [관련 글](#관련-글)\n\n");
        md.append("## 개요\n\n").append(demote(base.body())).append("\n\n");
        md.append("## 비교\n\n| 항목 | Option A | Option B |\n|---|---|---|\n");
        for (int r = 0; r < 4; r++) {
            md.append("| ").append(pick(rnd, KO_WORDS)).append(" | ").append(pick(rnd, WORDS)).append(" `")
                    .append(rnd.nextInt(1000)).append("ms` | ").append(pick(rnd, WORDS)).append(" |\n");
        }
        md.append("\n- ").append(koSentence(rnd)).append("\n- ").append(enSentence(rnd))
                .append("\n  - ").append(koSentence(rnd)).append("\n\n");
        md.append("<p>\n  <img src=\"").append(up).append("images/").append(pick(rnd, WORDS)).append(".png\" alt=\"")
                .append(pick(rnd, KO_WORDS)).append("\">\n</p>\n\n");
        md.append("## 예제 코드\n\n```java\nclass ").append(cap(pick(rnd, WORDS).replace("-", ""))).append(i)
                .append(" {\n    int ").append(pick(rnd, WORDS).replace("-", "")).append(" = ").append(rnd.nextInt(100))
                .append(";\n    String name() { return \"").append(pick(rnd, KO_WORDS)).append("\"; }\n}\n```\n\n");
        md.append("## 관련 글\n\n");
        for (int k = 0; k < 3; k++) {
            int other = rnd.nextInt(articles);
            String anchor = GitHubSlugger.slug(k == 0 ? "개요" : k == 1 ? "비교" : "예제 코드");
            md.append("- [").append(titles.get(other)).append("](").append(up).append(dirOf[other])
                    .append('/').append(articleFile(other)).append('#').append(anchor).append(")\n");
        }
        return md.append('\n').toString();
    }

    /** The seed's own headings become level 3 and below, under the article's {@code ## 개요}. */
    private static String demote(String body) {
        StringBuilder out = new StringBuilder();
        boolean fence = false;
        for (String line : body.split("\n", -1)) {
            if (line.startsWith("```")) {
                fence = !fence;
            }
            out.append(!fence && line.matches("#{1,4} .*") ? "##" + line : line).append('\n');
        }
        return out.toString().strip();
    }

    static String sectionDir(int s) {
        return String.format(Locale.ROOT, "section-%03d", s + 1);
    }

    static String articleFile(int a) {
        return String.format(Locale.ROOT, "article-%05d.md", a + 1);
    }

    private static String koSentence(Random rnd) {
        return pick(rnd, KO_WORDS) + "와 " + pick(rnd, KO_WORDS) + "의 관계에서 " + pick(rnd, KO_WORDS) + pick(rnd, KO_ENDINGS);
    }

    private static String enSentence(Random rnd) {
        return cap(pick(rnd, WORDS)) + " and " + pick(rnd, WORDS) + " decide the " + pick(rnd, WORDS) + " of a "
                + pick(rnd, WORDS) + " under load.";
    }

    private static String pick(Random rnd, String[] words) {
        return words[rnd.nextInt(words.length)];
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static void writeFile(Path p, String text) {
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
