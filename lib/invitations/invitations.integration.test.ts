import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Caller } from "@/lib/auth/gate";
import { verifyPassword } from "@/lib/auth/password";
import { hashToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors/app-error";
import type { Role } from "@/lib/generated/prisma/enums";
import { uniqueSuffix } from "@/lib/testing/databases";

// lib/db reads the whole environment on first use; the tests need no real secret.
process.env.NEXTAUTH_SECRET ??= "integration-tests-only-secret-0123456789";

// The actions run outside a Next request: the caller and the mailbox are stand-ins.
const session = vi.hoisted(() => ({ caller: null as Caller | null }));
const outbox = vi.hoisted(
  () => [] as Array<{ to: string; locale: string; template: string; data: Record<string, string> }>,
);
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ getAll: () => [] }),
}));
vi.mock("@/lib/auth/gate", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/gate")>()),
  getCaller: async () => session.caller,
}));
vi.mock("@/lib/email/send", () => ({
  queueEmail: async (message: (typeof outbox)[number]) => {
    outbox.push(message);
    return "message-id";
  },
}));

const {
  acceptInvitationAction,
  inviteColleague,
  inviteStaff,
  revokeColleagueInvitation,
  revokeStaffInvitation,
} = await import("./actions");
const { acceptInvitation, createInvitation, INVITATION_LIFETIME_MS, revokeInvitation } =
  await import("./mutations");
const { getInvitationByToken, listPendingInvitations } = await import("./queries");

const PASSWORD = "violet tractor harbour lantern";

async function organisation(label: string) {
  return db.organisation.create({
    data: {
      name: `${label} ${uniqueSuffix()}`,
      type: "SME",
      country: "DE",
      description: "A test organisation.",
    },
  });
}

async function user(role: Role, organisationId: string | null = null) {
  const suffix = uniqueSuffix();
  return db.user.create({
    data: {
      email: `${role.toLowerCase()}-${suffix}@example.eu`,
      name: `${role} ${suffix}`,
      role,
      organisationId,
      emailVerifiedAt: new Date(),
      locale: "zh",
    },
  });
}

function callerOf(u: {
  id: string;
  role: Role;
  organisationId: string | null;
  email: string;
  name: string;
  locale: string;
}): Caller {
  return {
    userId: u.id,
    sessionId: "test-session",
    role: u.role,
    organisationId: u.organisationId,
    email: u.email,
    name: u.name,
    locale: u.locale,
  };
}

const newEmail = (label = "invitee") => `${label}-${uniqueSuffix()}@example.eu`;
const tokenOf = (url: string) => new URL(url).searchParams.get("token")!;

async function expectAppError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isAppError(error), String(error)).toBe(true);
  expect((error as { code: string }).code).toBe(code);
}

beforeEach(() => {
  session.caller = null;
  outbox.length = 0;
});

describe("createInvitation", () => {
  it("stores a normalised address, a 7-day expiry and only the token's hash", async () => {
    const org = await organisation("Hash");
    const inviter = await user("PARTNER", org.id);
    const before = Date.now();
    const { invitation, token } = await createInvitation({
      email: "  Mixed.Case@Example.EU ",
      role: "PARTNER",
      organisationId: org.id,
      invitedById: inviter.id,
    });
    const row = await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(row.email).toBe("mixed.case@example.eu");
    expect(row.tokenHash).toBe(hashToken(token));
    expect(row.tokenHash).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.expiresAt.getTime()).toBeGreaterThanOrEqual(before + INVITATION_LIFETIME_MS);
    expect(row.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + INVITATION_LIFETIME_MS);
    const audit = await db.auditLog.findFirst({
      where: { entityType: "Invitation", entityId: row.id },
    });
    expect(audit).toMatchObject({ actorId: inviter.id, action: "invitation.create" });
  });

  it("revokes the pending invitation of the same address to the same place when re-inviting", async () => {
    const org = await organisation("Reinvite");
    const other = await organisation("Elsewhere");
    const inviter = await user("PARTNER", org.id);
    const elsewhere = await user("PARTNER", other.id);
    const email = newEmail();
    const first = await createInvitation({
      email,
      role: "PARTNER",
      organisationId: org.id,
      invitedById: inviter.id,
    });
    // Another organisation's invitation to the same address is none of this one's business.
    const foreign = await createInvitation({
      email,
      role: "PARTNER",
      organisationId: other.id,
      invitedById: elsewhere.id,
    });
    const second = await createInvitation({
      email,
      role: "PARTNER",
      organisationId: org.id,
      invitedById: inviter.id,
    });

    const rows = await db.invitation.findMany({ where: { email }, orderBy: { createdAt: "asc" } });
    expect(rows.find((r) => r.id === first.invitation.id)?.revokedAt).not.toBeNull();
    expect(rows.find((r) => r.id === second.invitation.id)?.revokedAt).toBeNull();
    expect(rows.find((r) => r.id === foreign.invitation.id)?.revokedAt).toBeNull();
    expect((await getInvitationByToken(first.token)).state).toBe("revoked");
    expect((await getInvitationByToken(second.token)).state).toBe("valid");
  });

  it("refuses a partner invitation without an organisation and a staff one with an organisation", async () => {
    const org = await organisation("Shape");
    const admin = await user("ADMIN");
    await expectAppError(
      createInvitation({
        email: newEmail(),
        role: "PARTNER",
        organisationId: null,
        invitedById: admin.id,
      }),
      "BAD_REQUEST",
    );
    await expectAppError(
      createInvitation({
        email: newEmail(),
        role: "OFFICIAL",
        organisationId: org.id,
        invitedById: admin.id,
      }),
      "BAD_REQUEST",
    );
  });
});

