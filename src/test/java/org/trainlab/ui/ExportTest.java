package org.trainlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.record.EpochMetrics;
import org.trainlab.experiment.settings.ModelSettings;
import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.text.StateNote;
import org.trainlab.experiment.json.SettingsJson;
import org.trainlab.export.CsvExport;
import org.trainlab.session.LiveSession;
import org.trainlab.session.Session;
import org.trainlab.session.SessionRun;
import org.trainlab.ui.charts.ChartExport;
import org.trainlab.ui.charts.ChartsModel;
import org.trainlab.ui.charts.ChartsView;
import org.trainlab.ui.charts.MetricDrain;
import org.trainlab.experiment.text.Messages;
import org.trainlab.ui.runs.Notice;
import org.trainlab.ui.runs.Trainer;
import org.trainlab.ui.settings.FakeDatasets;
import org.trainlab.ui.tasks.SameThreadTasks;
import org.trainlab.ui.workspace.Workspace;
import org.trainlab.ui.theme.Fonts;
import org.w3c.dom.Document;

/**
 * The exports as other programs read them: the charts of two runs (Korean labels) as PNG and SVG, the
 * metrics as CSV, the settings as JSON; each written by the window's code into a temporary folder and
 * read back.
 */
@ExtendWith(ApplicationExtension.class)
class ExportTest {

    private ChartsView charts;
    private Workspace runs;
    private final List<Notice> notices = new ArrayList<>();

    @Start
    void start(Stage stage) {
        Fonts.load();
        ChartsModel model = new ChartsModel();
        Trainer none = (s, l) -> {
            throw new IllegalStateException("nothing trains in this test");
        };
        runs = new Workspace(new LiveSession(Session.empty()), FakeDatasets.viewModel(new FakeDatasets()), model,
                none, new MetricDrain(), () -> { }, new SameThreadTasks(), System::nanoTime,
                new SimpleObjectProperty<>(Locale.KOREAN));
        runs.runs().setNoticeHandler(notices::add);
        runs.files().restore(twoRuns());
        charts = new ChartsView(model, Messages.of(Locale.KOREAN), new SimpleDoubleProperty(1));
    }

    @Test
    void chartsMetricsAndSettingsOpenInOtherPrograms(FxRobot robot, @TempDir Path folder) throws Exception {
        assertEquals(-1, Fonts.chart(false, 12).canDisplayUpTo("정확도 검증 드롭아웃"), "the charts' font draws Hangul");

        Path png = folder.resolve("정확도.png");
        Path svg = folder.resolve("accuracy.svg");
        robot.interact(() -> {
            try {
                ChartExport.writeAtomically(png, ChartExport.png(charts.charts().get("accuracy"), "정확도",
                        charts.exportLegend("accuracy")));
                Files.writeString(svg, ChartExport.svg(charts.charts().get("accuracy"), "정확도",
                        charts.exportLegend("accuracy")), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(png)));
        assertNotNull(image, "a PNG ImageIO decodes");
        assertEquals(ChartExport.WIDTH * ChartExport.PNG_SCALE, image.getWidth());
        assertTrue(distinctColors(image) > 20, "a drawing, not a blank page");

        String text = Files.readString(svg, StandardCharsets.UTF_8);
        assertTrue(text.contains("<svg"), text.substring(0, Math.min(200, text.length())));
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        // offline: the DOCTYPE's DTD is not fetched, as a browser would not fetch it either
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document document = xml.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", document.getDocumentElement().getLocalName() == null
                ? document.getDocumentElement().getNodeName() : document.getDocumentElement().getLocalName());
        assertEquals(0, document.getElementsByTagName("text").getLength(), "text as outlines: no font needed to view it");
        assertTrue(document.getElementsByTagName("path").getLength() > 50);

        Path all = folder.resolve("metrics.csv");
        Path one = folder.resolve("one.csv");
        Path settings = folder.resolve("settings.json");
        robot.interact(() -> {
            runs.export().exportMetrics(all, true);
            runs.runs().activeRunIdProperty().set("b");
            runs.export().exportMetrics(one, false);
            runs.export().exportSettings(settings);
        });
        List<String> lines = Files.readAllLines(all, StandardCharsets.UTF_8);
        assertEquals(CsvExport.ALL_RUNS_HEADER, lines.get(0));
        assertEquals(1 + 3 + 2, lines.size(), "a header and one line per epoch of each run");
        assertTrue(lines.get(4).startsWith("드롭아웃 0.2,b,1,"), lines.get(4));
        assertEquals(3, Files.readAllLines(one, StandardCharsets.UTF_8).size(), "the selected run only");
        assertEquals(0.2, SettingsJson.read(settings).model().dropoutRate());
        assertTrue(notices.isEmpty(), notices.toString());
    }

    @Test
    void aFileThatCannotBeWrittenIsNamedInTheNotice(FxRobot robot, @TempDir Path folder) throws Exception {
        Path blocked = folder.resolve("not-a-folder");
        Files.writeString(blocked, "a file where a folder should be");
        Path target = blocked.resolve("metrics.csv");
        robot.interact(() -> runs.export().exportMetrics(target, true));
        assertEquals(1, notices.size());
        assertEquals("notice.write.failed", notices.get(0).textKey());
        assertEquals(target.toString(), notices.get(0).args().get(0));
        assertFalse(Files.exists(target));
    }

    private static int distinctColors(BufferedImage image) {
        java.util.Set<Integer> colors = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colors.add(image.getRGB(x, y));
            }
        }
        return colors.size();
    }

    /** A finished baseline of 3 epochs and a dropout copy of 2 epochs. */
    private static Session twoRuns() {
        var base = Defaults.settings().withName("기준");
        SessionRun a = SessionRun.queued("a", 0, base).withEpoch(epoch(1)).withEpoch(epoch(2)).withEpoch(epoch(3))
                .withState(RunState.COMPLETED, null);
        SessionRun b = SessionRun.derivedFrom(a, base.withName("드롭아웃 0.2")
                        .withModel(new ModelSettings(base.model().kind(), false, 0.2)), "b", 1)
                .withEpoch(epoch(1)).withEpoch(epoch(2)).withState(RunState.STOPPED, StateNote.of("run.note.stoppedByUser", 3, 1));
        return Session.empty().withRun(a).withRun(b).withSelected(List.of("a", "b")).withActiveRunId("a");
    }

    private static EpochMetrics epoch(int n) {
        return new EpochMetrics(n, 4L * n, 1.0 / n, 0.6 + n / 10.0, 1.1 / n, 0.55 + n / 20.0, 1e-3, 1e-3, 10, 100, 2.0 * n);
    }
}
