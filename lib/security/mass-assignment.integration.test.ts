// Mass assignment (issue #6, section 5): fields such as role, organisationId,
// status, version, userId or isAdmin smuggled into a server action are refused
// by its strict schema before anything runs, and change nothing. Every action
// is found by import (lib/<domain>/actions.ts), so a new one is covered too.
// The callers are real: a session row and a next-auth cookie read by the real
// getCaller; only the request context (next/headers, next-intl's locale) and the job queue
// (lib/jobs/boss: nothing is delivered or re-scored here) are stand-ins.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { sessionCookie } from "@/lib/auth/cookies";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Role } from "@/lib/generated/prisma/enums";
import {
  createCityWithTheme,
  createOrganisation,
  createUser,
  unique,
} from "@/lib/testing/factories";

process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-0123456789abcdef";

const request = vi.hoisted(() => ({ cookies: {} as Record<string, string> }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({
    getAll: () => Object.entries(request.cookies).map(([name, value]) => ({ name, value })),
    get: (name: string) =>
      name in request.cookies ? { name, value: request.cookies[name] } : undefined,
  }),
}));
vi.mock("next-intl/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-intl/server")>()),
  getLocale: async () => "en",
}));
vi.mock("@/lib/jobs/boss", () => ({
  // Account jobs (lib/auth/account-jobs.ts) run at once, as the worker would.
  sendJob: async (name: string, data: unknown) => {
    await (await import("@/lib/auth/account-jobs")).runAccountJob(name, data);
    return "job-id";
  },
}));

beforeEach(() => {
  request.cookies = {};
});

type ActionResult = {
  ok: boolean;
  code?: string;
  data?: unknown;
  fieldErrors?: Record<string, string>;
};
type Action = (input: unknown) => Promise<ActionResult>;

const LIB = path.resolve(import.meta.dirname, "..");

/** A "use server" module: every export is a server action, callable over HTTP. */
function isServerActionsFile(file: string): boolean {
  try {
    return /^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(readFileSync(file, "utf8"));
  } catch {
    return false;
  }
}

async function loadActions(): Promise<Map<string, Action>> {
  const actions = new Map<string, Action>();
  for (const entry of readdirSync(LIB, { withFileTypes: true })) {
    const file = path.join(LIB, entry.name, "actions.ts");
    if (!entry.isDirectory() || !isServerActionsFile(file)) continue;
    const module = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module))
      actions.set(`${entry.name}.${name}`, value as Action);
  }
  return actions;
}

/** One action by "domain.exportName", typed loosely: these tests send what the types forbid. */
async function action(name: string): Promise<Action> {
  const found = (await loadActions()).get(name);
  if (!found) throw new Error(`no server action ${name}`);
  return found;
}

/** Signs in as this user for the next calls: a Session row and its next-auth cookie. */
async function actAs(user: { id: string; sessionVersion: number } | null) {
  if (!user) {
    request.cookies = {};
    return;
  }
  const session = await db.session.create({
    data: { userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) },
  });
  const token = await encode({
    token: { sub: user.id, sid: session.id, sv: user.sessionVersion },
    secret: process.env.NEXTAUTH_SECRET!,
    maxAge: 3600,
  });
  request.cookies = { [sessionCookie(env().NEXTAUTH_URL).name]: token };
}

async function people() {
  const organisation = await createOrganisation(db, { name: unique("Own Org") });
  const other = await createOrganisation(db, { name: unique("Other Org") });
  const make = (role: Role, organisationId: string | null = null) =>
    createUser(db, { role, organisationId, email: `${unique(role.toLowerCase())}@test.example` });
  return {
    organisation,
    other,
    partner: await make("PARTNER", organisation.id),
    newcomer: await make("PARTNER"),
    otherPartner: await make("PARTNER", other.id),
    official: await make("OFFICIAL"),
    admin: await make("ADMIN"),
  };
}

/** The fields an attacker would add; isAdmin belongs to no form, so every form must refuse. */
const SMUGGLED = (otherOrganisationId: string, otherUserId: string) => ({
  role: "ADMIN",
  organisationId: otherOrganisationId,
  status: "ACCEPTED",
  version: 99,
  userId: otherUserId,
  isAdmin: true,
});

function asFormData(values: Record<string, unknown>) {
  const form = new FormData();
  for (const [key, value] of Object.entries(values)) form.append(key, String(value));
  return form;
}

