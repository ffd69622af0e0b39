// Ranking quality: nDCG@k with graded relevance (0, 1, 2) and precision@k.

export function dcg(gains: number[], k: number): number {
  return gains.slice(0, k).reduce((sum, gain, i) => sum + (2 ** gain - 1) / Math.log2(i + 2), 0);
}

/** nDCG@k of a ranking, given each item's relevance (missing = 0). */
export function ndcgAt(ranking: string[], relevance: Map<string, number>, k: number): number {
  const gains = ranking.map((id) => relevance.get(id) ?? 0);
  const ideal = [...relevance.values()].sort((a, b) => b - a);
  const best = dcg(ideal, k);
  return best === 0 ? 0 : dcg(gains, k) / best;
}

/** Share of the top k that is relevant at all. */
export function precisionAt(ranking: string[], relevance: Map<string, number>, k: number): number {
  const top = ranking.slice(0, k);
  return top.filter((id) => (relevance.get(id) ?? 0) > 0).length / k;
}
