import pino, { type DestinationStream } from "pino";
import { currentRequestId } from "./request-context";

/**
 * Structured JSON logs. Every line written while a request is handled
 * carries its requestId (lib/server/request-context.ts), the same id the
 * client sees in X-Request-Id and in error answers. LOG_LEVEL is read
 * directly so that logging works even while the rest of the environment is
 * being validated.
 */
export function createLogger(destination?: DestinationStream) {
  return pino(
    {
      level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
      base: { service: "bridgehead" },
      redact: {
        paths: ["password", "*.password", "token", "*.token", "req.headers.cookie"],
        remove: true,
      },
      mixin() {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
    },
    destination,
  );
}

export const logger = createLogger();
