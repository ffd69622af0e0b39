-- Matching: concepts and a weighted full-text vector per organisation; stored scores.

CREATE TYPE "MatchTargetKind" AS ENUM ('THEME', 'OPPORTUNITY');

ALTER TABLE "Organisation" ADD COLUMN "concepts" TEXT[] DEFAULT ARRAY[]::TEXT[],
  ADD COLUMN "searchVector" tsvector;

-- Name and keywords weigh A, the description B. Kept by a trigger because
-- array_to_string is not immutable, so a generated column cannot use it.
CREATE FUNCTION "organisation_search_vector"() RETURNS trigger AS $$
BEGIN
  NEW."searchVector" :=
    setweight(to_tsvector('english', coalesce(NEW."name", '')), 'A') ||
    setweight(to_tsvector('english', coalesce(array_to_string(NEW."keywords", ' '), '')), 'A') ||
    setweight(to_tsvector('english', coalesce(NEW."description", '')), 'B');
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Organisation_searchVector_update"
  BEFORE INSERT OR UPDATE OF "name", "keywords", "description" ON "Organisation"
  FOR EACH ROW EXECUTE FUNCTION "organisation_search_vector"();

UPDATE "Organisation" SET "name" = "name";

CREATE INDEX "Organisation_searchVector_idx" ON "Organisation" USING GIN ("searchVector");
CREATE INDEX "Organisation_concepts_idx" ON "Organisation" USING GIN ("concepts");

CREATE TABLE "MatchScore" (
    "organisationId" TEXT NOT NULL,
    "targetKind" "MatchTargetKind" NOT NULL,
    "targetId" TEXT NOT NULL,
    "score" SMALLINT NOT NULL,
    "explanation" JSONB NOT NULL,
    "computedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "MatchScore_pkey" PRIMARY KEY ("organisationId","targetKind","targetId")
);

CREATE INDEX "MatchScore_targetKind_targetId_score_idx" ON "MatchScore"("targetKind", "targetId", "score" DESC);

ALTER TABLE "MatchScore" ADD CONSTRAINT "MatchScore_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
