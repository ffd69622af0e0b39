-- Bridgehead: first version of the domain model (hand-written, Prisma layout).

-- CreateEnum
CREATE TYPE "OrganisationType" AS ENUM ('UNIVERSITY', 'RESEARCH_INSTITUTE', 'SME', 'LARGE_COMPANY', 'CLUSTER', 'PUBLIC_BODY', 'OTHER');
CREATE TYPE "CooperationType" AS ENUM ('JOINT_RD', 'TECHNOLOGY_TRANSFER', 'EXPERT_EXCHANGE', 'JOINT_VENTURE', 'TRADE_DISTRIBUTION', 'PILOT_DEMONSTRATION', 'CONSULTANCY_SERVICES');
CREATE TYPE "SizeBand" AS ENUM ('MICRO', 'SMALL', 'MEDIUM', 'LARGE');
CREATE TYPE "OrganisationOrigin" AS ENUM ('REGISTERED', 'IMPORTED');
CREATE TYPE "OpportunityStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'CLOSED');
CREATE TYPE "HostType" AS ENUM ('ENTERPRISE', 'UNIVERSITY', 'AGENCY');
CREATE TYPE "Role" AS ENUM ('PARTNER', 'OFFICIAL', 'ADMIN');
CREATE TYPE "UserStatus" AS ENUM ('ACTIVE', 'DISABLED');
CREATE TYPE "InterestStatus" AS ENUM ('SUBMITTED', 'IN_REVIEW', 'INFO_REQUESTED', 'PARTNER_REPLIED', 'SHORTLISTED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN');

-- CreateTable
CREATE TABLE "City" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "regionEn" TEXT NOT NULL,
    "regionZh" TEXT NOT NULL,
    "countryCode" CHAR(2) NOT NULL,
    "summaryEn" TEXT NOT NULL,
    "summaryZh" TEXT NOT NULL,
    "order" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "City_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "CityFact" (
    "id" TEXT NOT NULL,
    "cityId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "order" INTEGER NOT NULL,
    "value" DECIMAL(18,3) NOT NULL,
    "unit" TEXT NOT NULL,
    "labelEn" TEXT NOT NULL,
    "labelZh" TEXT NOT NULL,
    "periodEn" TEXT,
    "periodZh" TEXT,
    CONSTRAINT "CityFact_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "CooperationArea" (
    "id" TEXT NOT NULL,
    "cityId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "order" INTEGER NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "descriptionEn" TEXT NOT NULL,
    "descriptionZh" TEXT NOT NULL,
    CONSTRAINT "CooperationArea_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Theme" (
    "id" TEXT NOT NULL,
    "cityId" TEXT NOT NULL,
    "areaId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "order" INTEGER NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "descriptionEn" TEXT NOT NULL,
    "descriptionZh" TEXT NOT NULL,
    "keywordsEn" TEXT[],
    "keywordsZh" TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "Theme_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Opportunity" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "themeId" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "titleZh" TEXT NOT NULL,
    "descriptionEn" TEXT NOT NULL,
    "descriptionZh" TEXT NOT NULL,
    "cooperationTypes" "CooperationType"[],
    "partnerTypes" "OrganisationType"[],
    "trlMin" INTEGER NOT NULL,
    "trlMax" INTEGER NOT NULL,
    "deadline" DATE,
    "status" "OpportunityStatus" NOT NULL DEFAULT 'DRAFT',
    "hostNameEn" TEXT NOT NULL,
    "hostNameZh" TEXT NOT NULL,
    "hostType" "HostType" NOT NULL,
    "publishedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "Opportunity_pkey" PRIMARY KEY ("id"),
    -- Not expressible in schema.prisma; the database guards it anyway.
    CONSTRAINT "Opportunity_trl_range" CHECK ("trlMin" BETWEEN 1 AND 9 AND "trlMax" BETWEEN 1 AND 9 AND "trlMin" <= "trlMax")
);

CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" "OrganisationType" NOT NULL,
    "country" CHAR(2) NOT NULL,
    "city" TEXT,
    "website" TEXT,
    "sizeBand" "SizeBand",
    "description" TEXT NOT NULL,
    "keywords" TEXT[],
    "trlMin" INTEGER,
    "trlMax" INTEGER,
    "cooperationTypes" "CooperationType"[],
    "partnerTypes" "OrganisationType"[],
    "languages" TEXT[],
    "externalRef" TEXT,
    "origin" "OrganisationOrigin" NOT NULL DEFAULT 'REGISTERED',
    "lastConfirmedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Organisation_trl_range" CHECK (("trlMin" IS NULL OR "trlMin" BETWEEN 1 AND 9) AND ("trlMax" IS NULL OR "trlMax" BETWEEN 1 AND 9) AND ("trlMin" IS NULL OR "trlMax" IS NULL OR "trlMin" <= "trlMax"))
);

