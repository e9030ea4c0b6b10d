#!/usr/bin/env python3
"""No-answer features over the pool of tuning sets (issue 16, fifth pass, branch wip/kbna5).

Reads the dump of RelevanceFeatureDumpTest (-Dkb.dump=FILE; it now also holds each article's
title-and-tag terms and the held-out set at lines 3000+) and measures candidate inputs of the
confident-answer model on the pool of the three tuning sets (relevance set R, lines < 1000;
fresh set F, 1000+; check set C, 2000+): 128 no-answer and 365 answerable queries. Each set is
scored by the model fitted (L2 logistic, as LogisticFit) and cut (< 5% of answerable flagged) on
the other two ("LOSO"), and by 3x5-fold cross-fitting over the pool. The held-out set (3000+) is
dropped unless --final is given. Needs numpy.
Usage: python3 kb_fifth.py /tmp/kb-dump.jsonl [--lex] [--final]
Candidates: nw (content words), tcov/tpos (IDF share of the query's content words in the first
hit's title and tags, and whether it is > 0; python approximation without synonyms), tcos (query
vs title vector), z10 (cosine z-score in the hit list), cmean, cov3 (best coverage of the top 3),
covmean, salhits/saltop (hits holding the query's rarest word), latin/latcos/enhit (English),
zall/zlang (cosine z-score among all articles / those of the hit's language), covgap, qlen, known.
"""
import json, math, sys
import numpy as np
rows = [json.loads(l) for l in open(sys.argv[1])]
arts = [r for r in rows if 'article' in r]
qs = [r for r in rows if 'line' in r]
FINAL = '--final' in sys.argv
if not FINAL:
    qs = [q for q in qs if q['line'] < 3000]
keys = [a['article'] for a in arts]; kidx = {k: i for i, k in enumerate(keys)}
N = len(arts)
TERMS = [set(a['terms']) for a in arts]; TT = [set(a['tterms']) for a in arts]
LOC = [a['locale'] for a in arts]
def unit(m): return m / np.linalg.norm(m, axis=-1, keepdims=True)
D = unit(np.array([a['doc'] for a in arts])); T = unit(np.array([a['title'] for a in arts]))
IDFMAX = math.log(1 + (N + 0.5) / 0.5)
def part(line): return 'F' if 1000 <= line < 2000 else 'C' if 2000 <= line < 3000 else 'H' if line >= 3000 else 'R'
def cov(h): return max(h['words'], (2 * h['words'] + h['chars'] + h['pinyin']) / 4)
import re
MODE = 'hybrid' if '--lex' not in sys.argv else 'lexical'
def idf_of(t):
    df = sum(1 for s in TERMS if t <= s)
    return df, math.log(1 + (N - df + 0.5) / (df + 0.5)) / IDFMAX
F, Y, P, Q = [], [], [], []
for q in qs:
    hits = q[MODE]
    Y.append(1 if q['expected'] else 0); P.append(part(q['line'])); Q.append(q)
    if not hits:
        F.append(None); continue
    top = hits[0]; ti = kidx[top['key']]
    cs = np.array([h['cosine'] for h in hits])
    words = []
    for w in q['cwords']:
        t = set(w['terms']); df, idf = idf_of(t)
        words.append(dict(w=w['w'], t=t, df=df, idf=idf))
    tot = sum(w['idf'] for w in words)
    qv = unit(np.array(q['query']))
    latin = len(re.findall('[A-Za-z]', q['text'])) > len(q['text']) * 0.5
    sal = max(words, key=lambda w: w['idf']) if words else None
    f = dict(cov=cov(top), unknown=top['unknown'], cos=top['cosine'],
             gap=top['cosine'] - max(cs[1:]) if len(cs) > 1 else 0, missing=top['missing'])
    f['nw'] = len(words); f['nozero'] = 1.0 if words else 0.0
    f['tcov'] = sum(w['idf'] for w in words if w['t'] <= TT[ti]) / tot if tot else 0
    f['tany'] = 1.0 if any(w['t'] <= TT[ti] and w['df'] > 0 for w in words) else 0.0
    f['wcov'] = sum(w['idf'] for w in words if w['t'] <= TERMS[ti]) / tot if tot else 0
    f['tcos'] = float(qv @ T[ti])
    f['z10'] = (cs[0] - cs.mean()) / (cs.std() + 1e-3) if len(cs) > 2 else 0
    f['cmean'] = cs.mean()
    f['cov3'] = max(cov(h) for h in hits[:3])
    f['covmean'] = np.mean([cov(h) for h in hits])
    f['salhits'] = (sum(1 for h in hits if sal['t'] <= TERMS[kidx[h['key']]]) / len(hits)) if sal and sal['df'] > 0 else 0
    f['saltop'] = 1.0 if sal and sal['t'] <= TERMS[ti] else 0.0
    f['latin'] = 1.0 if latin else 0.0
    f['latcos'] = f['latin'] * f['cos']
    f['enhit'] = 1.0 if LOC[ti] == 'en' else 0.0
    sims = D @ qv
    f['zall'] = (sims[ti] - sims.mean()) / sims.std()
    same = np.array([LOC[i][:2] == LOC[ti][:2] for i in range(N)])
    f['zlang'] = (sims[ti] - sims[same].mean()) / sims[same].std()
    f['rel'] = top['relevance']
    f['relgap'] = top['relevance'] - (hits[1]['relevance'] if len(hits) > 1 else 0)
    f['covgap'] = cov(top) - (max(cov(h) for h in hits[1:]) if len(hits) > 1 else 0)
    f['qlen'] = math.log(1 + len(q['text']))
    f['known'] = sum(1 for w in words if w['df'] > 0)
    F.append(f)
