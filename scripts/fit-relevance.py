#!/usr/bin/env python3
"""Fits the relevance decision (RelevanceDecision.cs) on the features that
`eval-qa --set dev --calibrate FILE` (or `eval-qa --file QUESTIONS --calibrate FILE`)
writes: one line per question and language searched, "right f1 f2 ... gate id lang", in
search order (gate: 0 never answered, 1 up to the model, 2 answered whatever the model says).
Several files are fitted together (the blind dev split and data/relevance's own questions).

A logistic regression (L2, plain gradient descent, no packages) gives the weights; the
threshold is the one that answers most questions right while wrong articles stay at or below
--max-wrong and answered off-topic questions at or below --max-offtopic, both as shares of
their sets. Before the final fit, a k-fold cross-validation by question (--folds, default 5)
fits weights and threshold on the other folds and scores each fold with them: that estimate,
not the fit on everything, is what to expect on questions nobody tuned on.
--features 0,1,5 keeps only those features (the others get weight 0).
Off-topic questions are the ids starting with "o-", "o2-" (the blind batches) or containing "off".
Usage: scripts/fit-relevance.py FILE [FILE ...] [--max-wrong 0.03] [--max-offtopic 0.03] [--folds 5] [--features LIST] [--l2 0.01]"""
import math, re, sys, zlib

args = sys.argv[1:]
def opt(name, default):
    return args[args.index(name) + 1] if name in args else default
max_wrong, max_off, l2 = float(opt("--max-wrong", 0.03)), float(opt("--max-offtopic", 0.03)), float(opt("--l2", 0.01))
folds = int(opt("--folds", 5))
paths = [a for i, a in enumerate(args) if not a.startswith("--") and (i == 0 or not args[i - 1].startswith("--"))]

rows = []
for path in paths:
    for line in open(path, encoding="utf-8"):
        parts = line.split()
        if parts:
            rows.append((int(parts[0]), [float(x) for x in parts[1:-3]], parts[-2], parts[-1], int(parts[-3])))
d_all = len(rows[0][1])
chosen = [int(x) for x in opt("--features", ",".join(map(str, range(d_all)))).split(",")]
is_off = lambda qid: re.match(r"o\d*-", qid) is not None or "off" in qid

def fit(train):
    """Weights on the raw features' scale (0 for those left out) and a bias."""
    model_rows = [r for r in train if r[4] == 1]
    n, d = len(model_rows), len(chosen)
    mean = [sum(r[1][j] for r in model_rows) / n for j in chosen]
    std = [max(1e-6, math.sqrt(sum((r[1][j] - mean[k]) ** 2 for r in model_rows) / n)) for k, j in enumerate(chosen)]
    xs = [[(r[1][j] - mean[k]) / std[k] for k, j in enumerate(chosen)] for r in model_rows]
    ys = [r[0] for r in model_rows]
    w, b = [0.0] * d, 0.0
    for _ in range(1500):
        gw, gb = [l2 * wj for wj in w], 0.0
        for x, y in zip(xs, ys):
            p = 1 / (1 + math.exp(-(b + sum(wj * xj for wj, xj in zip(w, x)))))
            g = (p - y) / n
            gb += g
            for k in range(d):
                gw[k] += g * x[k]
        b -= 1.0 * gb
        w = [wj - 1.0 * gj for wj, gj in zip(w, gw)]
    weights = [0.0] * d_all
    for k, j in enumerate(chosen):
        weights[j] = w[k] / std[k]
    bias = b - sum(w[k] * mean[k] / std[k] for k in range(d))
    return weights, bias

def prob(model, f):
    weights, bias = model
    z = bias + sum(wj * fj for wj, fj in zip(weights, f))
    return 1 / (1 + math.exp(-max(-30, min(30, z))))

def by_question(part, model):
    questions = {}
    for right, f, qid, lang, gate in part:
        questions.setdefault(qid, []).append((right, 0.0 if gate == 0 else 1.0 if gate == 2 else prob(model, f)))
    return questions

def counts(questions, threshold):
    right = wrong = off = answerable = offtopic = 0
    for qid, searches in questions.items():
        first = next((s for s in searches if s[1] >= threshold), None)
        if is_off(qid):
            offtopic += 1
            off += first is not None
        else:
            answerable += 1
            if first is not None:
                right += first[0]
                wrong += 1 - first[0]
    return right, wrong, off, answerable, offtopic

def rates(c):
    right, wrong, off, answerable, offtopic = c
    return right / max(1, answerable), wrong / max(1, answerable), off / max(1, offtopic)

def choose(questions):
    best = None
    for t in [i / 100 for i in range(5, 96)]:
        r, wr, of = rates(counts(questions, t))
        if wr <= max_wrong and of <= max_off and (best is None or r > best[1]):
            best = (t, r)
    return best[0] if best else 0.95

# Cross-validation: folds by question id, so the searches of one question stay together.
fold_of = lambda qid: zlib.crc32(qid.encode()) % folds
total = [0] * 5
for k in range(folds):
    train = [r for r in rows if fold_of(r[2]) != k]
    held = [r for r in rows if fold_of(r[2]) == k]
    model = fit(train)
    t = choose(by_question(train, model))
    total = [a + b for a, b in zip(total, counts(by_question(held, model), t))]
print("cross-validated (%d folds): right article %.3f, wrong %.3f, off-topic answered %.3f" % ((folds,) + rates(total)))

model = fit(rows)
questions = by_question(rows, model)
t = choose(questions)
print("weights:", "[" + ", ".join(f"{x:.3f}" for x in model[0]) + "]")
print(f"bias: {model[1]:.3f}")
for th in [0.4, 0.5, 0.6, 0.7]:
    print("threshold %.2f: right article %.3f, wrong %.3f, off-topic answered %.3f" % ((th,) + rates(counts(questions, th))))
print("chosen threshold %.2f: right article %.3f, wrong %.3f, off-topic answered %.3f" % ((t,) + rates(counts(questions, t))))
for path in paths:
    ids = {line.split()[-2] for line in open(path, encoding="utf-8") if line.strip()}
    print("  %s: right article %.3f, wrong %.3f, off-topic answered %.3f" % ((path,) + rates(counts({q: s for q, s in questions.items() if q in ids}, t))))