CREATE TABLE "OrganisationTheme" (
    "organisationId" TEXT NOT NULL,
    "themeId" TEXT NOT NULL,
    CONSTRAINT "OrganisationTheme_pkey" PRIMARY KEY ("organisationId","themeId")
);

CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "role" "Role" NOT NULL DEFAULT 'PARTNER',
    "status" "UserStatus" NOT NULL DEFAULT 'ACTIVE',
    "emailVerifiedAt" TIMESTAMPTZ(3),
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "organisationId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ExpressionOfInterest" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "themeId" TEXT NOT NULL,
    "opportunityId" TEXT,
    "status" "InterestStatus" NOT NULL DEFAULT 'SUBMITTED',
    "motivation" TEXT NOT NULL,
    "cooperationType" "CooperationType" NOT NULL,
    "contribution" TEXT NOT NULL,
    "timeline" TEXT NOT NULL,
    "contactUserId" TEXT,
    "submittedById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "ExpressionOfInterest_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "InterestEvent" (
    "id" TEXT NOT NULL,
    "interestId" TEXT NOT NULL,
    "fromStatus" "InterestStatus",
    "toStatus" "InterestStatus" NOT NULL,
    "actorId" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "InterestEvent_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "data" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "City_slug_key" ON "City"("slug");
CREATE UNIQUE INDEX "CityFact_cityId_key_key" ON "CityFact"("cityId", "key");
CREATE UNIQUE INDEX "CooperationArea_cityId_slug_key" ON "CooperationArea"("cityId", "slug");
CREATE INDEX "Theme_areaId_idx" ON "Theme"("areaId");
CREATE UNIQUE INDEX "Theme_cityId_slug_key" ON "Theme"("cityId", "slug");
CREATE UNIQUE INDEX "Opportunity_slug_key" ON "Opportunity"("slug");
CREATE INDEX "Opportunity_themeId_status_idx" ON "Opportunity"("themeId", "status");
CREATE INDEX "Opportunity_status_deadline_idx" ON "Opportunity"("status", "deadline");
CREATE UNIQUE INDEX "Organisation_externalRef_key" ON "Organisation"("externalRef");
CREATE INDEX "Organisation_country_idx" ON "Organisation"("country");
CREATE INDEX "Organisation_type_idx" ON "Organisation"("type");
CREATE INDEX "OrganisationTheme_themeId_idx" ON "OrganisationTheme"("themeId");
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE INDEX "User_organisationId_idx" ON "User"("organisationId");
CREATE INDEX "ExpressionOfInterest_organisationId_idx" ON "ExpressionOfInterest"("organisationId");
CREATE INDEX "ExpressionOfInterest_opportunityId_idx" ON "ExpressionOfInterest"("opportunityId");
CREATE INDEX "ExpressionOfInterest_status_createdAt_idx" ON "ExpressionOfInterest"("status", "createdAt");
CREATE INDEX "InterestEvent_interestId_createdAt_idx" ON "InterestEvent"("interestId", "createdAt");
CREATE INDEX "AuditLog_entityType_entityId_idx" ON "AuditLog"("entityType", "entityId");
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

-- AddForeignKey
ALTER TABLE "CityFact" ADD CONSTRAINT "CityFact_cityId_fkey" FOREIGN KEY ("cityId") REFERENCES "City"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CooperationArea" ADD CONSTRAINT "CooperationArea_cityId_fkey" FOREIGN KEY ("cityId") REFERENCES "City"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Theme" ADD CONSTRAINT "Theme_cityId_fkey" FOREIGN KEY ("cityId") REFERENCES "City"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Theme" ADD CONSTRAINT "Theme_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "CooperationArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Opportunity" ADD CONSTRAINT "Opportunity_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "OrganisationTheme" ADD CONSTRAINT "OrganisationTheme_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "OrganisationTheme" ADD CONSTRAINT "OrganisationTheme_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "User" ADD CONSTRAINT "User_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "ExpressionOfInterest" ADD CONSTRAINT "ExpressionOfInterest_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ExpressionOfInterest" ADD CONSTRAINT "ExpressionOfInterest_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ExpressionOfInterest" ADD CONSTRAINT "ExpressionOfInterest_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ExpressionOfInterest" ADD CONSTRAINT "ExpressionOfInterest_contactUserId_fkey" FOREIGN KEY ("contactUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "ExpressionOfInterest" ADD CONSTRAINT "ExpressionOfInterest_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "InterestEvent" ADD CONSTRAINT "InterestEvent_interestId_fkey" FOREIGN KEY ("interestId") REFERENCES "ExpressionOfInterest"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "InterestEvent" ADD CONSTRAINT "InterestEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
