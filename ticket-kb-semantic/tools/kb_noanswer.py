#!/usr/bin/env python3
"""Word-level no-answer features (issue 16, fourth pass, branch wip/kbna).

Reads the dump of RelevanceFeatureDumpTest (-Dkb.dump=FILE; with per-article terms and the
queries' content words) and asks whether the query's *salient* words are explained by the first
hit: lexically (the hit contains the word's terms) or semantically (the word's embedding is
unusually close to the hit among all articles). Fits the same L2 logistic model and cut rule as
LogisticFit / kb_explore.py on the calibration half (even lines), scores the held-out half, both
ways, and prints the fresh set (lines 1000+) and the check set (lines 2000+) only for sets chosen
without them. Needs numpy. Usage: python3 kb_noanswer.py /tmp/kb-dump.jsonl [mode]
"""
import itertools
import json
import math
import sys

import numpy as np

rows = [json.loads(line) for line in open(sys.argv[1])]
MODE = sys.argv[2] if len(sys.argv) > 2 else 'hybrid'
arts = [r for r in rows if 'article' in r]
qs = [r for r in rows if 'line' in r]
keys = [a['article'] for a in arts]
kidx = {k: i for i, k in enumerate(keys)}
N = len(arts)
TERMS = [set(a['terms']) for a in arts]


def unit(m):
    return m / np.linalg.norm(m, axis=-1, keepdims=True)


D = unit(np.array([a['doc'] for a in arts]))
IDFMAX = math.log(1 + (N + 0.5) / 0.5)


def cov(h):
    return max(h['words'], (2 * h['words'] + h['chars'] + h['pinyin']) / 4)


def part(line):
    return 'fresh' if 1000 <= line < 2000 else 'check' if line >= 2000 else (
        'cal' if line % 2 == 0 else 'held')


F, Y, P, TXT = [], [], [], []
for q in qs:
    hits = q[MODE]
    f = None
    if hits:
        top = hits[0]
        ti = kidx[top['key']]
        others = [h['cosine'] for h in hits[1:]]
        words = []
        for w in q.get('cwords', []):
            t = set(w['terms'])
            df = sum(1 for s in TERMS if t <= s)
            idf = math.log(1 + (N - df + 0.5) / (df + 0.5)) / IDFMAX
            sims = D @ unit(np.array(w['vec']))
            z = (sims[ti] - sims.mean()) / sims.std()
            hs = np.array([sims[kidx[h['key']]] for h in hits[1:]]) if len(hits) > 1 else np.array([sims[ti]])
            zl = (sims[ti] - hs.mean()) / (hs.std() + 0.02)
            rank = int((sims > sims[ti]).sum())
            words.append({'w': w['w'], 'idf': idf, 'df': df, 'in': t <= TERMS[ti], 'z': z,
                          'rank': rank, 'cos': sims[ti], 'zl': zl})
        miss = [w for w in words if not w['in']]
        missk = [w for w in miss if w['df'] > 0]
        tot = sum(w['idf'] for w in words)
        f = {
            'cov': cov(top), 'unknown': top['unknown'], 'cos': top['cosine'],
            'gap': top['cosine'] - max(others) if others else 0,
            'salmiss': max([w['idf'] for w in miss], default=0),
            'salmissk': max([w['idf'] for w in missk], default=0),
            'semmin': min([w['z'] for w in miss], default=4.0),
            'semminc': min([min(w['z'], 4.0) for w in miss], default=4.0),
            'semloc': min([min(w['zl'], 4.0) for w in miss], default=4.0),
            'salloc': max([w['idf'] * (1 - 1 / (1 + math.exp(-(w['zl'] - 1)))) for w in miss], default=0),
            'salsem': max([w['idf'] * (1 - 1 / (1 + math.exp(-(w['z'] - 2)))) for w in miss],
                          default=0),
            'wcov': sum(w['idf'] for w in words if w['in']) / tot if tot else 1.0,
            'wcovsem': sum(w['idf'] * (1 if w['in'] else 1 / (1 + math.exp(-(w['z'] - 2))))
                           for w in words) / tot if tot else 1.0,
            'nmiss': len(miss), 'nwords': len(words),
            'jmiss': top.get('missing', 0.0),
            'jmiss2': max([h.get('missing', 0.0) for h in hits[:1]]),
            'rankmax': max([min(w['rank'], 20) for w in miss], default=0) / 20,
        }
        hv = np.array([D[kidx[h['key']]] for h in hits[:5]])
        sims5 = hv @ hv.T
        f['coh'] = float(max(sims5[0, 1:])) if len(hv) > 1 else 0.0
        f['coh3'] = float((sims5[:3, :3].sum() - 3) / 6) if len(hv) >= 3 else 0.0
        f['coh5'] = float((sims5.sum() - len(hv)) / (len(hv) * (len(hv) - 1))) if len(hv) > 1 else 0.0
        qv = unit(np.array(q['query']))
        f['clar'] = float(qv @ unit(hv.mean(0)) - qv @ unit(D.mean(0)))
        f['_words'] = words
    F.append(f)
    Y.append(1 if q['expected'] else 0)
    P.append(part(q['line']))
    TXT.append(q)
