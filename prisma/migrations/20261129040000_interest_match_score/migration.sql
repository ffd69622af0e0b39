-- An expression of interest carries a copy of its stored match score: the
-- score of its organisation for the opportunity it names, or for its theme
-- when it names none. The officials' queue sorts and filters by it; looking
-- the score up in "MatchScore" for every filtered expression cost 6,000 index
-- lookups (27,000 buffers) per view of the submitted ones at scale
-- (docs/performance.md). The copy is kept equal by the database itself, so no
-- writer of either table can forget it: docs/decisions/008-interest-match-score-copy.md.

ALTER TABLE "ExpressionOfInterest" ADD COLUMN "matchScore" SMALLINT;

-- The stored score of an organisation for an expression's target, or NULL.
CREATE FUNCTION "interest_match_score"(organisation_id text, theme_id text, opportunity_id text)
RETURNS smallint LANGUAGE sql STABLE AS $$
  SELECT ms.score FROM "MatchScore" ms
  WHERE ms."organisationId" = organisation_id
    AND ms."targetKind" = (CASE WHEN opportunity_id IS NULL THEN 'THEME' ELSE 'OPPORTUNITY' END)::"MatchTargetKind"
    AND ms."targetId" = COALESCE(opportunity_id, theme_id)
$$;

-- A new expression, or one whose organisation or target changes, takes the
-- stored score; a direct write of the copy is overruled the same way.
CREATE FUNCTION "interest_take_match_score"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."matchScore" := "interest_match_score"(NEW."organisationId", NEW."themeId", NEW."opportunityId");
  RETURN NEW;
END
$$;

CREATE TRIGGER "ExpressionOfInterest_matchScore"
  BEFORE INSERT OR UPDATE OF "organisationId", "themeId", "opportunityId", "matchScore"
  ON "ExpressionOfInterest"
  FOR EACH ROW EXECUTE FUNCTION "interest_take_match_score"();

-- After scores are written or removed, the expressions of the pairs that
-- changed take their new score. Statement-level, over the transition table:
-- one join per statement, however many rows the engine wrote.
CREATE FUNCTION "match_score_refresh_interests"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "ExpressionOfInterest" e SET "matchScore" = c.score
    FROM changed_rows c
    WHERE e."organisationId" = c."organisationId"
      AND c."targetId" = COALESCE(e."opportunityId", e."themeId")
      AND c."targetKind" = (CASE WHEN e."opportunityId" IS NULL THEN 'THEME' ELSE 'OPPORTUNITY' END)::"MatchTargetKind"
      AND e."matchScore" IS DISTINCT FROM c.score;
  ELSE
    -- DELETE or UPDATE: the score is looked up again (NULL once the row is gone).
    UPDATE "ExpressionOfInterest" e
    SET "matchScore" = "interest_match_score"(e."organisationId", e."themeId", e."opportunityId")
    FROM (SELECT DISTINCT "organisationId", "targetKind", "targetId" FROM changed_rows) c
    WHERE e."organisationId" = c."organisationId"
      AND c."targetId" = COALESCE(e."opportunityId", e."themeId")
      AND c."targetKind" = (CASE WHEN e."opportunityId" IS NULL THEN 'THEME' ELSE 'OPPORTUNITY' END)::"MatchTargetKind"
      AND e."matchScore" IS DISTINCT FROM
        "interest_match_score"(e."organisationId", e."themeId", e."opportunityId");
  END IF;
  RETURN NULL;
END
$$;

-- The triggers of "MatchScore", in one place: the migration installs them,
-- and a full rebuild (lib/matching/engine.ts) installs them again on the
-- table it swaps in.
CREATE FUNCTION "match_score_install_triggers"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  CREATE TRIGGER "MatchScore_refresh_interests_insert"
    AFTER INSERT ON "MatchScore" REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "match_score_refresh_interests"();
  CREATE TRIGGER "MatchScore_refresh_interests_update"
    AFTER UPDATE ON "MatchScore" REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "match_score_refresh_interests"();
  CREATE TRIGGER "MatchScore_refresh_interests_delete"
    AFTER DELETE ON "MatchScore" REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "match_score_refresh_interests"();
END
$$;

SELECT "match_score_install_triggers"();

-- Every expression's copy made equal to the stored scores; returns how many
-- changed. Used once here and by the rebuild after its swap. One primary-key
-- lookup per expression (a correlated subquery): a join let the planner hash
-- all of "MatchScore" (37,000 pages) to find 20,000 scores.
CREATE FUNCTION "interest_match_scores_sync"() RETURNS integer LANGUAGE sql AS $$
  WITH changed AS (
    UPDATE "ExpressionOfInterest" e SET "matchScore" = s.score
    FROM (
      SELECT e2.id, (
        SELECT ms.score FROM "MatchScore" ms
        WHERE ms."organisationId" = e2."organisationId"
          AND ms."targetKind" = (CASE WHEN e2."opportunityId" IS NULL THEN 'THEME' ELSE 'OPPORTUNITY' END)::"MatchTargetKind"
          AND ms."targetId" = COALESCE(e2."opportunityId", e2."themeId")
      ) AS score
      FROM "ExpressionOfInterest" e2
    ) s
    WHERE e.id = s.id AND e."matchScore" IS DISTINCT FROM s.score
    RETURNING 1
  )
  SELECT count(*)::int FROM changed
$$;

SELECT "interest_match_scores_sync"();
