-- Where each audit entry came from: the client's IP address (as vouched for by
-- the trusted proxy), its User-Agent (at most 256 characters) and the request
-- id that ties the entry to the application's logs. Adding columns rewrites
-- no row, so the append-only trigger is not involved.
ALTER TABLE "AuditLog" ADD COLUMN "ip" TEXT;
ALTER TABLE "AuditLog" ADD COLUMN "userAgent" TEXT;
ALTER TABLE "AuditLog" ADD COLUMN "requestId" TEXT;

-- The admins' audit page reads newest first, by keyset (createdAt, id), with
-- optional filters on the actor, the action and the IP address.
DROP INDEX "AuditLog_createdAt_idx";
CREATE INDEX "AuditLog_createdAt_id_idx" ON "AuditLog"("createdAt", "id");
CREATE INDEX "AuditLog_actorId_createdAt_idx" ON "AuditLog"("actorId", "createdAt");
CREATE INDEX "AuditLog_action_createdAt_idx" ON "AuditLog"("action", "createdAt");
CREATE INDEX "AuditLog_ip_createdAt_idx" ON "AuditLog"("ip", "createdAt");

-- Still append-only, with one narrow exception for GDPR erasure: an UPDATE
-- that sets "ip" and "userAgent" to NULL and leaves every other column as it
-- was. Any other UPDATE, every DELETE and TRUNCATE are refused. The comparison
-- covers all columns, including any added later.
CREATE OR REPLACE FUNCTION "audit_log_append_only"() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW."ip" IS NULL AND NEW."userAgent" IS NULL
       AND (to_jsonb(NEW) - 'ip' - 'userAgent') = (to_jsonb(OLD) - 'ip' - 'userAgent') THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'AuditLog is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$ LANGUAGE plpgsql;
