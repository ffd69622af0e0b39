import pino from "pino";

// Structured JSON logs. LOG_LEVEL is read directly so that logging works
// even while the rest of the environment is being validated.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { service: "bridgehead" },
  redact: {
    paths: ["password", "*.password", "token", "*.token", "req.headers.cookie"],
    remove: true,
  },
});