const refusedAsUnknown = {
  ok: false,
  code: "BAD_REQUEST",
  fieldErrors: { _form: "unknownFields" },
};

describe("extra fields in every server action", () => {
  it("are refused with unknownFields for a caller the action admits, as an object and as a form", async () => {
    const p = await people();
    const actions = await loadActions();
    const callers = [p.partner, p.newcomer, p.official, p.admin];
    const smuggled = SMUGGLED(p.other.id, p.otherPartner.id);
    const outcomes: Record<string, unknown> = {};
    for (const [name, action] of actions) {
      // The first caller the action's rule admits (public actions admit anyone).
      let admitted: ActionResult | undefined;
      for (const caller of [null, ...callers]) {
        await actAs(caller);
        const result = await action(smuggled);
        if (result.code === "UNAUTHENTICATED" || result.code === "FORBIDDEN") continue;
        admitted = result;
        const asForm = await action(asFormData(smuggled));
        outcomes[name] = [
          { ok: result.ok, code: result.code, form: result.fieldErrors?._form },
          { ok: asForm.ok, code: asForm.code, form: asForm.fieldErrors?._form },
        ];
        break;
      }
      if (!admitted) outcomes[name] = "no caller admitted";
    }
    const refused = { ok: false, code: "BAD_REQUEST", form: "unknownFields" };
    expect(outcomes).toEqual(
      Object.fromEntries([...actions.keys()].map((name) => [name, [refused, refused]])),
    );
    // Nothing was changed by any of them.
    expect((await db.organisation.findUniqueOrThrow({ where: { id: p.other.id } })).name).toBe(
      p.other.name,
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: p.newcomer.id } })).organisationId).toBe(
      null,
    );
    for (const user of [p.partner, p.newcomer, p.otherPartner, p.official]) {
      const now = await db.user.findUniqueOrThrow({ where: { id: user.id } });
      expect({ role: now.role, status: now.status }).toEqual({ role: user.role, status: "ACTIVE" });
    }
  });
});

