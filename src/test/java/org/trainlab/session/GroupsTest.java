package org.trainlab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.trainlab.experiment.compare.Criterion;
import org.trainlab.experiment.compare.SeedPlan;
import org.trainlab.experiment.compare.Verdict;
import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.settings.ModelSettings;

class GroupsTest {

    private static final ExperimentSettings BASE = Defaults.settings().withName("No regularization");
    private static final ExperimentSettings DROPOUT = BASE.withName("Dropout 0.2")
            .withModel(new ModelSettings(Defaults.model().kind(), false, 0.2));

    /** A comparison of two groups of three seeds, every member with two finished epochs. */
    static Session trained() {
        Session s = Groups.comparison(Session.empty(), List.of(BASE, DROPOUT), 3, Locale.ENGLISH);
        for (SessionRun r : s.runs()) {
            double lift = r.settings().model().dropoutRate() > 0 ? 0.02 : 0;
            long seed = r.settings().training().seed();
            double noise = (seed % 7) / 1000.0;
            s = s.updateRun(r.id(), x -> x.withEpoch(SessionSamples.epoch(1, 10, 1))
                    .withEpoch(new org.trainlab.experiment.record.EpochMetrics(2, 20, 0.1, 0.99, 0.4 - lift, 0.88 + lift + noise,
                            1e-3, 1e-3, 11, 2000, 2))
                    .withState(RunState.COMPLETED, null));
        }
        return s;
    }

    @Test
    void aRepeatedComparisonPairsEveryChildSeedWithTheParentsSameSeed() {
        Session s = Groups.comparison(Session.empty(), List.of(BASE, DROPOUT), 5, Locale.ENGLISH);
        assertEquals(2, s.groups().size());
        assertEquals(10, s.runs().size());
        assertEquals(10, s.selected().size());
        RunGroup parent = s.groups().get(0);
        RunGroup child = s.groups().get(1);
        assertNull(parent.parentGroupId());
        assertEquals(parent.id(), child.parentGroupId());
        assertEquals("Dropout 0.2", child.name());
        for (int k = 0; k < 5; k++) {
            SessionRun p = s.run(parent.runIds().get(k)).orElseThrow();
            SessionRun c = s.run(child.runIds().get(k)).orElseThrow();
            assertEquals(p.id(), c.parentId(), "seed " + k + " of the child changes seed " + k + " of the parent");
            assertEquals(SeedPlan.memberSeed(BASE.training().seed(), k), c.settings().training().seed());
            assertEquals(p.settings().training().seed(), c.settings().training().seed());
            assertEquals("Dropout 0.2 · seed " + (k + 1), c.name());
        }
        assertTrue(s.runs().stream().filter(r -> child.contains(r.id())).allMatch(r -> r.colorIndex() == 1),
                "one colour per group");
    }

    @Test
    void changingOneThingOfAMemberMakesAChildGroupWithTheParentsBaseSeed() {
        Session s = Groups.repeat(Session.empty(), BASE, 3, null, Locale.KOREAN);
        RunGroup parent = s.groups().get(0);
        SessionRun second = s.run(parent.runIds().get(1)).orElseThrow();
        assertEquals("No regularization · 시드 2", second.name());
        // the panel shows the second member's settings (its seed) with dropout switched on
        ExperimentSettings changed = second.settings().withModel(DROPOUT.model()).withName("Dropout");
        Session next = Groups.repeat(s, changed, 3, second.id(), Locale.ENGLISH);
        RunGroup child = next.groups().get(1);
        assertEquals(parent.id(), child.parentGroupId());
        assertEquals(parent.baseSeed(), child.baseSeed());
        for (int k = 0; k < 3; k++) {
            assertEquals(next.run(parent.runIds().get(k)).orElseThrow().settings().training().seed(),
                    next.run(child.runIds().get(k)).orElseThrow().settings().training().seed());
        }
        // a changed seed is the change itself: the new group's seeds derive from it
        Session reseeded = Groups.repeat(s, changed.withTraining(new org.trainlab.experiment.settings.TrainingSettings(
                changed.training().epochs(), changed.training().batchSize(), 99)), 3, second.id(), Locale.ENGLISH);
        assertEquals(99, reseeded.groups().get(1).baseSeed());
        assertThrows(IllegalArgumentException.class, () -> Groups.repeat(s, BASE, 0, null, Locale.ENGLISH));
    }

    @Test
    void theChildsVerdictComparesItWithItsParentSeedBySeed() {
        Session s = trained();
        Verdict v = Groups.verdictAgainstParent(s, s.groups().get(1)).orElseThrow();
        assertEquals(Verdict.Kind.BETTER, v.kind());
        assertEquals(3, v.seedsAgreeing());
        assertEquals(2.0, v.accuracy().mean(), 1e-9);
        assertTrue(Groups.verdictAgainstParent(s, s.groups().get(0)).isEmpty());
        List<Groups.Unit> units = Groups.units(s);
        assertEquals(List.of("No regularization", "Dropout 0.2"), units.stream().map(Groups.Unit::name).toList());
        assertEquals(1, Criterion.ACCURACY.winner(units.stream().map(Groups.Unit::outcomes).toList()));
    }

