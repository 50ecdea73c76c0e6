package org.trainlab.ui.hall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainlab.ui.hall.WindowPlacement.Box;
import org.trainlab.ui.hall.WindowPlacement.Placement;
import org.trainlab.ui.hall.WindowPlacement.Remembered;

/** Where the window opens, and what it remembers between starts (a damaged memory is no memory). */
class WindowPlacementTest {

    private static final Box PROJECTOR = new Box(0, 0, 1280, 720);
    private static final Box LAPTOP = new Box(0, 0, 1366, 728);
    private static final Box FULL_HD = new Box(0, 0, 1920, 1040);

    @TempDir
    Path folder;

    @Test
    void aSmallScreenIsFilledAndALargeOneGetsMostOfItCentred() {
        Placement projector = WindowPlacement.place(List.of(PROJECTOR), Optional.empty());
        assertTrue(projector.maximized());
        assertEquals(PROJECTOR, projector.bounds());
        assertTrue(WindowPlacement.place(List.of(LAPTOP), Optional.empty()).maximized());

        Placement large = WindowPlacement.place(List.of(FULL_HD), Optional.empty());
        assertFalse(large.maximized());
        assertEquals(new Box(96, 52, 1728, 936), large.bounds());
    }

    @Test
    void aScreenSmallerThanTheUsualMinimumLowersTheMinimum() {
        Placement tiny = WindowPlacement.place(List.of(new Box(0, 0, 800, 600)), Optional.empty());
        assertEquals(800, tiny.minWidth());
        assertEquals(600, tiny.minHeight());
        assertEquals(960, WindowPlacement.place(List.of(FULL_HD), Optional.empty()).minWidth());
    }

    @Test
    void theRememberedPlaceIsUsedOnTheScreenItWasOnAndNeverLiesOutsideIt() {
        Box second = new Box(1920, 0, 1280, 720);
        Remembered onSecond = new Remembered(new Box(2000, 100, 1500, 900), false);
        Placement p = WindowPlacement.place(List.of(FULL_HD, second), Optional.of(onSecond));
        assertEquals(new Box(1920, 0, 1280, 720), p.bounds(), "shrunk and moved onto the second screen");
        assertFalse(p.maximized());

        Remembered maximized = new Remembered(new Box(100, 80, 1200, 800), true);
        Placement again = WindowPlacement.place(List.of(FULL_HD), Optional.of(maximized));
        assertTrue(again.maximized());
        assertEquals(new Box(100, 80, 1200, 800), again.bounds());
    }

    @Test
    void aRememberedPlaceOnAScreenNoLongerThereOrUnusableFallsBackToFitting() {
        Remembered gone = new Remembered(new Box(4000, 0, 1200, 800), false);
        assertEquals(WindowPlacement.place(List.of(PROJECTOR), Optional.empty()),
                WindowPlacement.place(List.of(PROJECTOR), Optional.of(gone)));
        Remembered tiny = new Remembered(new Box(0, 0, 50, 40), false);
        assertTrue(WindowPlacement.place(List.of(PROJECTOR), Optional.of(tiny)).maximized());
        Remembered nan = new Remembered(new Box(Double.NaN, 0, 1200, 800), false);
        assertEquals(new Box(96, 52, 1728, 936), WindowPlacement.place(List.of(FULL_HD), Optional.of(nan)).bounds());
    }

    @Test
    void theMemoryIsWrittenAndReadBackAndADamagedFileReadsAsNothing() throws IOException {
        Path file = folder.resolve("sub").resolve(WindowMemory.FILE);
        WindowMemory memory = new WindowMemory(file);
        assertEquals(Optional.empty(), memory.load(), "nothing yet");
        Remembered saved = new Remembered(new Box(10, 20, 1300, 700), true);
        memory.save(saved);
        assertEquals(Optional.of(saved), memory.load());

        for (String damaged : List.of("x=10\ny=20\nwidth=wide\nheight=700\nmaximized=false\n",
                "x=10\ny=20\nwidth=1300\nmaximized=false\n", "x=10\ny=20\nwidth=1300\nheight=700\nmaximized=perhaps\n",
                "\u0000\u0001garbage", "")) {
            Files.writeString(file, damaged, StandardCharsets.ISO_8859_1);
            assertEquals(Optional.empty(), memory.load(), damaged);
        }
        Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x41});
        assertEquals(Optional.empty(), memory.load(), "not text");
    }
}
