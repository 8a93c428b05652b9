#!/usr/bin/env python3
"""Writes data/intent/{problem,question,chitchat}.dev-halves.jsonl from the dev halves of the blind batches named in
data/intent/dev-halves.txt.

Those dev halves were written the way residents write, by people who never saw the project's data; once a batch's dev
half has been used to see what goes wrong, it teaches the intent model better than any text written for the model.
Problem reports go to "problem", answerable and off-topic questions to "question", chit-chat to "chitchat". A dev
line with a near-copy among the evaluation texts that stay (every test half, the dev halves of batches not named, the
authored questions, the classifier's held-out reports) is left out: word-set Jaccard 0.6 or more after folding, the
rule of LeakageTests, checked here from 0.55 so that small differences of folding do not let one through. The test
halves never train anything. Deterministic."""
import json, os, re, unicodedata

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
data = os.path.join(root, 'data')
KINDS = [('problems', 'problem'), ('questions', 'question'), ('offtopic', 'question'), ('chitchat', 'chitchat')]


def fold(text):
    out = []
    for ch in text.lower():
        if 'a' <= unicodedata.normalize('NFD', ch)[0] <= 'z' or unicodedata.normalize('NFD', ch)[0] in 'ıłøđß':
            ch = ''.join(c for c in unicodedata.normalize('NFD', ch) if not unicodedata.combining(c))
        out.append('е' if ch == 'ё' else ch)
    return ''.join(out)


def words(text):
    return set(re.findall(r"[^\W_]+(?:[-'’.][^\W_]+)*", fold(text)))


def lines(path):
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.strip():
                o = json.loads(line)
                yield o, o.get('text') or o.get('q')


def main():
    with open(os.path.join(data, 'intent', 'dev-halves.txt'), encoding='utf-8') as f:
        batches = [l.strip() for l in f if l.strip() and not l.startswith('#')]
    chosen = {os.path.join(data, 'eval', b, f'{kind}.dev.jsonl') for b in batches for kind, _ in KINDS}
    evaluation = []
    for dirpath, _, files in os.walk(os.path.join(data, 'eval')):
        for name in files:
            path = os.path.join(dirpath, name)
            if name.endswith('.jsonl') and path not in chosen:
                evaluation += [words(t) for _, t in lines(path) if t]
    heldout = os.path.join(data, 'problems', 'heldout')
    if os.path.isdir(heldout):
        for name in sorted(os.listdir(heldout)):
            if name.endswith('.jsonl'):
                evaluation += [words(t) for _, t in lines(os.path.join(heldout, name)) if t]
    evaluation = [e for e in evaluation if len(e) >= 3]
    by_word = {}
    for i, e in enumerate(evaluation):
        for w in e:
            by_word.setdefault(w, []).append(i)

    def near_copy(w):
        shared = {}
        for x in w:
            for i in by_word.get(x, ()):
                shared[i] = shared.get(i, 0) + 1
        return any(n / (len(w) + len(evaluation[i]) - n) >= 0.55 for i, n in shared.items())

    out = {'problem': [], 'question': [], 'chitchat': []}
    left = 0
    for b in batches:
        for kind, intent in KINDS:
            path = os.path.join(data, 'eval', b, f'{kind}.dev.jsonl')
            for o, text in lines(path):
                if near_copy(words(text)):
                    left += 1
                    continue
                out[intent].append({'text': text, 'lang': o['lang']})
    for intent, rows in out.items():
        with open(os.path.join(data, 'intent', f'{intent}.dev-halves.jsonl'), 'w', encoding='utf-8') as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + '\n')
        print(intent, len(rows))
    print('left out as near-copies of evaluation texts:', left)


main()
