-- Match explanations are stored as the compact JSON text the engine writes
-- (lib/matching/explanation-codec.ts) and parsed only when shown: as jsonb,
-- PostgreSQL parsed each of a full rebuild's ~700,000 explanations on the way
-- in, stored them 50 % larger, and the first scan of the new table (the
-- index builds) paid for it again. docs/decisions/006-rebuild-text-rank-and-explanation-text.md.
ALTER TABLE "MatchScore" ALTER COLUMN "explanation" TYPE text USING "explanation"::text;
