package org.trainlab.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainlab.experiment.json.SettingsJson;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.session.LiveSession;
import org.trainlab.session.Session;
import org.trainlab.session.SessionRun;
import org.trainlab.ui.charts.ChartsModel;
import org.trainlab.ui.runs.Notice;
import org.trainlab.ui.runs.RunsViewModel;
import org.trainlab.ui.runs.Status;
import org.trainlab.ui.settings.FakeDatasets;
import org.trainlab.ui.tasks.SameThreadTasks;

/** Exports on their own: the runs model and the same-thread door. */
class ExportViewModelTest {

    private final RunsViewModel runs = new RunsViewModel(new LiveSession(Session.empty()),
            FakeDatasets.viewModel(new FakeDatasets()), new ChartsModel(), () -> { },
            new SimpleObjectProperty<>(Locale.ENGLISH));
    private final ExportViewModel export = new ExportViewModel(runs, new SameThreadTasks());
    private final List<Notice> notices = new ArrayList<>();

    ExportViewModelTest() {
        runs.setNoticeHandler(notices::add);
        SessionRun run = SessionRun.queued("a", 0, Defaults.settings().withName("My run: 1"));
        runs.load(Session.empty().withRun(run).withActiveRunId("a"));
        runs.activateLoaded();
    }

    @Test
    void theActiveRunsSettingsAreWrittenAndTheStatusLineSaysWhere(@TempDir Path folder) throws IOException {
        assertEquals("My-run-1", export.exportBaseName());
        Path file = folder.resolve("settings.json");
        export.exportSettings(file);
        assertEquals("My run: 1", SettingsJson.read(Files.readString(file)).name());
        assertEquals(Status.of("status.exported", file.toString()), runs.statusProperty().get());
        assertTrue(notices.isEmpty());
    }

    @Test
    void aWriteThatFailsIsShownNamingTheFile(@TempDir Path folder) throws IOException {
        Path blocker = Files.writeString(folder.resolve("not-a-folder"), "x");
        Path file = blocker.resolve("code.py");
        export.exportText(file, "print(1)");
        assertEquals(1, notices.size());
        assertEquals("notice.write.failed", notices.get(0).textKey());
        assertEquals(file.toString(), notices.get(0).args().get(0));
        assertEquals(Status.of("status.ready"), runs.statusProperty().get(), "no success claimed");
    }
}
