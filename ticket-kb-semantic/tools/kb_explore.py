#!/usr/bin/env python3
"""Offline exploration of the knowledge base's no-answer features and hybrid fusion (issue 16).

Reads the file written by RelevanceFeatureDumpTest (-Dkb.dump=FILE) and prints, for the hybrid
mode, (1) candidate feature sets fitted on one half of the relevance set and applied to the other,
both ways round; (2) forward feature selection by cross-validated log-loss inside one half;
(3) an in-sample bound (fitted and evaluated on all queries); (4) reciprocal-rank-fusion
settings (K, vector weight, a third list of title vectors) per half. Exploration only: nothing
here is shipped. Needs numpy. Usage: python3 kb_explore.py /tmp/kb-dump.jsonl
"""
import itertools
import json
import sys

import numpy as np

rows = [json.loads(line) for line in open(sys.argv[1] if len(sys.argv) > 1 else '/tmp/kb-dump.jsonl')]
arts = [r for r in rows if 'article' in r]
qs = [r for r in rows if 'line' in r]
keys = [a['article'] for a in arts]
kidx = {k: i for i, k in enumerate(keys)}


def unit(m):
    return m / np.linalg.norm(m, axis=-1, keepdims=True)


D = unit(np.array([a['doc'] for a in arts]))    # article vectors (title, tags, body)
T = unit(np.array([a['title'] for a in arts]))  # title vectors
CENTROID = D.mean(0)


def cov(h):  # Relevance.inputs' coverage
    return max(h['words'], (2 * h['words'] + h['chars'] + h['pinyin']) / 4)


F, Y, CAL = [], [], []
for q in qs:
    hy, lx = q['hybrid'], q['lexical']
    qv, pv = unit(np.array(q['query'])), unit(np.array(q['plain']))
    cs, ts, tps = D @ qv, T @ qv, T @ pv
    f = None
    if hy:
        top = hy[0]
        ti = kidx[top['key']]
        srt = np.sort(cs)[::-1]
        others = [h['cosine'] for h in hy[1:]]
        vtop = keys[int(np.argmax(cs))]
        f = {
            'cov': cov(top), 'unknown': top['unknown'], 'cos': top['cosine'],
            'gap': top['cosine'] - max(others) if others else 0,   # shipped features so far
            'vmax': srt[0], 'vgap': srt[0] - srt[1],               # best cosine in the KB, its gap
            'ccos': cs[ti] - qv @ CENTROID, 'cvmax': srt[0] - qv @ CENTROID,  # centred cosines
            'z': (cs[ti] - cs.mean()) / cs.std(), 'zmax': (srt[0] - cs.mean()) / cs.std(),
            'tcos': ts[ti], 'tmax': ts.max(), 'tpcos': tps[ti], 'tpmax': tps.max(),  # titles
            'tz': (ts[ti] - ts.mean()) / ts.std(), 'tpz': (tps.max() - tps.mean()) / tps.std(),
            'cov3': max(cov(h) for h in hy[:3]), 'lcov': cov(lx[0]) if lx else 0,
            'agree': float(bool(lx) and lx[0]['key'] == vtop),
            'agree3': float(bool(lx) and vtop in [h['key'] for h in lx[:3]]),
            'lexgap': (lx[0]['score'] - lx[1]['score']) / lx[0]['score'] if len(lx) > 1 else 1,
            'cross': cov(top) * top['cosine'],
            'words': top['words'], 'chars': top['chars'], 'pinyin': top['pinyin'],
        }
    F.append(f)
    Y.append(1 if q['expected'] else 0)
    CAL.append(q['line'] % 2 == 0)
Y, CAL = np.array(Y), np.array(CAL)
OK = np.array([f is not None for f in F])
CANDIDATES = [n for n in F[0] if n not in ('cov', 'unknown')]


def matrix(names):
    return np.array([[f[n] for n in names] if f else [0.0] * len(names) for f in F], float)


def fit(x, y, lam):
    """L2 logistic regression on standardised features, intercept unpenalised (as LogisticFit)."""
    mu, sd = x.mean(0), x.std(0) + 1e-9
    z = np.c_[np.ones(len(x)), (x - mu) / sd]
    w = np.zeros(z.shape[1])
    pen = lam * np.eye(len(w))
    pen[0, 0] = 0
    for _ in range(50):
        p = 1 / (1 + np.exp(-z @ w))
        w -= np.linalg.solve((z.T * (p * (1 - p))) @ z + pen, z.T @ (p - y) + pen @ w)
    return lambda xn: np.c_[np.ones(len(xn)), (xn - mu) / sd] @ w


def cut(z, y, max_wrong=0.05):
    """The highest cut flagging under max_wrong of the answerable queries (flag: z < cut)."""
    for c in np.sort(np.unique(z))[::-1]:
        if np.mean(z[y == 1] < c) < max_wrong:
            return c


