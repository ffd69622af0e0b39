import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUser, TEST_PASSWORD } from "@/lib/testing/factories";
import { checkCredentials, EmailNotVerifiedError } from "./options";
import { createSession, loadSession, revokeAllSessions, revokeSession } from "./sessions";

describe("sessions", () => {
  it("a fresh session loads with the user's current role and organisation", async () => {
    const user = await createUser(db, { role: "OFFICIAL" });
    const sid = await createSession(user.id, "test-agent");
    const session = await loadSession(sid, user.sessionVersion);
    expect(session?.user).toMatchObject({ id: user.id, role: "OFFICIAL" });
    await db.user.update({ where: { id: user.id }, data: { role: "ADMIN" } });
    expect((await loadSession(sid, user.sessionVersion))?.user.role).toBe("ADMIN");
  });

  it("signing out ends that session only", async () => {
    const user = await createUser(db);
    const first = await createSession(user.id, null);
    const second = await createSession(user.id, null);
    await revokeSession(first);
    expect(await loadSession(first, 0)).toBeNull();
    expect(await loadSession(second, 0)).not.toBeNull();
  });

  it("log out everywhere ends every session and outdates every token", async () => {
    const user = await createUser(db);
    const sid = await createSession(user.id, null);
    await revokeAllSessions(user.id);
    expect(await loadSession(sid, 0)).toBeNull();
    const fresh = await createSession(user.id, null);
    expect(await loadSession(fresh, 0)).toBeNull(); // the old session version
    expect(await loadSession(fresh, 1)).not.toBeNull();
  });

  it("a disabled account's existing session stops working", async () => {
    const user = await createUser(db);
    const sid = await createSession(user.id, null);
    await db.user.update({ where: { id: user.id }, data: { status: "DISABLED" } });
    expect(await loadSession(sid, 0)).toBeNull();
  });

  it("an expired session does not load", async () => {
    const user = await createUser(db);
    const sid = await createSession(user.id, null);
    await db.session.update({
      where: { id: sid },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await loadSession(sid, 0)).toBeNull();
  });
});

describe("checkCredentials", () => {
  it("accepts the right password of an active, verified account", async () => {
    const user = await createUser(db);
    expect((await checkCredentials(user.email, TEST_PASSWORD))?.id).toBe(user.id);
  });

  it("answers null alike for a wrong password, an unknown email and a disabled account", async () => {
    const user = await createUser(db);
    expect(await checkCredentials(user.email, "wrong password!!")).toBeNull();
    expect(await checkCredentials("nobody@test.example", TEST_PASSWORD)).toBeNull();
    await db.user.update({ where: { id: user.id }, data: { status: "DISABLED" } });
    expect(await checkCredentials(user.email, TEST_PASSWORD)).toBeNull();
  });

  it("says the email is unverified only to someone who knows the password", async () => {
    const user = await createUser(db, { verified: false });
    await expect(checkCredentials(user.email, TEST_PASSWORD)).rejects.toBeInstanceOf(
      EmailNotVerifiedError,
    );
    expect(await checkCredentials(user.email, "wrong password!!")).toBeNull();
  });
});
