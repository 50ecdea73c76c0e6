#!/usr/bin/env python3
"""How long the machine itself stood still while the window harness ran (docs/performance.md).

A pulse gap in the window can come from the program (a collection, a long drain, a chart) or from the
machine: a shared virtual machine's cores lent elsewhere, which Linux inside it does not see as stolen
time. This probe, a process of its own outside the JVM, sleeps 2 ms at a time at real-time priority
(SCHED_FIFO where it may, as root; else the usual priority) and writes every wake-up that came more than
15 ms late: nothing in the guest but the kernel itself can hold a real-time thread that long.

  machine-stalls.py probe FILE              until killed: "EPOCH_MS LATE_MS" lines in FILE
  machine-stalls.py report FILE HARNESS_OUT  a summary line, and each gap the harness listed
                                             (-Dharness.listGaps=true) with the stalls inside it
"""
import os
import re
import sys
import time

LATE_MS = 15.0


def probe(path):
    try:
        os.sched_setscheduler(0, os.SCHED_FIFO, os.sched_param(50))
    except (PermissionError, AttributeError, OSError):
        pass  # measured at the usual priority: stalls then include waiting for a core
    with open(path, "w", buffering=1) as out:
        last = time.monotonic()
        while True:
            time.sleep(0.002)
            now = time.monotonic()
            if (now - last) * 1000 > LATE_MS:
                out.write(f"{int(time.time() * 1000)} {(now - last) * 1000:.1f}\n")
            last = now


def report(stalls_path, harness_path):
    stalls = []
    with open(stalls_path) as f:
        for line in f:
            end, late = line.split()
            stalls.append((int(end), float(late)))
    longest = max((s[1] for s in stalls), default=0.0)
    over40 = sum(1 for s in stalls if s[1] > 40)
    print(f"machine_stalls_ms longest {longest:.1f}, {len(stalls)} over {LATE_MS:.0f} ms, {over40} over 40 ms"
          " (a real-time probe outside the JVM, scripts/machine-stalls.py)")
    with open(harness_path) as f:
        text = f.read()
    gaps = re.findall(r"gap ([\d.]+) ms ending at uptime ([\d.]+) s \((\d+) ms since the epoch\)( while training)?", text)
    attributed = []
    for length, uptime, end, training in gaps:
        length, end = float(length), int(end)
        # a stall ends at its line's time and began LATE_MS earlier: count the part inside the gap
        stood = sum(min(s[0], end) - max(s[0] - s[1], end - length) for s in stalls
                    if end - length < s[0] and s[0] - s[1] < end)
        if training:
            attributed.append((length, stood))
        if stood > 0:
            print(f"  gap {length:.1f} ms ending at uptime {uptime} s: the machine stood still {stood:.1f} ms of it")
    if attributed:
        worst = max(attributed, key=lambda a: a[0] - a[1])
        print(f"longest_gap_while_training_less_machine_stalls_ms {worst[0] - worst[1]:.1f}"
              f" (a {worst[0]:.1f} ms gap, of which the machine stood still {worst[1]:.1f})")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "probe":
        probe(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "report":
        report(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
