// nginx as a round-robin load balancer in front of several app instances, for
// e2e/scale-out.spec.ts. Debian's nginx-light (/usr/sbin/nginx) runs in the
// foreground as a child process with everything (config, pid, logs, temp
// files) in one temp directory. The config it writes is the example in
// docs/deploy.md.
import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../scripts/lib/database";

export const NGINX_BIN = process.env.NGINX_BIN ?? "/usr/sbin/nginx";

export type LoadBalancer = {
  /** http://127.0.0.1:<port>, the address users (and NEXTAUTH_URL) use. */
  url: string;
  port: number;
  dir: string;
  process: ChildProcess;
  /** nginx's error log and stderr so far, for failure messages. */
  errors(): string;
  /** The access log so far (one line per request, with the upstream that answered). */
  accessLog(): string;
  stop(): Promise<void>;
};

/**
 * The load balancer's configuration: round robin over `upstreams`
 * ("127.0.0.1:3001"), the client's address in X-Real-IP (the apps read it
 * with TRUSTED_IP_HEADER=x-real-ip), and an X-Upstream response header that
 * names the instance that answered.
 */
export function nginxConfig(options: { dir: string; port: number; upstreams: string[] }): string {
  const { dir, port, upstreams } = options;
  const file = (name: string) => path.join(dir, name);
  // When nginx starts as root its workers run as `nobody`: the temp
  // directories below must be theirs to write, which nginx arranges itself.
  return `worker_processes 1;
pid ${file("nginx.pid")};
error_log ${file("error.log")} warn;

events {
  worker_connections 512;
}

http {
  log_format upstream '$remote_addr "$request" $status upstream=$upstream_addr time=$request_time';
  access_log ${file("access.log")} upstream;
  client_body_temp_path ${file("client_body_temp")};
  proxy_temp_path ${file("proxy_temp")};
  fastcgi_temp_path ${file("fastcgi_temp")};
  uwsgi_temp_path ${file("uwsgi_temp")};
  scgi_temp_path ${file("scgi_temp")};

  # Organisation imports are up to 20 MB (lib/import/run.ts); the app checks its own limits.
  client_max_body_size 21m;

  upstream bridgehead {
    # Round robin (nginx's default). No sticky sessions: every instance can
    # serve every request, because sessions, rate limits and jobs live in PostgreSQL.
${upstreams.map((u) => `    server ${u} max_fails=3 fail_timeout=10s;`).join("\n")}
    keepalive 16;
    # Below Node's own keep-alive (5 s), so nginx never reuses a connection the app is closing (a 502).
    keepalive_timeout 4s;
  }

  server {
    listen 127.0.0.1:${port};

    location / {
      proxy_pass http://bridgehead;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      # The app builds absolute links from NEXTAUTH_URL; Host and the
      # X-Forwarded-* headers keep server actions' origin check and the logs right.
      proxy_set_header Host $http_host;
      proxy_set_header X-Real-IP $remote_addr;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-Host $http_host;
      # A failed connection is retried on the other instance; a request
      # that reached an instance is not sent twice (non-idempotent POSTs).
      proxy_next_upstream error timeout;
      proxy_read_timeout 120s;
      # Which instance answered (for the test; harmless elsewhere, but drop it in production).
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`;
}

/** Starts nginx on a free port in front of `upstreams` and waits until it answers. */
export async function startLoadBalancer(options: {
  upstreams: string[];
  port?: number;
}): Promise<LoadBalancer> {
  if (!existsSync(NGINX_BIN))
    throw new Error(
      `${NGINX_BIN} not found: install Debian's nginx-light (apt-get install nginx-light)`,
    );
  const port = options.port ?? (await freePort());
  const dir = mkdtempSync(path.join(os.tmpdir(), "bridgehead-nginx-"));
  // Workers of a root master run as nobody and must reach their temp dirs.
  chmodSync(dir, 0o755);
  const config = path.join(dir, "nginx.conf");
  writeFileSync(config, nginxConfig({ dir, port, upstreams: options.upstreams }));

  let stderr = "";
  // -e: the error log used before the config is read (else /var/log/nginx/error.log).
  const child = spawn(
    NGINX_BIN,
    ["-p", dir, "-c", config, "-e", path.join(dir, "error.log"), "-g", "daemon off;"],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  child.stderr?.on("data", (chunk) => {
    stderr += String(chunk);
  });
  let exit = "";
  const exited = new Promise<void>((resolve) =>
    child.on("exit", (code, signal) => {
      exit = `nginx exited (code ${code}, signal ${signal})\n`;
      resolve();
    }),
  );
  const read = (name: string) => {
    try {
      return readFileSync(path.join(dir, name), "utf8");
    } catch {
      return "";
    }
  };
  const errors = () => `${exit}${stderr}${read("error.log")}`;
  const url = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited early:\n${errors()}`);
    try {
      // Any answer will do (a 502 while no upstream is up yet): nginx is listening.
      await fetch(`${url}/nginx-probe`, { signal: AbortSignal.timeout(1_000) });
      break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`nginx did not start listening on ${port}:\n${errors()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    url,
    port,
    dir,
    process: child,
    errors,
    accessLog: () => read("access.log"),
    async stop() {
      if (child.exitCode === null) {
        // SIGQUIT: graceful shutdown of master and workers.
        child.kill("SIGQUIT");
        const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
