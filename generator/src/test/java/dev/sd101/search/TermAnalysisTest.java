package dev.sd101.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class TermAnalysisTest {
    private final TermAnalysis analysis = new TermAnalysis();

    @Test
    void particlesAndEndingsAreRemoved() {
        List<String> terms = analysis.morphemes("캐시를 사용하면 데이터베이스의 부하가 줄어듭니다");
        assertTrue(terms.containsAll(List.of("캐시", "부하")), terms::toString);
        for (String particle : List.of("를", "의", "가", "캐시를", "면")) {
            assertTrue(!terms.contains(particle), () -> particle + " in " + terms);
        }
    }

    @Test
    void compoundsAreKeptAndSplit() {
        List<String> terms = analysis.morphemes("데이터베이스를 강화하는 자료 구조");
        assertTrue(terms.containsAll(List.of("데이터베이스", "데이터", "베이스")), terms::toString);
    }

    @Test
    void hangulBigramsCoverPartialAndUnknownWords() {
        List<String> terms = analysis.surface("쿠버네티스는 컨테이너 오케스트레이션 플랫폼입니다");
        assertTrue(terms.containsAll(List.of("쿠버", "버네", "네티", "티스", "오케", "플랫")), terms::toString);
    }

    @Test
    void wordsRunTogetherSplitAtTheScriptBoundary() {
        assertEquals(analysis.surface("API 게이트웨이"), analysis.surface("API게이트웨이"));
    }

    @Test
    void latinIsFoldedAndLightlyStemmedKeepingTheWord() {
        assertEquals(List.of("microservices", "microservice", "cafe"), analysis.terms("Microservices Café"));
    }

    @Test
    void textWithoutHangulNeedsNoNori() {
        assertEquals(List.of(), analysis.morphemes("Kubernetes and Docker"));
    }
}
