#!/usr/bin/env python3
"""Fits the relevance decision (RelevanceDecision.cs) on the features that
`eval-qa --set dev --calibrate FILE` writes: one line per question and language
searched, "right f1 f2 ... gate id lang", in search order (gate: 0 never answered,
1 up to the model, 2 answered whatever the model says). A logistic regression
(L2, plain gradient descent, no packages) gives the weights; the threshold is the
one that answers most questions right while wrong articles stay at or below
--max-wrong and answered off-topic questions at or below --max-offtopic, both as
shares of their sets. Off-topic questions are the ids starting with "o-" (the blind sets) or containing "off".
Usage: scripts/fit-relevance.py FILE [--max-wrong 0.04] [--max-offtopic 0.04]"""
import math, sys

args = sys.argv[1:]
path = args[0]
def opt(name, default):
    return float(args[args.index(name) + 1]) if name in args else default
max_wrong, max_off, l2 = opt("--max-wrong", 0.04), opt("--max-offtopic", 0.04), opt("--l2", 0.01)

rows = []
for line in open(path, encoding="utf-8"):
    parts = line.split()
    if not parts:
        continue
    rows.append((int(parts[0]), [float(x) for x in parts[1:-3]], parts[-2], parts[-1], int(parts[-3])))

# The model is asked only where the gates leave the decision to it.
all_rows, rows = rows, [r for r in rows if r[4] == 1]
n, d = len(rows), len(rows[0][1])
mean = [sum(r[1][j] for r in rows) / n for j in range(d)]
std = [max(1e-6, math.sqrt(sum((r[1][j] - mean[j]) ** 2 for r in rows) / n)) for j in range(d)]
xs = [[(r[1][j] - mean[j]) / std[j] for j in range(d)] for r in rows]
ys = [r[0] for r in rows]
w, b = [0.0] * d, 0.0
for _ in range(4000):
    gw, gb = [l2 * wj for wj in w], 0.0
    for x, y in zip(xs, ys):
        p = 1 / (1 + math.exp(-(b + sum(wj * xj for wj, xj in zip(w, x)))))
        g = (p - y) / n
        gb += g
        for j in range(d):
            gw[j] += g * x[j]
    b -= 0.5 * gb
    w = [wj - 0.5 * gj for wj, gj in zip(w, gw)]

# Back to the raw features' scale.
weights = [w[j] / std[j] for j in range(d)]
bias = b - sum(w[j] * mean[j] / std[j] for j in range(d))
prob = lambda f: 1 / (1 + math.exp(-(bias + sum(wj * fj for wj, fj in zip(weights, f)))))

is_off = lambda qid: qid.startswith("o-") or "off" in qid
questions = {}
for right, f, qid, lang, gate in all_rows:
    questions.setdefault(qid, []).append((right, 0.0 if gate == 0 else 1.0 if gate == 2 else prob(f)))
answerable = [q for q in questions if not is_off(q)]
offtopic = [q for q in questions if is_off(q)]

def outcome(threshold):
    right = wrong = off = 0
    for qid, searches in questions.items():
        first = next((s for s in searches if s[1] >= threshold), None)
        if first is None:
            continue
        if is_off(qid):
            off += 1
        elif first[0]:
            right += 1
        else:
            wrong += 1
    return right / max(1, len(answerable)), wrong / max(1, len(answerable)), off / max(1, len(offtopic))

best = None
for t in [i / 100 for i in range(5, 96)]:
    r, wr, of = outcome(t)
    if wr <= max_wrong and of <= max_off and (best is None or r > best[1]):
        best = (t, r, wr, of)

print("weights:", "[" + ", ".join(f"{x:.3f}" for x in weights) + "]")
print(f"bias: {bias:.3f}")
for t in [0.3, 0.4, 0.5, 0.55, 0.6, 0.7]:
    print("threshold %.2f: right article %.3f, wrong %.3f, off-topic answered %.3f" % ((t,) + outcome(t)))
if best:
    print("chosen threshold %.2f: right article %.3f, wrong %.3f, off-topic answered %.3f" % best)
