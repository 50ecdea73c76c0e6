package org.trainlab.experiment.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Why a run ended, as a key and arguments: said in the window's language, the same after a trip through JSON. */
class StateNoteTest {

    private final Messages english = Messages.of(Messages.ENGLISH);
    private final Messages korean = Messages.of(Messages.KOREAN);

    @Test
    void argumentsKeepTheFormsJsonGivesBack() {
        StateNote note = StateNote.of("run.note.diverged", Double.NaN, 12, 0.5f, null);
        assertEquals(List.of("NaN", 12L, 0.5, "null"), note.args(), "whole numbers as Long, non-finite as text");
        assertEquals(note, StateNote.of("run.note.diverged", "NaN", 12L, 0.5, "null"));
    }

    @Test
    void aRunStoppedByTheUserSaysSoInEachLanguage() {
        StateNote note = StateNote.of("run.note.stoppedByUser", 3, 5);
        assertEquals("stopped by the user in epoch 3, batch 5", note.in(english));
        assertEquals("사용자가 에폭 3, 배치 5에서 중지했습니다", note.in(korean));
        assertEquals(note.in(english), note.english());
    }

    @Test
    void anInterruptionCountsItsEpochs() {
        assertEquals("interrupted: restored 0 finished epochs", StateNote.of("run.note.interrupted", 0).in(english));
        assertEquals("interrupted: restored 1 finished epoch", StateNote.of("run.note.interrupted", 1).in(english));
        assertEquals("interrupted: restored 2 finished epochs", StateNote.of("run.note.interrupted", 2).in(english));
        assertEquals("중단되었습니다: 마친 에폭 2개를 복원했습니다", StateNote.of("run.note.interrupted", 2).in(korean));
    }

    @Test
    void aDivergedRunNamesItsIterationWithoutGrouping() {
        StateNote note = StateNote.of("run.note.diverged", "Infinity", 12345L, 7, 30);
        assertEquals("the loss became Infinity at iteration 12345 (epoch 7, batch 30): the learning rate is probably"
                + " too high", note.in(english));
        assertTrue(note.in(korean).startsWith("반복 12345(에폭 7, 배치 30)에서 손실이 Infinity"), note.in(korean));
    }

    @Test
    void aSentenceWithoutAKeyIsShownAsItIsInEveryLanguage() {
        StateNote old = StateNote.text("stopped by the user in epoch 3, batch 5");
        assertEquals("stopped by the user in epoch 3, batch 5", old.in(korean));
        assertEquals("stopped by the user in epoch 3, batch 5", old.in(english));
    }

    @Test
    void aNoteGivenAsAnArgumentIsSaidInTheSameLanguage() {
        StateNote why = StateNote.of("run.note.outOfMemory");
        assertEquals("실행하지 못했습니다: " + why.in(korean), korean.format("status.failed", why));
        assertEquals("The run failed: " + why.in(english), english.format("status.failed", why));
    }
}