describe("a valid form with one extra field is refused whole; the same form without it works", () => {
  it("registration with role ADMIN", async () => {
    const register = await action("auth.register");
    const email = `${unique("register")}@test.example`;
    const input = { name: "Ada Register", email, password: "violet tractor harbour lantern" };
    await actAs(null);
    for (const extra of [
      { role: "ADMIN" },
      { status: "ACTIVE" },
      { emailVerifiedAt: "2020-01-01" },
    ])
      expect(await register({ ...input, ...extra })).toMatchObject(refusedAsUnknown);
    expect(await db.user.count({ where: { email } })).toBe(0);
    const registered = await register(input);
    expect(registered, JSON.stringify(registered)).toMatchObject({ ok: true });
    const created = await db.user.findUniqueOrThrow({ where: { email } });
    expect({ role: created.role, verified: created.emailVerifiedAt }).toEqual({
      role: "PARTNER",
      verified: null,
    });
  });

  it("creating an organisation with another's id, an origin or a consent", async () => {
    const p = await people();
    const create = await action("organisations.createOrganisation");
    const name = unique("Wizard Org");
    const input = {
      name,
      type: "SME",
      country: "FR",
      city: "Lyon",
      website: "",
      sizeBand: "SMALL",
      description:
        "We design fermentation equipment for small dairies and run a pilot plant where partners can test new cultures, recipes and hygiene procedures.",
    };
    await actAs(p.newcomer);
    for (const extra of [
      { organisationId: p.other.id },
      { id: p.other.id },
      { origin: "IMPORTED" },
      { consentedAt: new Date().toISOString() },
    ])
      expect(await create({ ...input, ...extra })).toMatchObject(refusedAsUnknown);
    expect(await db.organisation.count({ where: { name } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: p.newcomer.id } })).organisationId).toBe(
      null,
    );
    expect(await create(input)).toMatchObject({ ok: true });
    const joined = await db.user.findUniqueOrThrow({
      where: { id: p.newcomer.id },
      include: { organisation: true },
    });
    expect(joined.organisation?.name).toBe(name);
    expect(joined.organisation?.consentedAt).toBeNull();
  });

  it("inviting a colleague into another organisation, or as an admin", async () => {
    const p = await people();
    const inviteColleague = await action("invitations.inviteColleague");
    const email = `${unique("colleague")}@test.example`;
    await actAs(p.partner);
    for (const extra of [{ organisationId: p.other.id }, { role: "ADMIN" }])
      expect(await inviteColleague({ email, ...extra })).toMatchObject(refusedAsUnknown);
    expect(await db.invitation.count({ where: { email } })).toBe(0);
    expect(await inviteColleague({ email })).toMatchObject({ ok: true });
    const invitation = await db.invitation.findFirstOrThrow({ where: { email } });
    expect({ role: invitation.role, organisationId: invitation.organisationId }).toEqual({
      role: "PARTNER",
      organisationId: p.organisation.id,
    });
  });

  it("an API token for another user", async () => {
    const p = await people();
    const createApiTokenAction = await action("api.createApiTokenAction");
    const name = unique("token");
    await actAs(p.official);
    expect(await createApiTokenAction({ name, userId: p.admin.id })).toMatchObject(
      refusedAsUnknown,
    );
    expect(await db.apiToken.count({ where: { name } })).toBe(0);
    expect(await createApiTokenAction({ name })).toMatchObject({ ok: true });
    expect((await db.apiToken.findFirstOrThrow({ where: { name } })).userId).toBe(p.official.id);
  });

  it("an admin's role change carrying a status or an organisation", async () => {
    const p = await people();
    const changeUserRoleAction = await action("users.changeUserRoleAction");
    const setUserStatusAction = await action("users.setUserStatusAction");
    await actAs(p.admin);
    const base = { userId: p.official.id, role: "ADMIN" };
    for (const extra of [{ status: "DISABLED" }, { organisationId: p.other.id }])
      expect(await changeUserRoleAction({ ...base, ...extra })).toMatchObject(refusedAsUnknown);
    expect(
      await setUserStatusAction({ userId: p.official.id, status: "ACTIVE", role: "ADMIN" }),
    ).toMatchObject(refusedAsUnknown);
    const unchanged = await db.user.findUniqueOrThrow({ where: { id: p.official.id } });
    expect({ role: unchanged.role, status: unchanged.status }).toEqual({
      role: "OFFICIAL",
      status: "ACTIVE",
    });
    expect(await changeUserRoleAction(base)).toMatchObject({ ok: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: p.official.id } })).role).toBe("ADMIN");
  });

  it("the workflow of an expression of interest: a status, an organisation or a user smuggled in", async () => {
    const p = await people();
    const { theme } = await createCityWithTheme(db);
    const interest = await db.expressionOfInterest.create({
      data: {
        organisationId: p.organisation.id,
        themeId: theme.id,
        motivation: "We run probiotic dairy pilots and want to bring them to the city.",
        cooperationType: "JOINT_RD",
        contribution: "Two researchers and a pilot line.",
        timeline: "Spring 2027",
        contactUserId: p.partner.id,
        submittedById: p.partner.id,
      },
    });
    const transitionInterest = await action("interests.transitionInterest");
    const withdrawInterest = await action("interests.withdrawInterest");
    const addInterestNote = await action("interests.addInterestNote");

    await actAs(p.official);
    for (const extra of [{ status: "ACCEPTED" }, { decidedAt: new Date().toISOString() }])
      expect(
        await transitionInterest({ id: interest.id, version: 0, action: "startReview", ...extra }),
      ).toMatchObject(refusedAsUnknown);
    expect(
      await addInterestNote({ id: interest.id, body: "Looks good.", authorId: p.admin.id }),
    ).toMatchObject(refusedAsUnknown);

    await actAs(p.partner);
    for (const extra of [{ organisationId: p.other.id }, { status: "SUBMITTED" }])
      expect(await withdrawInterest({ id: interest.id, version: 0, ...extra })).toMatchObject(
        refusedAsUnknown,
      );

    const unchanged = await db.expressionOfInterest.findUniqueOrThrow({
      where: { id: interest.id },
    });
    expect({ status: unchanged.status, version: unchanged.version }).toEqual({
      status: "SUBMITTED",
      version: 0,
    });
    expect(await db.interestNote.count({ where: { interestId: interest.id } })).toBe(0);

    // The control: the same withdrawal without the extra field goes through.
    expect(await withdrawInterest({ id: interest.id, version: 0 })).toMatchObject({ ok: true });
    expect(
      (await db.expressionOfInterest.findUniqueOrThrow({ where: { id: interest.id } })).status,
    ).toBe("WITHDRAWN");
  });
});
