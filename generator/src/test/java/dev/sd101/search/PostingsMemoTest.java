package dev.sd101.search;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * Serve's incremental scoring must give exactly the postings a fresh build gives, whatever changed between builds:
 * a section's text edited (its terms, their frequencies and the site's average length change), sections added and
 * removed (document frequencies, section numbers), a word that no section holds any more, a new one sorted in.
 */
class PostingsMemoTest {
    private static final String[] WORDS = ("cache shard replica leader follower quorum latency throughput partition "
            + "index queue stream batch retry timeout gateway proxy token session schema 캐시 샤드 복제본 리더 지연").split(" ");

    @Test
    void everyRebuildEncodesWhatAFreshBuildEncodes() {
        Random random = new Random(25);
        Map<String, String> intern = new HashMap<>();
        List<Postings.Analyzed> sections = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            sections.add(section(random, i, intern));
        }
        PostingsMemo memo = new PostingsMemo();
        same(sections, memo);
        for (int round = 0; round < 60; round++) {
            switch (round % 4) {
                case 0 -> sections.set(random.nextInt(sections.size()), section(random, 1000 + round, intern)); // an edit
                case 1 -> sections.add(random.nextInt(sections.size()), section(random, 2000 + round, intern)); // added
                case 2 -> sections.remove(random.nextInt(sections.size())); // removed
                default -> { } // nothing changed
            }
            same(sections, memo);
        }
    }

    @Test
    void anUnchangedTermKeepsItsVeryEncodingAndAWordNoLongerUsedLeaves() {
        Map<String, String> intern = new HashMap<>();
        List<Postings.Analyzed> sections = new ArrayList<>(List.of(
                analyzed("a", "cache queue cache", intern), analyzed("b", "queue rare", intern), analyzed("c", "cache", intern)));
        PostingsMemo memo = new PostingsMemo();
        Postings.Encoded first = same(sections, memo);
        Postings.Encoded again = same(sections, memo);
        for (int i = 0; i < first.lists().length; i++) {
            assertSame(first.lists()[i], again.lists()[i], "unchanged postings are not encoded again: " + first.terms()[i]);
        }
        sections.set(1, analyzed("b", "queue", intern));
        Postings.Encoded without = same(sections, memo);
        assertEquals(List.of("a", "b", "c", "cache", "queue"), Arrays.asList(without.terms()), "rare left with its section");
        sections.set(1, analyzed("b", "queue aardvark", intern));
        assertEquals(List.of("a", "aardvark", "b", "c", "cache", "queue"), Arrays.asList(same(sections, memo).terms()));
    }

    @Test
    void anEditReEncodesOnlyTheListsOfTheTermsItsSectionHeldOrHolds() {
        Random random = new Random(101);
        Map<String, String> intern = new HashMap<>();
        List<Postings.Analyzed> sections = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            sections.add(section(random, i, intern));
        }
        PostingsMemo memo = new PostingsMemo();
        Postings.Encoded first = same(sections, memo);
        Postings.Analyzed old = sections.get(120);
        Postings.Analyzed edited = analyzed("s120", "cache zebra", intern);
        sections.set(120, edited);
        Postings.Encoded next = same(sections, memo);
        java.util.Set<String> touched = new java.util.HashSet<>(Arrays.asList(old.terms()));
        touched.addAll(Arrays.asList(edited.terms()));
        for (int i = 0, j = 0; i < next.terms().length; i++) {
            while (j < first.terms().length && first.terms()[j].compareTo(next.terms()[i]) < 0) {
                j++;
            }
            if (!touched.contains(next.terms()[i])) {
                assertSame(first.lists()[j], next.lists()[i], "not re-encoded: " + next.terms()[i]);
            }
        }
        assertEquals(first.length() - (long) old.length() + (long) edited.length(), next.length());
    }

    @Test
    void aCodeIsTheFrequencyLevelAndTheLengthClass() {
        assertEquals(0, Postings.tfLevel(1));
        assertEquals(15, Postings.tfLevel(16));
        assertEquals(15, Postings.tfLevel(17), "17 is nearer 16 than 20 by ratio");
        assertEquals(16, Postings.tfLevel(19));
        assertEquals(Postings.TF_LEVELS.length - 1, Postings.tfLevel(10_000));
        assertEquals(6, Postings.lengthClass(128), "2^((6 + 8) / 2)");
        assertEquals(7, Postings.lengthClass(181));
        assertEquals(0, Postings.lengthClass(1));
        assertEquals(Postings.LENGTH_CLASSES - 1, Postings.lengthClass(1e6));
        assertEquals(2 * Postings.LENGTH_CLASSES + 6, Postings.code(3, 6));
    }

    private static Postings.Encoded same(List<Postings.Analyzed> sections, PostingsMemo memo) {
        Postings.Encoded fresh = Postings.encoded(List.copyOf(sections));
        Postings.Encoded incremental = memo.encoded(List.copyOf(sections));
        assertArrayEquals(fresh.terms(), incremental.terms());
        assertArrayEquals(fresh.lists(), incremental.lists());
        return incremental;
    }

    private static Postings.Analyzed section(Random random, int n, Map<String, String> intern) {
        StringBuilder body = new StringBuilder();
        int words = 3 + random.nextInt(40);
        for (int i = 0; i < words; i++) {
            body.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(9) == 0 ? "x" + random.nextInt(50) : "").append(' ');
        }
        return analyzed("s" + n, body.toString(), intern);
    }

    /** A section analysed with whitespace terms, as the real analysis would hand them over. */
    private static Postings.Analyzed analyzed(String title, String body, Map<String, String> intern) {
        Section s = new Section("p/#" + title, title, "", List.of(), body);
        return Postings.analyze(s, text -> text.isBlank() ? List.of() : List.of(text.trim().split("\\s+")), intern);
    }
}