Y, P = np.array(Y), np.array(P)
OK = np.array([f is not None for f in F])
def matrix(names): return np.array([[f[n] for n in names] if f else [0.0]*len(names) for f in F], float)
def fit(x, y, lam):
    mu, sd = x.mean(0), x.std(0) + 1e-9
    z = np.c_[np.ones(len(x)), (x - mu) / sd]; w = np.zeros(z.shape[1])
    pen = lam * np.eye(len(w)); pen[0, 0] = 0
    for _ in range(50):
        p = 1 / (1 + np.exp(-z @ w))
        w -= np.linalg.solve((z.T * (p * (1 - p))) @ z + pen, z.T @ (p - y) + pen @ w)
    m = lambda xn: np.c_[np.ones(len(xn)), (xn - mu) / sd] @ w
    m.raw = (w[1:] / sd, w[0] - (w[1:] / sd) @ mu); return m
def cut(z, y, mw=0.05):
    zs = np.sort(z[y == 1])
    k = int(math.ceil(mw * len(zs))) - 1  # flag at most k answerable (strictly < mw)
    k = max(k, 0)
    return zs[k]  # flag z < cut -> flags k answerable
def flagged(z, c, x, names):
    fl = z < c
    if 'cov' in names:
        fl |= x[:, names.index('cov')] == 0
    return fl | ~OK
def evaluate(names, train, test, lam=3, mw=0.05):
    x = matrix(names); mt = train & OK
    m = fit(x[mt], Y[mt], lam); z = m(x); c = cut(z[mt], Y[mt], mw)
    fl = flagged(z, c, x, names)
    return fl[test & (Y == 0)].sum(), (test & (Y == 0)).sum(), fl[test & (Y == 1)].sum(), (test & (Y == 1)).sum()
import itertools
SETS = ['R', 'F', 'C']
def loso(names, lam=3, mw=0.05):
    out = []
    for s in SETS:
        out.append(evaluate(names, (P != s) & (P != 'H'), P == s, lam, mw))
    tot = [sum(o[i] for o in out) for i in range(4)]
    return out, tot
def kfold(names, lam=3, mw=0.05, k=5, reps=3):
    idx = np.where(P != 'H')[0]; rng = np.random.default_rng(7); res = np.zeros(4)
    for r in range(reps):
        perm = rng.permutation(idx); fold = np.zeros(len(P), int) - 1
        pos = [i for i in perm if Y[i] == 1]; neg = [i for i in perm if Y[i] == 0]
        for j, i in enumerate(pos): fold[i] = j % k
        for j, i in enumerate(neg): fold[i] = j % k
        for j in range(k):
            res += np.array(evaluate(names, (fold >= 0) & (fold != j), fold == j, lam, mw))
    return res
def show(names, lam=3, mw=0.05):
    out, tot = loso(names, lam, mw); kf = kfold(names, lam, mw)
    s = ' '.join('%s %2d/%2d %2d/%3d' % (SETS[i], *out[i]) for i in range(3))
    print('%-45s %s | LOSO %.3f/%.3f | 5fold %.3f/%.3f' % (','.join(names), s, tot[0]/tot[1], tot[2]/tot[3], kf[0]/kf[1], kf[2]/kf[3]))
base = ['cov', 'unknown', 'cos', 'gap', 'missing']
def main():
    show(['cov', 'unknown']); show(base)
    cands = ['nw','nozero','tcov','tany','wcov','tcos','z10','cmean','cov3','covmean','salhits','saltop','latin','latcos','enhit','zall','zlang','covgap','qlen','known']
    for c in cands: show(base + [c])


if __name__ == '__main__':
    main()
