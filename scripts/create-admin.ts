// npm run create-admin -- <email> [name]: migrates, then creates an active
// administrator (or promotes an existing account that has no organisation).
// The password is BRIDGEHEAD_ADMIN_PASSWORD when set, else a random one
// printed once. Works whether or not the app is running (scripts/lib/database).
import { createPrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { adminEmail, BootstrapError, ensureAdmin } from "@/lib/users/bootstrap-admin";
import { openDatabase } from "./lib/database";

const [rawEmail, ...nameParts] = process.argv.slice(2);
let email: string;
try {
  // Checked before any database is opened or started.
  email = adminEmail(rawEmail);
} catch (error) {
  console.error(error instanceof BootstrapError ? error.message : error);
  process.exit(1);
}

const database = await openDatabase();
const db = createPrismaClient(database.url, { max: 2 });
try {
  await migrate(database.url);
  const result = await ensureAdmin(db, {
    email,
    name: nameParts.length ? nameParts.join(" ") : undefined,
    password: process.env.BRIDGEHEAD_ADMIN_PASSWORD || undefined,
  });
  const what = {
    created: "Created the administrator",
    promoted: "Promoted to administrator",
    updated: "Already an administrator; made sure it is active and verified:",
  }[result.action];
  console.log(`${what} ${result.email}`);
  if (result.generatedPassword) {
    console.log(
      `One-time password (shown only now; change it after signing in): ${result.generatedPassword}`,
    );
  } else if (result.passwordSet) {
    console.log("Password: the one given in BRIDGEHEAD_ADMIN_PASSWORD.");
  } else {
    console.log(
      "The account keeps its current password (set BRIDGEHEAD_ADMIN_PASSWORD to replace it).",
    );
  }
} catch (error) {
  console.error(error instanceof BootstrapError ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
  await database.stop();
}
