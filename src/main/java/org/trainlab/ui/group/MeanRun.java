package org.trainlab.ui.group;

import java.util.ArrayList;
import java.util.List;
import org.trainlab.experiment.record.EpochMetrics;
import org.trainlab.experiment.record.RunState;
import org.trainlab.session.Groups;
import org.trainlab.session.SessionRun;

/** A group's mean as a run the charts can show like any other: each epoch the mean over the seeds that reached it. */
final class MeanRun {

    private MeanRun() {
    }

    static SessionRun of(String id, Groups.Unit unit) {
        SessionRun first = unit.members().get(0);
        int most = unit.members().stream().mapToInt(r -> r.epochs().size()).max().orElse(0);
        SessionRun mean = SessionRun.queued(id, unit.colorIndex(), first.settings().withName(unit.name()));
        for (int e = 0; e < most; e++) {
            List<EpochMetrics> at = new ArrayList<>();
            for (SessionRun r : unit.members()) {
                if (r.epochs().size() > e) {
                    at.add(r.epochs().get(e));
                }
            }
            mean = mean.withEpoch(mean(at));
        }
        return mean.withState(RunState.COMPLETED, null);
    }

    private static EpochMetrics mean(List<EpochMetrics> at) {
        double n = at.size();
        double trainLoss = 0, trainAcc = 0, testLoss = 0, testAcc = 0, lr = 0, next = 0, norm = 0, speed = 0, time = 0;
        for (EpochMetrics m : at) {
            trainLoss += m.trainLoss();
            trainAcc += m.trainAccuracy();
            testLoss += m.testLoss();
            testAcc += m.testAccuracy();
            lr += m.learningRate();
            next += m.nextLearningRate();
            norm += m.weightNorm();
            speed += m.imagesPerSecond();
            time += m.elapsedSeconds();
        }
        EpochMetrics f = at.get(0);
        return new EpochMetrics(f.epoch(), f.iteration(), trainLoss / n, trainAcc / n, testLoss / n, testAcc / n, lr / n,
                next / n, norm / n, speed / n, time / n);
    }
}
