#!/bin/sh
# docs/performance.md, "How far from the hardware" (issue 11): `bench --layers` for the cases the targets
# use, then the overfitting preset's work and the end-to-end run's training and evaluation, each at the
# floors and at the rates `bench` measured. Compile first (mvn -o -q compile). STEPS (default 150).
set -eu
cd "$(dirname "$0")/../.."
test -s target/classpath.txt || scripts/classpath.sh
out=$(mktemp)
# shellcheck disable=SC2046 # the JVM options are words
java $(cat .mvn/jvm.config) -cp "target/classes:$(cat target/classpath.txt)" org.trainlab.app.Main bench \
    --cases bn:64,nobn:64,bn:32,nobn:32,nobn:250,bn:250 --layers "${STEPS:-150}" --no-augmentation 2>/dev/null | tee "$out"
/usr/bin/python3 - "$out" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
cases = {}
for block in re.split(r'\ntrainlab ', '\n' + text)[1:]:
    head = block.split('\n')[0]
    bn, batch = head.startswith('bn=True'), int(re.search(r'batch=(\d+)', head).group(1))
    passes = re.findall(r'forward\s+([\d.]+) ms \(floor\s+([\d.]+)\)\s+backward\s+([\d.]+) ms \(floor\s+([\d.]+)\)', block)
    cases[bn, batch] = {
        'forward_floor': sum(float(p[1]) for p in passes),
        'floor': sum(float(p[1]) + float(p[3]) for p in passes),
        'step': float(re.search(r'step ([\d.]+) ms', block).group(1)),
        'infer': float(re.search(r'infer (\d+) img/s', head).group(1)),
    }
def preset_run(bn, at_floor):
    # 40 epochs of 10 training steps of batch 32 and 2,000 held-out digits (floors grow with the batch:
    # those of a batch of 250, times 8)
    train, held_out = cases[bn, 32], cases[bn, 250]
    step = train['floor'] if at_floor else train['step']
    evaluation = 8 * held_out['forward_floor'] if at_floor else 2000 / held_out['infer'] * 1000
    return 40 * (10 * step + evaluation) / 1000
for at_floor in (True, False):
    # four runs without batch norm, one with
    print('overfitting preset, work on both cores, %s: %.1f s' % ('at the floors' if at_floor else "at bench's rates",
          4 * preset_run(False, at_floor) + preset_run(True, at_floor)))
tutorial, held_out = cases[True, 64], cases[True, 250]
# tutorial-cnn.json: 8,000 digits for 5 epochs in batches of 64 (625 steps), 2,000 held-out digits an epoch
print('tutorial-cnn.json, training and evaluation: %.1f s at the floors, %.1f s at bench\'s rates' % (
    (625 * tutorial['floor'] + 40 * held_out['forward_floor']) / 1000,
    (625 * tutorial['step'] + 10000 / held_out['infer'] * 1000) / 1000))
PY
rm -f "$out"
