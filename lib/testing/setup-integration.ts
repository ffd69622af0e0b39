import { inject } from "vitest";

// lib/db reads DATABASE_URL on first use: point it at the test server.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-0123456789abcdef"; // lib/env requires one
