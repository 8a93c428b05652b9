#!/usr/bin/env python3
"""Writes the training files made of blind batches' dev halves, for two models:

- data/intent/{problem,question,chitchat}.dev-halves.jsonl for the intent model, from the batches named in
  data/intent/dev-halves.txt: problem reports go to "problem", answerable and off-topic questions to "question",
  chit-chat to "chitchat";
- data/problems/dev-halves/{category}.jsonl for the problem classifier, from the problem reports of the batches named
  in data/problems/dev-halves/batches.txt, with their labels.

Those dev halves were written the way residents write, by people who never saw the project's data; once a batch's dev
half has been used to see what goes wrong, it teaches a model better than any text written for it. A dev line with a
near-copy among the evaluation texts that stay for that model (every test half, the dev halves of batches not named,
the authored questions) is left out: word-set Jaccard 0.6 or more after folding, the rule of LeakageTests, checked
here from 0.55 so that small differences of folding do not let one through. The test halves never train anything.
Deterministic."""
import json, os, re, unicodedata

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
data = os.path.join(root, 'data')
KINDS = [('problems', 'problem'), ('questions', 'question'), ('offtopic', 'question'), ('chitchat', 'chitchat')]


# Latin letters that do not decompose into a base letter and a mark, folded as Lucene's ASCIIFoldingFilter folds them.
LATIN = {'ı': 'i', 'ł': 'l', 'ø': 'o', 'đ': 'd', 'ß': 'ss'}


def fold(text):
    out = []
    for ch in text.lower():
        if ch in LATIN:
            ch = LATIN[ch]
        elif 'a' <= unicodedata.normalize('NFD', ch)[0] <= 'z':
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


def evaluation_index(chosen):
    """The word sets of every evaluation text outside the chosen dev files, and an index from word to them."""
    evaluation = []
    for dirpath, _, files in sorted(os.walk(os.path.join(data, 'eval'))):
        for name in sorted(files):
            path = os.path.join(dirpath, name)
            if name.endswith('.jsonl') and path not in chosen:
                evaluation += [words(t) for _, t in lines(path) if t]
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

    return near_copy


def listed(path):
    with open(path, encoding='utf-8') as f:
        return [s for s in (l.strip() for l in f) if s and not s.startswith('#')]


def intent():
    batches = listed(os.path.join(data, 'intent', 'dev-halves.txt'))
    near_copy = evaluation_index({os.path.join(data, 'eval', b, f'{kind}.dev.jsonl') for b in batches for kind, _ in KINDS})
    out = {'problem': [], 'question': [], 'chitchat': []}
    left = 0
    for b in batches:
        for kind, label in KINDS:
            for o, text in lines(os.path.join(data, 'eval', b, f'{kind}.dev.jsonl')):
                if near_copy(words(text)):
                    left += 1
                    continue
                out[label].append({'text': text, 'lang': o['lang']})
    for label, rows in out.items():
        write(os.path.join(data, 'intent', f'{label}.dev-halves.jsonl'), rows)
    print('intent:', {k: len(v) for k, v in out.items()}, 'left out as near-copies of evaluation texts:', left)


def problems():
    folder = os.path.join(data, 'problems', 'dev-halves')
    batches = listed(os.path.join(folder, 'batches.txt'))
    near_copy = evaluation_index({os.path.join(data, 'eval', b, 'problems.dev.jsonl') for b in batches})
    out = {}
    left = 0
    for b in batches:
        for o, text in lines(os.path.join(data, 'eval', b, 'problems.dev.jsonl')):
            if near_copy(words(text)):
                left += 1
                continue
            out.setdefault(o['label'], []).append({'text': text, 'label': o['label'], 'lang': o['lang']})
    for name in os.listdir(folder):
        if name.endswith('.jsonl'):
            os.remove(os.path.join(folder, name))
    for label, rows in sorted(out.items()):
        write(os.path.join(folder, f'{label}.jsonl'), rows)
    print('problems:', {k: len(v) for k, v in sorted(out.items())}, 'left out as near-copies of evaluation texts:', left)


def write(path, rows):
    with open(path, 'w', encoding='utf-8') as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + '\n')


intent()
problems()