Y, P = np.array(Y), np.array(P)
OK = np.array([f is not None for f in F])


def matrix(names):
    return np.array([[f[n] for n in names] if f else [0.0] * len(names) for f in F], float)


def fit(x, y, lam):
    mu, sd = x.mean(0), x.std(0) + 1e-9
    z = np.c_[np.ones(len(x)), (x - mu) / sd]
    w = np.zeros(z.shape[1])
    pen = lam * np.eye(len(w))
    pen[0, 0] = 0
    for _ in range(50):
        p = 1 / (1 + np.exp(-z @ w))
        w -= np.linalg.solve((z.T * (p * (1 - p))) @ z + pen, z.T @ (p - y) + pen @ w)
    model = lambda xn: np.c_[np.ones(len(xn)), (xn - mu) / sd] @ w
    model.raw = (w[1:] / sd, w[0] - (w[1:] / sd) @ mu)
    return model


def cut(z, y, max_wrong=0.05):
    for c in np.sort(np.unique(z))[::-1]:
        if np.mean(z[y == 1] < c) < max_wrong:
            return c


def rates(z, c, mask):
    return (np.mean(z[mask & (Y == 0)] < c), np.mean(z[mask & (Y == 1)] < c),
            int((z[mask & (Y == 0)] < c).sum()), int((mask & (Y == 0)).sum()),
            int((z[mask & (Y == 1)] < c).sum()), int((mask & (Y == 1)).sum()))


def run(names, fit_on='cal', lam=3):
    x = matrix(names)
    m = (P == fit_on) & OK
    model = fit(x[m], Y[m], lam)
    z = model(x)
    z[~OK] = -1e9
    c = cut(z[P == fit_on], Y[P == fit_on])
    return model, z, c


def fmt(r):
    return '%.3f (%d/%d) / %.3f (%d/%d)' % (r[0], r[2], r[3], r[1], r[4], r[5])


def cv_logloss(names, half, lam=3, reps=5, k=5):
    x = matrix(names)
    idx = np.where((P == half) & OK)[0]
    rng = np.random.default_rng(1)
    losses = []
    for _ in range(reps):
        p = rng.permutation(idx)
        pos, neg = [i for i in p if Y[i] == 1], [i for i in p if Y[i] == 0]
        for j in range(k):
            te = np.array(pos[j::k] + neg[j::k])
            tr = np.array([i for i in idx if i not in set(te)])
            pr = np.clip(1 / (1 + np.exp(-fit(x[tr], Y[tr], lam)(x[te]))), 1e-9, 1 - 1e-9)
            losses += list(-(Y[te] * np.log(pr) + (1 - Y[te]) * np.log(1 - pr)))
    return float(np.mean(losses))


def auc(name, part_):
    x = matrix([name])[:, 0]
    m = (P == part_) & OK
    pos, neg = x[m & (Y == 1)], x[m & (Y == 0)]
    return np.mean([(p > n) + 0.5 * (p == n) for p in pos for n in neg])


if __name__ == '__main__':
    base = ['cov', 'unknown', 'cos', 'gap'] if MODE == 'hybrid' else ['cov', 'unknown']
    new = ['jmiss', 'salmiss', 'salmissk', 'wcov'] + (
        ['semmin', 'semminc', 'salsem', 'wcovsem', 'rankmax', 'semloc', 'salloc'] if MODE == 'hybrid' else [])
    new += ['nmiss'] + (['coh', 'coh3', 'coh5', 'clar'] if MODE == 'hybrid' else [])
    print('== single-feature AUC (answerable > no-answer), calibration / held-out half')
    for n in base + new:
        print('   %-9s %.3f / %.3f' % (n, auc(n, 'cal'), auc(n, 'held')))
    sets = [base] + [base + [n] for n in new] + [base + list(c) for c in itertools.combinations(new, 2)]
    sets += [['cov', 'unknown'] + [n] for n in new] + [['unknown'] + list(c) for c in itertools.combinations(new, 2)]
    print('== sets: fitted on cal -> held | fitted on held -> cal  (flagged / wrongly), cv log-loss cal')
    res = []
    for s in sets:
        _, z1, c1 = run(s, 'cal')
        _, z2, c2 = run(s, 'held')
        r1, r2 = rates(z1, c1, P == 'held'), rates(z2, c2, P == 'cal')
        res.append((min(r1[0] - 4 * max(0, r1[1] - 0.049), r2[0] - 4 * max(0, r2[1] - 0.049)), s, r1, r2))
    res.sort(key=lambda t: -t[0])
    for sc, s, r1, r2 in res[:25]:
        print('   %-40s %s | %s' % (','.join(s), fmt(r1), fmt(r2)))
    for name, fit_on, to in (('base', 'cal', 'held'), ('base', 'held', 'cal')):
        _, z, c = run(base, fit_on)
        print('   %s fitted on %s -> %s: %s' % (name, fit_on, to, fmt(rates(z, c, P == to))))
