// A signed-in caller refused by createAction or createRoute leaves an
// authz.denied entry that names what was refused: the action by its name, the
// route by its method and path. The gate writes it after the response (Next's
// `after`), here run at once.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Caller } from "@/lib/auth/gate";
import { db } from "@/lib/db";
import { createUser, unique } from "@/lib/testing/factories";

const state = vi.hoisted(() => ({
  caller: null as Caller | null,
  headers: new Headers(),
  after: [] as Array<Promise<unknown>>,
}));
vi.mock("next/headers", () => ({
  headers: async () => state.headers,
  cookies: async () => ({ getAll: () => [] }),
}));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: (callback: () => Promise<unknown>) => {
    state.after.push(callback());
  },
}));
vi.mock("@/lib/auth/gate", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/gate")>()),
  getCaller: async () => state.caller,
}));

const { createAction } = await import("./action");
const { createRoute } = await import("./route");

async function partner(): Promise<Caller> {
  const user = await createUser(db, { role: "PARTNER" });
  return {
    userId: user.id,
    sessionId: unique("session"),
    role: "PARTNER",
    organisationId: null,
    email: user.email,
    name: user.name,
    locale: "en",
  };
}

const denials = (actorId: string) =>
  db.auditLog.findMany({
    where: { actorId, action: "authz.denied" },
    select: { entityType: true, entityId: true, data: true, requestId: true },
  });

beforeEach(() => {
  state.after = [];
  state.headers = new Headers({ "x-request-id": `req-${unique("id")}` });
});

describe("authz.denied names the entry point", () => {
  it("a refused action: its name, and the handler never runs", async () => {
    const caller = await partner();
    state.caller = caller;
    const handler = vi.fn(async () => "done");
    const action = createAction(
      { schema: z.strictObject({}), access: { roles: ["ADMIN"] }, name: "test.adminOnly" },
      handler,
    );
    expect(await action({})).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await Promise.all(state.after);
    expect(handler).not.toHaveBeenCalled();
    expect(await denials(caller.userId)).toEqual([
      {
        entityType: "Action",
        entityId: "test.adminOnly",
        data: { reason: "role", role: "PARTNER", required: ["ADMIN"] },
        requestId: state.headers.get("x-request-id"),
      },
    ]);
  });

  it("a refused organisation rule: the action's name too", async () => {
    const caller = await partner();
    state.caller = caller;
    const action = createAction(
      { schema: z.strictObject({}), access: { organisation: true }, name: "test.forMembers" },
      async () => "done",
    );
    expect(await action({})).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await Promise.all(state.after);
    expect(await denials(caller.userId)).toMatchObject([
      { entityType: "Action", entityId: "test.forMembers", data: { reason: "no_organisation" } },
    ]);
  });

  it("a refused route: its method and path", async () => {
    const caller = await partner();
    state.caller = caller;
    const handler = vi.fn(async () => Response.json({}));
    const route = createRoute({ roles: ["OFFICIAL", "ADMIN"] }, handler);
    const response = await route(
      new Request("http://localhost:3000/api/official/interests/export?status=NEW", {
        headers: state.headers,
      }),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(403);
    await Promise.all(state.after);
    expect(handler).not.toHaveBeenCalled();
    expect(await denials(caller.userId)).toMatchObject([
      {
        entityType: "Route",
        entityId: "GET /api/official/interests/export",
        data: { reason: "role", role: "PARTNER", required: ["OFFICIAL", "ADMIN"] },
      },
    ]);
  });
});
