#!/usr/bin/env python3
"""Reads JavaFX's pulse log (-Djavafx.pulseLogger=true, threshold 0) and prints, as JSON, the FX
thread's own work per pulse: p50, p99 and max, in milliseconds. Only pulses that had work are
logged (a pulse with nothing dirty is not), so these are figures over the busy pulses; the gaps
between all pulses are measured in the app by bench/UiBench.java.

A pulse block starts with 'PULSE: n [gap ms:total ms]'; its phase lines 'Tnn (offset +dur ms): name'
come from the FX thread (CSS, layout, bounds, copy to the render graph) and the render thread
(painting). The FX thread's work is the end of its last phase (animation timers, including the
dispatcher's batch, run before the first one) less the time it spent waiting for the previous
frame's rendering. When the log holds the UI driver's marks (UIBENCH-MEASURING, UIBENCH-END) only
the pulses between them count, the same stretch the driver's gaps cover; otherwise the first
pulses (start-up: the first frame, class loading) are skipped."""
import json, re, sys

SKIP = int(sys.argv[2]) if len(sys.argv) > 2 else 60
head = re.compile(r"^PULSE: (\d+) \[(\d+)ms:(\d+)ms\]")
phase = re.compile(r"^T(\d+) \((-?\d+) \+(\d+)ms\): (.+)$")
pulses = []  # [gap, {thread: [(offset, dur, name)]}]
start = end = None
for line in open(sys.argv[1], errors="replace"):
    if "UIBENCH-MEASURING" in line:
        start = len(pulses)
    elif "UIBENCH-END" in line:
        end = len(pulses)
    m = head.match(line)
    if m:
        pulses.append([int(m.group(2)), {}])
        continue
    m = phase.match(line.strip())
    if m and pulses:
        pulses[-1][1].setdefault(m.group(1), []).append((int(m.group(2)), int(m.group(3)), m.group(4)))
fx = None
for _, threads in pulses:
    for t, ph in threads.items():
        if any(n == "CSS Pass" for _, _, n in ph):
            fx = t
    if fx:
        break
gaps, work = [], []
for gap, threads in (pulses[start:end] if start is not None else pulses[SKIP:]):
    gaps.append(gap)
    ph = [p for p in threads.get(fx, []) if p[0] >= 0]
    if ph:
        end = max(o + d for o, d, _ in ph)
        wait = sum(d for _, d, n in ph if n.startswith("Waiting for previous rendering"))
        work.append(max(0, end - wait))
def stats(xs):
    if not xs:
        return {"n": 0}
    s = sorted(xs)
    return {"n": len(s), "p50": s[len(s) // 2], "p99": s[min(len(s) - 1, int(0.99 * len(s)))], "max": s[-1]}
print(json.dumps({"fxWorkMs": stats(work)}))