    @Test
    void removingAMemberLeavesTheRestOfItsGroup() {
        Session s = trained();
        RunGroup child = s.groups().get(1);
        Session fewer = s.withoutRun(child.runIds().get(0));
        assertEquals(2, fewer.group(child.id()).orElseThrow().runIds().size());
        Session none = fewer.withoutRun(child.runIds().get(1)).withoutRun(child.runIds().get(2));
        assertTrue(none.group(child.id()).isEmpty(), "an empty group goes");
    }

    @Test
    void groupsAndPredictionsSurviveTheSessionFile() {
        Session t = trained();
        List<String> candidates = t.groups().stream().map(RunGroup::id).toList();
        Session s = t.withPrediction(new Prediction("Overfitting", Criterion.GAP, candidates, candidates.get(1)));
        Session back = SessionJson.read(SessionJson.write(s));
        assertEquals(s.groups(), back.groups());
        assertEquals(s.predictions(), back.predictions());
        assertEquals(s, back);
    }

    @Test
    void aSessionSavedBeforeGroupsStillOpens() throws Exception {
        ObjectNode tree = (ObjectNode) new ObjectMapper().readTree(SessionJson.write(SessionSamples.threeRuns()));
        tree.remove("groups");
        tree.remove("predictions");
        assertEquals(SessionSamples.threeRuns(), SessionJson.read(tree.toString()));
    }

    @Test
    void aDamagedGroupIsRefusedNamingIt() throws Exception {
        ObjectNode tree = (ObjectNode) new ObjectMapper().readTree(SessionJson.write(trained()));
        ((ArrayNode) tree.get("groups").get(1).get("runIds")).add("nobody");
        SessionFormatException e = assertThrows(SessionFormatException.class, () -> SessionJson.read(tree.toString()));
        assertTrue(e.getMessage().endsWith("groups[1].runIds[3]: no run has the id \"nobody\""), e.getMessage());

        ObjectNode twice = (ObjectNode) new ObjectMapper().readTree(SessionJson.write(trained()));
        ((ArrayNode) twice.get("groups").get(1).get("runIds")).add(twice.get("groups").get(0).get("runIds").get(0));
        e = assertThrows(SessionFormatException.class, () -> SessionJson.read(twice.toString()));
        assertTrue(e.getMessage().contains("is also in groups[0]"), e.getMessage());
    }

    /** A preset's two runs with both their names, made in a Korean window. */
    private static Session madeInKorean() {
        return Groups.comparison(Session.empty(), List.of(BASE.withName("정형화 없음"), DROPOUT.withName("드롭아웃 0.2")),
                List.of(java.util.Map.of("en", "No regularization", "ko", "정형화 없음"),
                        java.util.Map.of("en", "Dropout 0.2", "ko", "드롭아웃 0.2")), 3, Locale.KOREAN);
    }

    @Test
    void membersMadeInOneLanguageReadInTheWindowsLanguage() {
        Session korean = madeInKorean();
        RunGroup dropout = korean.groups().get(1);
        assertEquals("드롭아웃 0.2 · 시드 3", korean.run(dropout.runIds().get(2)).orElseThrow().name(), "stored as made");

        Session english = Groups.localized(korean, Locale.ENGLISH);
        assertEquals("Dropout 0.2", english.groups().get(1).name());
        assertEquals("Dropout 0.2 · seed 3", english.run(dropout.runIds().get(2)).orElseThrow().name());
        assertEquals("No regularization · seed 1", english.run(korean.groups().get(0).runIds().get(0)).orElseThrow().name());
        assertEquals(korean.groups().get(1).parentGroupId(), english.groups().get(1).parentGroupId());
        assertEquals(korean.runs().stream().map(SessionRun::id).toList(), english.runs().stream().map(SessionRun::id).toList());
        // back in Korean, as made; the session itself is never renamed
        assertEquals(korean, Groups.localized(korean, Locale.KOREAN));
        assertEquals(korean, Groups.localized(english, Locale.KOREAN));
        // the verdict names the groups in the window's language too
        assertTrue(Groups.unit(english, english.groups().get(1)).name().equals("Dropout 0.2"));
    }

    @Test
    void aMemberTheUserRenamedKeepsItsName() {
        Session korean = madeInKorean();
        String third = korean.groups().get(1).runIds().get(2);
        Session renamed = korean.updateRun(third, r -> r.withSettings(r.settings().withName("나의 실험")));
        Session english = Groups.localized(renamed, Locale.ENGLISH);
        assertEquals("나의 실험", english.run(third).orElseThrow().name());
        assertEquals("Dropout 0.2 · seed 2", english.run(korean.groups().get(1).runIds().get(1)).orElseThrow().name());
    }

    @Test
    void anOlderSessionsGroupsReadWithTheirSeedInTheWindowsLanguage() throws Exception {
        // saved before groups knew both names: only the seed's word can follow the window
        ObjectNode tree = (ObjectNode) new ObjectMapper().readTree(SessionJson.write(madeInKorean()));
        tree.get("groups").forEach(g -> ((ObjectNode) g).remove("names"));
        Session old = SessionJson.read(tree.toString());
        assertTrue(old.groups().get(1).names().isEmpty());
        Session english = Groups.localized(old, Locale.ENGLISH);
        assertEquals("드롭아웃 0.2", english.groups().get(1).name());
        assertEquals("드롭아웃 0.2 · seed 3", english.run(old.groups().get(1).runIds().get(2)).orElseThrow().name());
        // and both names survive the session file
        assertEquals(madeInKorean().groups().get(1).names(), SessionJson.read(SessionJson.write(madeInKorean()))
                .groups().get(1).names());
    }
}
