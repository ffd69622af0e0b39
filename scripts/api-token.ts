// npm run api-token -- <email> [name]: migrates, then creates an API token for
// an active official or administrator and prints it on the LAST line (and
// nothing after it), so that scripts can take it with `| tail -n 1`. Only the
// token's hash is stored: it is shown this once. Partners get no token.
// Works whether or not the app is running (scripts/lib/database).

import { TOKEN_NAME_MAX } from "@/lib/api/token-schema";
import { createApiToken } from "@/lib/api/tokens";
import { createPrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { isAppError } from "@/lib/errors/app-error";
import { email as emailField } from "@/lib/validation/fields";
import { openDatabase } from "./lib/database";

const USAGE = "Usage: npm run api-token -- official@example.org [token name]";
const [rawEmail, ...nameParts] = process.argv.slice(2);
const parsed = emailField.safeParse(rawEmail ?? "");
if (!parsed.success) {
  console.error(`"${rawEmail ?? ""}" is not a valid email address. ${USAGE}`);
  process.exit(1);
}
const email = parsed.data;
const name =
  nameParts.join(" ").trim().slice(0, TOKEN_NAME_MAX) ||
  `Command line ${new Date().toISOString().slice(0, 10)}`;

let failed = false;
const database = await openDatabase();
const db = createPrismaClient(database.url, { max: 2 });
try {
  await migrate(database.url);
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (!user) {
    console.error(`No account with the address ${email}. ${USAGE}`);
    failed = true;
  } else {
    const created = await createApiToken(db, {
      userId: user.id,
      name,
      actorId: null,
      source: "cli",
    });
    console.log(`Created the API token "${created.name}" (${created.prefix}…) for ${email}.`);
    console.log("It is shown only now; keep it secret. Send it as: Authorization: Bearer <token>");
    console.log(created.token);
  }
} catch (error) {
  if (isAppError(error) && error.code === "FORBIDDEN") {
    console.error(
      `${email} may not hold an API token: only active officials and administrators can.`,
    );
  } else console.error(error);
  failed = true;
} finally {
  await db.$disconnect();
  await database.stop();
}
// Explicitly: something in the shutdown path can leave process.exitCode at 0.
if (failed) process.exit(1);
