#!/usr/bin/env python3
"""Side-by-side speed of TrainLab and the tutorial's PyTorch CNN on this machine.

Runs `trainlab bench` and shared/bench/seed_cnn_torch.py alternately, several rounds in one go,
and prints the median images/s of each and the median ratio TrainLab/PyTorch per case. Machines
here are shared and noisy: only ratios measured side by side in one run mean anything.

    /usr/bin/python3 scripts/speed_vs_pytorch.py --rounds 5

Needs Debian's python3-torch (apt-get install -y python3-torch) for the anchor.
"""
import argparse
import os
import platform
import re
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CASES = [("nobn", 64), ("bn", 64), ("nobn", 256), ("bn", 256)]
LINE = re.compile(r"bn=(True|False) batch=(\d+).*train (\d+) img/s, infer (\d+) img/s")


def classpath():
    out = os.path.join(ROOT, "target", "classpath.txt")
    subprocess.run(["mvn", "-q", "-B", "compile", "dependency:build-classpath", "-Dmdep.outputFile=" + out],
                   cwd=ROOT, check=True)
    with open(out) as f:
        return os.path.join(ROOT, "target", "classes") + os.pathsep + f.read().strip()


def parse(text):
    found = {}
    for m in LINE.finditer(text):
        found[("bn" if m.group(1) == "True" else "nobn", int(m.group(2)))] = (float(m.group(3)), float(m.group(4)))
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--torch-script", default=os.path.join(ROOT, "..", "shared", "bench", "seed_cnn_torch.py"))
    ap.add_argument("--python", default="/usr/bin/python3")
    args = ap.parse_args()
    cp = classpath()
    cases = ",".join(f"{b}:{n}" for b, n in CASES)
    trainlab = {c: [] for c in CASES}
    torch = {c: [] for c in CASES}
    extra = []
    for r in range(args.rounds):
        flags = [] if r == 0 else ["--no-ceiling", "--no-augmentation"]
        out = subprocess.run(["java", "-cp", cp, "org.trainlab.app.Main", "bench", "--cases", cases] + flags,
                             cwd=ROOT, capture_output=True, text=True, check=True).stdout
        if r == 0:
            extra = [l for l in out.splitlines() if l.startswith(("native:", "ceiling:", "augmentation"))]
        for c, v in parse(out).items():
            trainlab[c].append(v)
        for bn, batch in CASES:
            t = subprocess.run([args.python, args.torch_script, bn, str(batch), "2"],
                               capture_output=True, text=True, check=True).stdout
            for c, v in parse(t).items():
                torch[c].append(v)
        print(f"round {r + 1}/{args.rounds} done", file=sys.stderr)

    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores; {args.rounds} alternating rounds")
    for line in extra:
        print(line)
    print(f"{'case':<12}{'TrainLab train':>15}{'PyTorch train':>15}{'ratio':>8}{'TrainLab infer':>16}{'PyTorch infer':>15}{'ratio':>8}")
    worst = None
    for c in CASES:
        tl, tt = trainlab[c], torch[c]
        n = min(len(tl), len(tt))
        train_ratio = statistics.median(tl[i][0] / tt[i][0] for i in range(n))
        infer_ratio = statistics.median(tl[i][1] / tt[i][1] for i in range(n))
        worst = train_ratio if worst is None else min(worst, train_ratio)
        print(f"{c[0] + ' ' + str(c[1]):<12}{statistics.median(x[0] for x in tl):>15.0f}{statistics.median(x[0] for x in tt):>15.0f}"
              f"{train_ratio:>8.2f}{statistics.median(x[1] for x in tl):>16.0f}{statistics.median(x[1] for x in tt):>15.0f}{infer_ratio:>8.2f}")
    print(f"lowest median training ratio: {worst:.2f} (target 1.5)")


if __name__ == "__main__":
    main()
