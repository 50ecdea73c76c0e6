package org.trainlab.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainlab.experiment.record.EpochMetrics;
import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.settings.ModelSettings;
import org.trainlab.session.Groups;
import org.trainlab.session.Session;
import org.trainlab.session.SessionRun;

class VerdictCsvTest {

    @Test
    void oneLinePerChildGroupWithTheFiguresAndTheSentence(@TempDir Path dir) throws Exception {
        ExperimentSettings base = Defaults.settings().withName("No regularization");
        ExperimentSettings dropout = base.withName("Dropout, 0.2").withModel(new ModelSettings(base.model().kind(), false, 0.2));
        Session s = Groups.comparison(Session.empty(), List.of(base, dropout), 3, Locale.ENGLISH);
        double[] accuracy = {0.80, 0.81, 0.82, 0.85, 0.85, 0.88};
        int i = 0;
        for (SessionRun r : s.runs()) {
            double a = accuracy[i++];
            s = s.updateRun(r.id(), x -> x.withEpoch(new EpochMetrics(1, 4, 1, 0.9, 0.5, a, 1e-3, 1e-3, 1, 1, 1))
                    .withState(RunState.COMPLETED, null));
        }
        String csv = VerdictCsv.of(s, Locale.ENGLISH);
        List<String> lines = csv.lines().toList();
        assertEquals(VerdictCsv.HEADER, lines.get(0));
        assertEquals(2, lines.size(), "the reference has no verdict");
        // differences 5, 4, 6 points: mean 5, sd 1, half width 4.3027 / sqrt(3) = 2.4841
        assertTrue(lines.get(1).startsWith("\"Dropout, 0.2\",No regularization,3,5.0000,2.5159,7.4841,3,0,"), lines.get(1));
        assertTrue(lines.get(1).contains(",BETTER,\"Dropout, 0.2 vs No regularization: held-out accuracy +5.0 points"),
                lines.get(1));
        Path metrics = dir.resolve("runs.csv");
        VerdictCsv.writeBeside(metrics, s, Locale.KOREAN);
        assertTrue(Files.readString(VerdictCsv.beside(metrics)).contains("시드 3개 중 3개에서 더 높음"));
        assertEquals(dir.resolve("runs-verdicts.csv"), VerdictCsv.beside(metrics));
    }
}
