import { inject } from "vitest";

// lib/db reads DATABASE_URL on first use: point it at the test server.
process.env.DATABASE_URL = inject("databaseUrl");
