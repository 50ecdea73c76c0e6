package org.trainlab.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The fast native path must not fall back silently where the CPU supports it. */
class NativeRuntimeTest {

    @Test
    void oneDnnBuildIsUsedWhereverTheCpuHasAvx2() {
        assumeTrue(System.getProperty(NativeRuntime.VARIANT_PROPERTY) == null, "variant forced by the user");
        NativeRuntime.Info info = NativeRuntime.ensureLoaded();
        if (NativeRuntime.cpuHasAvx2() && NativeRuntime.fastLibraryShipped()) {
            assertTrue(info.fastLibrary(), "the oneDNN/AVX2 libnd4j was not chosen: " + info.summary());
            assertTrue(info.onednn(), "libnd4j loaded without oneDNN: " + info.summary());
        } else {
            assertTrue(!info.fastLibrary(), "the AVX2 build must not load on a CPU without AVX2");
        }
        assertTrue(info.threads() >= 1);
    }

    @Test
    void avx2DetectionAgreesWithTheKernelOnLinux() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"));
        String cpuinfo = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/cpuinfo"));
        assertTrue(NativeRuntime.cpuHasAvx2() == cpuinfo.contains(" avx2"));
    }
}
