"use server";

import { db } from "@/lib/db";
import { createAction } from "@/lib/server/action";
import { createApiTokenSchema, revokeApiTokenSchema } from "./token-schema";
import { API_TOKEN_ROLES, createApiToken, revokeApiToken } from "./tokens";

/** An official or admin creates a token for themselves; the clear token is returned once. */
export const createApiTokenAction = createAction(
  { schema: createApiTokenSchema, access: { roles: API_TOKEN_ROLES }, name: "createApiToken" },
  async ({ name }, { caller }) => {
    const created = await createApiToken(db, {
      userId: caller!.userId,
      name,
      actorId: caller!.userId,
    });
    return { token: created.token, name: created.name, prefix: created.prefix };
  },
);

/** An official revokes one of their own tokens; an admin any token. */
export const revokeApiTokenAction = createAction(
  { schema: revokeApiTokenSchema, access: { roles: API_TOKEN_ROLES }, name: "revokeApiToken" },
  async ({ tokenId }, { caller }) => {
    await revokeApiToken(db, {
      tokenId,
      ownerId: caller!.role === "ADMIN" ? null : caller!.userId,
      actorId: caller!.userId,
    });
    return undefined;
  },
);
