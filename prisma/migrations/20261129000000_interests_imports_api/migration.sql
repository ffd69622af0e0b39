-- Expressions of interest workflow (assignee, review times, decline reasons,
-- internal notes, notifications), officials' invitations to express interest,
-- API tokens and bulk imports.

CREATE TYPE "DeclineReason" AS ENUM ('OUT_OF_SCOPE', 'CAPABILITY_INSUFFICIENT', 'NO_CAPACITY', 'DUPLICATE', 'OTHER');
CREATE TYPE "InterestEventKind" AS ENUM ('STATUS', 'ASSIGNMENT');
CREATE TYPE "ImportFormat" AS ENUM ('CSV', 'JSONL');
CREATE TYPE "ImportStatus" AS ENUM ('PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED');

ALTER TABLE "ExpressionOfInterest"
  ADD COLUMN "assigneeId" TEXT,
  ADD COLUMN "firstReviewedAt" TIMESTAMPTZ(3),
  ADD COLUMN "decidedAt" TIMESTAMPTZ(3),
  ADD COLUMN "declineReason" "DeclineReason",
  ADD COLUMN "declineMessage" TEXT,
  ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce("motivation", '')), 'A') ||
    setweight(to_tsvector('english', coalesce("contribution", '')), 'B') ||
    setweight(to_tsvector('english', coalesce("timeline", '')), 'C')
  ) STORED;

ALTER TABLE "ExpressionOfInterest" ADD CONSTRAINT "ExpressionOfInterest_assigneeId_fkey"
  FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE INDEX "ExpressionOfInterest_themeId_status_idx" ON "ExpressionOfInterest"("themeId", "status");
CREATE INDEX "ExpressionOfInterest_assigneeId_status_idx" ON "ExpressionOfInterest"("assigneeId", "status");
CREATE INDEX "ExpressionOfInterest_createdAt_idx" ON "ExpressionOfInterest"("createdAt");
CREATE INDEX "ExpressionOfInterest_searchVector_idx" ON "ExpressionOfInterest" USING GIN ("searchVector");

-- One open expression per organisation and opportunity (or per theme, for an
-- open interest without an opportunity). A double submit hits these and
-- finds the existing row instead of creating a second one.
CREATE UNIQUE INDEX "ExpressionOfInterest_open_opportunity_key" ON "ExpressionOfInterest"("organisationId", "opportunityId")
  WHERE "opportunityId" IS NOT NULL
    AND "status" IN ('SUBMITTED', 'IN_REVIEW', 'INFO_REQUESTED', 'PARTNER_REPLIED', 'SHORTLISTED');
CREATE UNIQUE INDEX "ExpressionOfInterest_open_theme_key" ON "ExpressionOfInterest"("organisationId", "themeId")
  WHERE "opportunityId" IS NULL
    AND "status" IN ('SUBMITTED', 'IN_REVIEW', 'INFO_REQUESTED', 'PARTNER_REPLIED', 'SHORTLISTED');

ALTER TABLE "InterestEvent"
  ADD COLUMN "kind" "InterestEventKind" NOT NULL DEFAULT 'STATUS',
  ADD COLUMN "data" JSONB;

CREATE TABLE "InterestNote" (
    "id" TEXT NOT NULL,
    "interestId" TEXT NOT NULL,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "InterestNote_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "InterestNote_interestId_createdAt_idx" ON "InterestNote"("interestId", "createdAt");
ALTER TABLE "InterestNote" ADD CONSTRAINT "InterestNote_interestId_fkey"
  FOREIGN KEY ("interestId") REFERENCES "ExpressionOfInterest"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "InterestNote" ADD CONSTRAINT "InterestNote_authorId_fkey"
  FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "interestId" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "readAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");
CREATE INDEX "Notification_interestId_idx" ON "Notification"("interestId");
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey"
  FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_interestId_fkey"
  FOREIGN KEY ("interestId") REFERENCES "ExpressionOfInterest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "InterestInvite" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "targetKind" "MatchTargetKind" NOT NULL,
    "targetId" TEXT NOT NULL,
    "invitedById" TEXT,
    "recipients" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "InterestInvite_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "InterestInvite_organisationId_targetKind_targetId_createdAt_idx"
  ON "InterestInvite"("organisationId", "targetKind", "targetId", "createdAt");
CREATE INDEX "InterestInvite_targetKind_targetId_idx" ON "InterestInvite"("targetKind", "targetId");
ALTER TABLE "InterestInvite" ADD CONSTRAINT "InterestInvite_organisationId_fkey"
  FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "InterestInvite" ADD CONSTRAINT "InterestInvite_invitedById_fkey"
  FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "lastUsedAt" TIMESTAMPTZ(3),
    "expiresAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey"
  FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ImportRun" (
    "id" TEXT NOT NULL,
    "createdById" TEXT,
    "format" "ImportFormat" NOT NULL,
    "fileName" TEXT,
    "source" TEXT NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'PENDING',
    "content" TEXT,
    "totalRows" INTEGER NOT NULL DEFAULT 0,
    "processedRows" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),
    CONSTRAINT "ImportRun_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ImportRun_createdById_createdAt_idx" ON "ImportRun"("createdById", "createdAt");
ALTER TABLE "ImportRun" ADD CONSTRAINT "ImportRun_createdById_fkey"
  FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
