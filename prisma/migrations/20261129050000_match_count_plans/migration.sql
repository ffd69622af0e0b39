-- Counting a target's scores of the organisations officials may see (the
-- matches API's total, the coverage view) joined every score to its
-- organisation by primary key: 12,000 lookups and 56,000 buffers for a theme
-- at scale (docs/performance.md, "Query plans at scale"). Two changes let
-- PostgreSQL hash the visible organisations instead:

-- 1. The visible organisations' ids, small enough to read whole (the rule of
--    lib/matching/official-queries.ts VISIBLE_SQL, written the same way so the
--    planner can prove a query's condition implies it).
CREATE INDEX "Organisation_visible_idx" ON "Organisation" ("id")
  WHERE "consentedAt" IS NOT NULL OR "origin" = 'IMPORTED';

-- 2. A target's kind and id are not independent (an id is of one kind): without
--    this PostgreSQL multiplied their selectivities and expected 1,189 scores
--    for a theme that has 12,000, so it chose 12,000 lookups. The full rebuild
--    creates the same object on the table it swaps in (lib/matching/engine.ts).
CREATE STATISTICS "MatchScore_target_stats" (dependencies, mcv) ON "targetKind", "targetId" FROM "MatchScore";

ANALYZE "MatchScore";