def both_ways(names, lam=3):
    x = matrix(names)
    out = []
    for fit_half in (True, False):
        m = fit(x[(CAL == fit_half) & OK], Y[(CAL == fit_half) & OK], lam)
        z = m(x)
        z[~OK] = -1e9  # no hit at all: flagged
        c = cut(z[CAL == fit_half], Y[CAL == fit_half])
        other = CAL != fit_half
        out.append((np.mean(z[other & (Y == 0)] < c), np.mean(z[other & (Y == 1)] < c)))
    return out


def cv_logloss(names, half, lam=3, reps=5, k=5):
    x = matrix(names)
    idx = np.where((CAL == half) & OK)[0]
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


print('== 1. feature sets, hybrid: fitted on one half (cut there), applied to the other')
print('   set | fit even -> odd: flagged / wrongly | fit odd -> even: flagged / wrongly')
sets = [['cov', 'unknown', 'cos', 'gap']] + [['cov', 'unknown'] + list(e) for e in
                                              itertools.combinations(CANDIDATES, 2)]
sets += [['cov', 'unknown', c] for c in CANDIDATES]
results = sorted(((both_ways(s), s) for s in sets), key=lambda t: -min(t[0][0][0], t[0][1][0]))
print('   shipped %-40s %.3f / %.3f | %.3f / %.3f' % ((','.join(sets[0]),) + both_ways(sets[0])[0] + both_ways(sets[0])[1]))
reach = [s for r, s in results if r[0][0] >= 0.8 and r[0][1] < 0.05 and r[1][0] >= 0.8 and r[1][1] < 0.05]
print('   %d sets tried; sets reaching >= 0.80 with < 0.05 both ways: %d; best 10 by the worse direction:' % (len(sets), len(reach)))
for r, s in results[:10]:
    print('   %-48s %.3f / %.3f | %.3f / %.3f' % ((','.join(s),) + r[0] + r[1]))

print('== 2. forward selection by 5x5-fold cross-validated log-loss inside one half')
for half in (True, False):
    sel = ['cov', 'unknown']
    best = cv_logloss(sel, half)
    trail = ['%.4f' % best]
    while True:
        s, c = min((cv_logloss(sel + [c], half), c) for c in CANDIDATES if c not in sel)
        if s >= best - 0.002:
            break
        sel.append(c)
        best = s
        trail.append('+%s %.4f' % (c, s))
    r = both_ways(sel)[0 if half else 1]
    print('   selected on %s: %s -> %s; on the other half: flagged %.3f, wrongly %.3f'
          % ('even' if half else 'odd', ' '.join(trail), ','.join(sel), r[0], r[1]))

print('== 3. in-sample bound: fitted, cut and evaluated on all 325 queries')
for lam in (0.01, 3):
    for s in (sets[0], ['cov', 'unknown'] + CANDIDATES):
        x = matrix(s)
        z = fit(x[OK], Y[OK], lam)(x)
        z[~OK] = -1e9
        c = cut(z, Y)
        print('   penalty %-5s %2d features: flagged %.3f, wrongly %.3f'
              % (lam, len(s), np.mean(z[Y == 0] < c), np.mean(z[Y == 1] < c)))


def fused_recall(k, w, half, depth=50, nb=20, tw=0.0):
    hit = n = 0
    for q in qs:
        if not q['expected'] or (q['line'] % 2 == 0) != half:
            continue
        qv = unit(np.array(q['query']))
        s = {}
        lists = [(q['lexical50'][:depth], 1.0), ([keys[i] for i in np.argsort(-(D @ qv))[:nb]], w)]
        if tw:
            lists.append(([keys[i] for i in np.argsort(-(T @ qv))[:nb]], tw))
        for ranked, weight in lists:
            for r, key in enumerate(ranked):
                s[key] = s.get(key, 0) + weight / (k + r + 1)
        n += 1
        hit += any(key in q['expected'] for key in sorted(s, key=lambda key: -s[key])[:3])
    return hit / n


print('== 4. hybrid recall@3 by fusion setting (exact vector ranking, lexical top 50), per half')
print('   shipped K=60 w=1: calibration %.3f held-out %.3f' % (fused_recall(60, 1, True), fused_recall(60, 1, False)))
for k in (5, 10, 30, 60):
    print('   K=%-3d' % k + ' '.join(' w%.2f %.3f/%.3f' % (w, fused_recall(k, w, True), fused_recall(k, w, False))
                             for w in (0.5, 0.75, 1, 1.5, 2)))
for k in (10, 60):
    print('   K=%-3d title list' % k + ' '.join(' tw%.2f %.3f/%.3f' % (tw, fused_recall(k, 1, True, tw=tw), fused_recall(k, 1, False, tw=tw))
                                        for tw in (0.25, 0.5, 0.75, 1)))
