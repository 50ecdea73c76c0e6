package org.trainlab.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The window harness's own measuring tools read what Linux reports about this process. */
@EnabledOnOs(OS.LINUX)
class HarnessProbesTest {

    @Test
    void memorySamplerSeesResidentMemoryGrow() {
        MemorySampler memory = new MemorySampler();
        memory.sample();
        long before = MemorySampler.status("VmRSS:");
        ByteBuffer block = ByteBuffer.allocateDirect(96 << 20);
        for (int i = 0; i < block.capacity(); i += 4096) {
            block.put(i, (byte) 1); // touched, so resident
        }
        memory.sample();
        assertTrue(memory.rssPeak() >= before + (64L << 20),
                "peak " + (memory.rssPeak() >> 20) + " MB, before " + (before >> 20) + " MB");
        assertTrue(block.get(4096) == 1);
    }

    @Test
    void threadWaitsTellsTheTimeTheThreadWorked() {
        String said;
        long spins = 0;
        try (ThreadWaits waits = new ThreadWaits()) {
            waits.pulse(false);
            long until = System.nanoTime() + 80_000_000L;
            while (System.nanoTime() < until) {
                spins++;
            }
            said = waits.pulse(true);
        }
        Matcher m = Pattern.compile("fx ran ([\\d.]+) waited ([\\d.]+)").matcher(said);
        assertTrue(m.find(), said);
        double ran = Double.parseDouble(m.group(1)), waited = Double.parseDouble(m.group(2));
        // 80 ms of spinning: on a core or waiting for one, and nothing else
        assertTrue(ran + waited >= 70 && ran + waited <= 400, said + " after " + spins + " spins");
        assertTrue(ran >= 10, said);
        // the pulse came 80 ms after the last: the watchdog looked at the late FX (here: this) thread
        assertTrue(Pattern.compile(" fx \\{.*R:running=\\d+").matcher(said).find(), said);
    }
}