describe("acceptInvitation", () => {
  it("creates the user with the invitation's role and organisation, verified, and marks the invitation accepted", async () => {
    const org = await organisation("Accept");
    const inviter = await user("PARTNER", org.id);
    const email = newEmail();
    const { invitation, token } = await createInvitation({
      email,
      role: "PARTNER",
      organisationId: org.id,
      invitedById: inviter.id,
    });

    const result = await acceptInvitation({
      token,
      name: "Ada Colleague",
      password: PASSWORD,
      locale: "en",
    });
    expect(result.outcome).toBe("accepted");
    const created = await db.user.findUniqueOrThrow({ where: { email } });
    expect(created).toMatchObject({
      name: "Ada Colleague",
      role: "PARTNER",
      organisationId: org.id,
      status: "ACTIVE",
      locale: "en",
    });
    expect(created.emailVerifiedAt).not.toBeNull();
    expect(await verifyPassword(created.passwordHash!, PASSWORD)).toBe(true);
    const row = await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(row.acceptedAt).not.toBeNull();
  });

  it("gives staff their role and no organisation", async () => {
    const admin = await user("ADMIN");
    const email = newEmail("official");
    const { token } = await createInvitation({
      email,
      role: "OFFICIAL",
      organisationId: null,
      invitedById: admin.id,
    });
    expect(
      (await acceptInvitation({ token, name: "Wang Li", password: PASSWORD, locale: "zh" }))
        .outcome,
    ).toBe("accepted");
    expect(await db.user.findUniqueOrThrow({ where: { email } })).toMatchObject({
      role: "OFFICIAL",
      organisationId: null,
      locale: "zh",
    });
  });

  it("is single use: a second acceptance fails and creates nothing", async () => {
    const org = await organisation("Once");
    const inviter = await user("PARTNER", org.id);
    const email = newEmail();
    const { token } = await createInvitation({
      email,
      role: "PARTNER",
      organisationId: org.id,
      invitedById: inviter.id,
    });
    expect(
      (await acceptInvitation({ token, name: "First", password: PASSWORD, locale: "en" })).outcome,
    ).toBe("accepted");
    expect(
      (await acceptInvitation({ token, name: "Second", password: PASSWORD, locale: "en" })).outcome,
    ).toBe("used");
    expect((await db.user.findUniqueOrThrow({ where: { email } })).name).toBe("First");
    expect((await getInvitationByToken(token)).state).toBe("used");
  });

  it("creates one account when two acceptances race", async () => {
    const org = await organisation("Race");
    const inviter = await user("PARTNER", org.id);
    const email = newEmail();
    const { token } = await createInvitation({
      email,
      role: "PARTNER",
      organisationId: org.id,
      invitedById: inviter.id,
    });
    const results = await Promise.all([
      acceptInvitation({ token, name: "One", password: PASSWORD, locale: "en" }),
      acceptInvitation({ token, name: "Two", password: PASSWORD, locale: "en" }),
    ]);
    expect(results.map((r) => r.outcome).sort()).toEqual(expect.arrayContaining(["accepted"]));
    expect(results.filter((r) => r.outcome === "accepted")).toHaveLength(1);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("refuses an expired invitation", async () => {
    const org = await organisation("Expired");
    const inviter = await user("PARTNER", org.id);
    const email = newEmail();
    const { invitation, token } = await createInvitation({
      email,
      role: "PARTNER",
      organisationId: org.id,
      invitedById: inviter.id,
    });
    await db.invitation.update({
      where: { id: invitation.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await getInvitationByToken(token)).state).toBe("expired");
    expect(
      (await acceptInvitation({ token, name: "Late", password: PASSWORD, locale: "en" })).outcome,
    ).toBe("expired");
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("refuses a revoked invitation", async () => {
    const org = await organisation("Revoked");
    const inviter = await user("PARTNER", org.id);
    const email = newEmail();
    const { invitation, token } = await createInvitation({
      email,
      role: "PARTNER",
      organisationId: org.id,
      invitedById: inviter.id,
    });
    await revokeInvitation({
      invitationId: invitation.id,
      organisationId: org.id,
      actorId: inviter.id,
    });
    expect((await getInvitationByToken(token)).state).toBe("revoked");
    expect(
      (await acceptInvitation({ token, name: "Too late", password: PASSWORD, locale: "en" }))
        .outcome,
    ).toBe("revoked");
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("refuses an unknown token", async () => {
    expect((await getInvitationByToken("x".repeat(43))).state).toBe("unknown");
    expect(
      (
        await acceptInvitation({
          token: "x".repeat(43),
          name: "Nobody",
          password: PASSWORD,
          locale: "en",
        })
      ).outcome,
    ).toBe("unknown");
  });

  it("refuses an address that already has an account, without touching it or using the link", async () => {
    const org = await organisation("Existing");
    const inviter = await user("PARTNER", org.id);
    const existing = await user("PARTNER", null);
    const { invitation, token } = await createInvitation({
      email: existing.email,
      role: "PARTNER",
      organisationId: org.id,
      invitedById: inviter.id,
    });
    expect((await getInvitationByToken(token)).state).toBe("accountExists");
    expect(
      (await acceptInvitation({ token, name: "Hijack", password: PASSWORD, locale: "en" })).outcome,
    ).toBe("accountExists");
    const after = await db.user.findUniqueOrThrow({ where: { id: existing.id } });
    expect(after).toMatchObject({ name: existing.name, organisationId: null, passwordHash: null });
    expect(
      (await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).acceptedAt,
    ).toBeNull();
  });

  it("checks the password policy against the invited address", async () => {
    const admin = await user("ADMIN");
    const email = newEmail("frederika.longname");
    const { token } = await createInvitation({
      email,
      role: "ADMIN",
      organisationId: null,
      invitedById: admin.id,
    });
    const error = await acceptInvitation({
      token,
      name: "Fred",
      password: `${email.split("@")[0]}-2026`,
      locale: "en",
    }).catch((e: unknown) => e);
    expect(isAppError(error) && error.fields).toEqual({ password: "passwordLikeEmail" });
    const common = await acceptInvitation({
      token,
      name: "Fred",
      password: "password1234",
      locale: "en",
    }).catch((e: unknown) => e);
    expect(isAppError(common) && common.fields).toEqual({ password: "passwordCommon" });
    expect((await getInvitationByToken(token)).state).toBe("valid");
  });
});

describe("partner actions", () => {
  it("invites into the caller's organisation, emails the token in the inviter's language and stores only its hash", async () => {
    const org = await organisation("Colleagues");
    const partner = await user("PARTNER", org.id);
    session.caller = callerOf(partner);
    const email = newEmail();
    const result = await inviteColleague({ email: email.toUpperCase() });
    expect(result).toEqual({ ok: true, data: { email } });
    expect(outbox).toHaveLength(1);
    const sent = outbox[0]!;
    expect(sent).toMatchObject({ to: email, locale: "zh", template: "invitation-colleague" });
    expect(sent.data).toMatchObject({ inviterName: partner.name, organisationName: org.name });
    const url = new URL(sent.data.url!);
    expect(url.origin).toBe(new URL(env().NEXTAUTH_URL).origin);
    expect(url.pathname).toBe("/zh/invitation");
    expect(url.searchParams.get("token")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await db.invitation.findFirstOrThrow({ where: { email } });
    expect(row).toMatchObject({ role: "PARTNER", organisationId: org.id, invitedById: partner.id });
    expect(row.tokenHash).toBe(hashToken(tokenOf(sent.data.url!)));
  });

  it("answers the same for an address that already has an account", async () => {
    const org = await organisation("Quiet");
    const partner = await user("PARTNER", org.id);
    const existing = await user("OFFICIAL");
    session.caller = callerOf(partner);
    const result = await inviteColleague({ email: existing.email });
    expect(result).toEqual({ ok: true, data: { email: existing.email } });
    expect(outbox).toHaveLength(1);
  });

  it("refuses a smuggled organisation or role", async () => {
    const org = await organisation("Strict");
    const other = await organisation("Target");
    session.caller = callerOf(await user("PARTNER", org.id));
    const email = newEmail();
    const result = await inviteColleague({
      email,
      organisationId: other.id,
      role: "ADMIN",
    } as never);
    expect(result).toMatchObject({
      ok: false,
      code: "BAD_REQUEST",
      fieldErrors: { _form: "unknownFields" },
    });
    expect(await db.invitation.count({ where: { email } })).toBe(0);
  });

  it("is for partners with an organisation only", async () => {
    session.caller = null;
    expect(await inviteColleague({ email: newEmail() })).toMatchObject({
      ok: false,
      code: "UNAUTHENTICATED",
    });
    session.caller = callerOf(await user("PARTNER", null));
    expect(await inviteColleague({ email: newEmail() })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    session.caller = callerOf(await user("ADMIN"));
    expect(await inviteColleague({ email: newEmail() })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
  });

  it("rate-limits invitations per inviting user", async () => {
    const org = await organisation("Limit");
    const partner = await user("PARTNER", org.id);
    session.caller = callerOf(partner);
    // Fill the window (RATE_LIMITS.invitationPerUser: 30 an hour) without sending 30 emails.
    await db.rateLimit.create({
      data: {
        key: `invite:user:${partner.id}`,
        count: 30,
        resetAt: new Date(Date.now() + 3_600_000),
      },
    });
    const email = newEmail();
    const result = await inviteColleague({ email });
    expect(result).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect(await db.invitation.count({ where: { email } })).toBe(0);
    // Another partner is not affected.
    session.caller = callerOf(await user("PARTNER", org.id));
    expect(await inviteColleague({ email })).toMatchObject({ ok: true });
  });

  it("revokes only the caller's organisation's invitations: another organisation gets NOT_FOUND", async () => {
    const orgA = await organisation("A");
    const orgB = await organisation("B");
    const partnerA = await user("PARTNER", orgA.id);
    const partnerB = await user("PARTNER", orgB.id);
    const { invitation } = await createInvitation({
      email: newEmail(),
      role: "PARTNER",
      organisationId: orgA.id,
      invitedById: partnerA.id,
    });

    session.caller = callerOf(partnerB);
    expect(await revokeColleagueInvitation({ invitationId: invitation.id })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(
      (await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).revokedAt,
    ).toBeNull();
    // Nor may an admin revoke an organisation's invitation through the staff action.
    session.caller = callerOf(await user("ADMIN"));
    expect(await revokeStaffInvitation({ invitationId: invitation.id })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(
      (await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).revokedAt,
    ).toBeNull();

    session.caller = callerOf(partnerA);
    expect(await revokeColleagueInvitation({ invitationId: invitation.id })).toEqual({
      ok: true,
      data: undefined,
    });
    expect(
      (await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).revokedAt,
    ).not.toBeNull();
    // Already revoked: nothing left to revoke.
    expect(await revokeColleagueInvitation({ invitationId: invitation.id })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
  });

  it("lists the pending invitations of one organisation only", async () => {
    const orgA = await organisation("ListA");
    const orgB = await organisation("ListB");
    const partnerA = await user("PARTNER", orgA.id);
    const partnerB = await user("PARTNER", orgB.id);
    const a = await createInvitation({
      email: newEmail(),
      role: "PARTNER",
      organisationId: orgA.id,
      invitedById: partnerA.id,
    });
    await createInvitation({
      email: newEmail(),
      role: "PARTNER",
      organisationId: orgB.id,
      invitedById: partnerB.id,
    });
    const revoked = await createInvitation({
      email: newEmail(),
      role: "PARTNER",
      organisationId: orgA.id,
      invitedById: partnerA.id,
    });
    await revokeInvitation({
      invitationId: revoked.invitation.id,
      organisationId: orgA.id,
      actorId: partnerA.id,
    });
    const pending = await listPendingInvitations(orgA.id);
    expect(pending.map((p) => p.id)).toEqual([a.invitation.id]);
    expect(pending[0]!.invitedBy?.name).toBe(partnerA.name);
  });
});

describe("admin actions", () => {
  it("invites an official in the chosen language; only admins may", async () => {
    const admin = await user("ADMIN");
    session.caller = callerOf(admin);
    const email = newEmail("official");
    expect(await inviteStaff({ email, role: "OFFICIAL", locale: "en" })).toEqual({
      ok: true,
      data: { email },
    });
    expect(outbox[0]).toMatchObject({ to: email, locale: "en", template: "invitation-staff" });
    expect(outbox[0]!.data).toMatchObject({ inviterName: admin.name, role: "OFFICIAL" });
    expect(outbox[0]!.data.url).toMatch(/\/en\/invitation\?token=/);
    expect(await db.invitation.findFirstOrThrow({ where: { email } })).toMatchObject({
      role: "OFFICIAL",
      organisationId: null,
    });

    session.caller = callerOf(await user("OFFICIAL"));
    expect(await inviteStaff({ email: newEmail(), role: "ADMIN", locale: "en" })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
  });

  it("refuses to invite partners or into an organisation", async () => {
    session.caller = callerOf(await user("ADMIN"));
    const org = await organisation("NoStaff");
    expect(
      await inviteStaff({ email: newEmail(), role: "PARTNER", locale: "en" } as never),
    ).toMatchObject({
      ok: false,
      code: "BAD_REQUEST",
      fieldErrors: { role: "invalid" },
    });
    expect(
      await inviteStaff({
        email: newEmail(),
        role: "ADMIN",
        locale: "en",
        organisationId: org.id,
      } as never),
    ).toMatchObject({ ok: false, fieldErrors: { _form: "unknownFields" } });
  });

  it("revokes a staff invitation", async () => {
    const admin = await user("ADMIN");
    session.caller = callerOf(admin);
    const { invitation } = await createInvitation({
      email: newEmail(),
      role: "ADMIN",
      organisationId: null,
      invitedById: admin.id,
    });
    expect(await revokeStaffInvitation({ invitationId: invitation.id })).toEqual({
      ok: true,
      data: undefined,
    });
    expect(
      (await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).revokedAt,
    ).not.toBeNull();
  });
});

describe("acceptInvitationAction", () => {
  it("is public, creates the account and reports the outcome", async () => {
    const admin = await user("ADMIN");
    const email = newEmail("admin");
    const { token } = await createInvitation({
      email,
      role: "ADMIN",
      organisationId: null,
      invitedById: admin.id,
    });
    const input = {
      token,
      locale: "en" as const,
      name: "New Admin",
      password: PASSWORD,
      confirm: PASSWORD,
    };
    expect(await acceptInvitationAction(input)).toEqual({
      ok: true,
      data: { outcome: "accepted" },
    });
    expect(await acceptInvitationAction(input)).toEqual({ ok: true, data: { outcome: "used" } });
    expect(await db.user.findUniqueOrThrow({ where: { email } })).toMatchObject({ role: "ADMIN" });
  });

  it("refuses a smuggled role and a mismatched confirmation", async () => {
    const org = await organisation("Smuggle");
    const inviter = await user("PARTNER", org.id);
    const email = newEmail();
    const { token } = await createInvitation({
      email,
      role: "PARTNER",
      organisationId: org.id,
      invitedById: inviter.id,
    });
    const base = {
      token,
      locale: "en" as const,
      name: "Eve",
      password: PASSWORD,
      confirm: PASSWORD,
    };
    expect(await acceptInvitationAction({ ...base, role: "ADMIN" } as never)).toMatchObject({
      ok: false,
      fieldErrors: { _form: "unknownFields" },
    });
    expect(await acceptInvitationAction({ ...base, confirm: `${PASSWORD}x` })).toMatchObject({
      ok: false,
      fieldErrors: { confirm: "passwordMismatch" },
    });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("is rate-limited per token", async () => {
    const admin = await user("ADMIN");
    const { token } = await createInvitation({
      email: newEmail(),
      role: "OFFICIAL",
      organisationId: null,
      invitedById: admin.id,
    });
    const input = {
      token,
      locale: "en" as const,
      name: "Guesser",
      password: "password1234",
      confirm: "password1234",
    };
    const results = [];
    for (let i = 0; i < 11; i++) results.push(await acceptInvitationAction(input));
    expect(results.slice(0, 10).every((r) => !r.ok && r.code === "BAD_REQUEST")).toBe(true);
    expect(results[10]).toMatchObject({ ok: false, code: "RATE_LIMITED" });
  });
});
