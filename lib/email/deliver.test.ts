import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { outboxTransport, smtpTransport, transportFromEnv } from "./deliver";

const servers: net.Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** A TCP server that accepts connections and never says a word. */
async function silentServer(): Promise<number> {
  const sockets: net.Socket[] = [];
  const server = net.createServer((socket) => {
    sockets.push(socket);
    socket.on("error", () => {});
  });
  server.on("close", () => {
    for (const s of sockets) s.destroy();
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as net.AddressInfo).port;
}

const email = { from: "a@example.org", to: "b@example.org", subject: "s", text: "t" };

describe("smtpTransport", () => {
  it("applies its timeouts with a URL, so a silent server fails the attempt instead of hanging", async () => {
    const port = await silentServer();
    const transport = smtpTransport(`smtp://user:p%40ss@127.0.0.1:${port}`, {
      greetingTimeout: 300,
    });
    const started = Date.now();
    await expect(transport.send(email)).rejects.toThrow(/Greeting never received/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe("transportFromEnv", () => {
  it("uses the outbox without SMTP_URL and SMTP with it", () => {
    expect(transportFromEnv({ NODE_ENV: "test", SMTP_URL: undefined })).toBe(outboxTransport);
    const smtp = transportFromEnv({ NODE_ENV: "test", SMTP_URL: "smtp://127.0.0.1:2525" });
    expect(smtp.name).toBe("smtp");
    // The same URL gives the same transport (one connection setup per process).
    expect(transportFromEnv({ NODE_ENV: "test", SMTP_URL: "smtp://127.0.0.1:2525" })).toBe(smtp);
  });
});
