package org.trainlab.app;

import org.trainlab.engine.NativeRuntime;
import org.trainlab.ui.runs.Status;

/** The status bar's engine summary as keys and figures, so the Korean window says it in Korean. */
final class EngineLine {

    private EngineLine() {
    }

    static Status of(NativeRuntime.Info info) {
        Status library = Status.of(info.onednn() ? "engine.library.onednn" : "engine.library.generic");
        Status reason = switch (info.reasonCode()) {
            case "forced" -> Status.of("engine.reason.forced", NativeRuntime.VARIANT_PROPERTY);
            case "noBuild" -> Status.of("engine.reason.noBuild");
            case "noAvx2" -> Status.of("engine.reason.noAvx2");
            default -> Status.of("engine.reason.avx2");
        };
        return Status.of("engine.summary", library, reason, info.blasVendor(), info.threads());
    }
}
