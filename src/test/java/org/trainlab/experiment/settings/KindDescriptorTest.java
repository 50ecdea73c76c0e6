package org.trainlab.experiment.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class KindDescriptorTest {

    @Test
    void onlyNormalReadsSigmaAndEveryTemplateIsFilled() {
        for (InitKind kind : InitKind.values()) {
            InitDescriptor d = kind.descriptor();
            assertEquals(kind == InitKind.NORMAL, d.reads(InitDescriptor.SIGMA), kind.name());
            InitSettings s = new InitSettings(kind, 0.25);
            assertFalse(d.torchInit(s, v -> "x").contains("{"), kind.name());
            assertFalse(d.dl4jInit(s, v -> "x", v -> "y").contains("{"), kind.name());
        }
        InitSettings normal = new InitSettings(InitKind.NORMAL, 0.25);
        assertEquals(".weightInit(new NormalDistribution(0, L0.25))    // N(0, T0.25); WeightInit.NORMAL would scale by fan-in",
                InitKind.NORMAL.descriptor().dl4jInit(normal, v -> "T" + v, v -> "L" + v));
        assertTrue(InitDescriptor.SIGMA.range().contains(10) && !InitDescriptor.SIGMA.range().contains(0));
    }

    @Test
    void everyDecayButNoneReadsTheStrength() {
        for (RegularizationKind kind : RegularizationKind.values()) {
            RegularizationDescriptor d = kind.descriptor();
            assertEquals(kind != RegularizationKind.NONE, d.on(), kind.name());
            assertEquals(kind == RegularizationKind.NONE ? List.of() : List.of(RegularizationDescriptor.STRENGTH), d.params());
        }
        assertEquals(".l1(L0.5)", RegularizationKind.L1.descriptor()
                .dl4jCall(new RegularizationSettings(RegularizationKind.L1, 0.5), v -> "T" + v, v -> "L" + v));
        assertEquals(Defaults.regularization().strength(), RegularizationDescriptor.STRENGTH.value());
        assertEquals(Defaults.init().sigma(), InitDescriptor.SIGMA.value());
    }
}
