"use server";

import { createAction } from "@/lib/server/action";
import { changeUserRole, setUserStatus } from "./mutations";
import { changeUserRoleSchema, setUserStatusSchema } from "./schema";

/** An admin disables or re-enables an account; disabling signs it out everywhere. */
export const setUserStatusAction = createAction(
  { schema: setUserStatusSchema, access: { roles: ["ADMIN"] }, name: "setUserStatus" },
  async ({ userId, status }, { caller }) => {
    return setUserStatus({ actorId: caller!.userId, userId, status });
  },
);

/** An admin moves a staff member between official and admin. */
export const changeUserRoleAction = createAction(
  { schema: changeUserRoleSchema, access: { roles: ["ADMIN"] }, name: "changeUserRole" },
  async ({ userId, role }, { caller }) => {
    return changeUserRole({ actorId: caller!.userId, userId, role });
  },
);
