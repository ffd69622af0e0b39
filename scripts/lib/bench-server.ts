// The production build and server the load benchmarks measure: `next build`
// (unless told the build is fresh), then one instance of `npm start`
// (scripts/run-app.ts through e2e/support/app-instance.ts) on the benchmark's
// database. Also reads the CPU time the server and PostgreSQL spend, from
// /proc, to tell where a request's time goes.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { type AppInstance, startAppInstance } from "@/e2e/support/app-instance";

export type BenchArgs = {
  build: boolean;
  reuse: boolean;
  port: number;
  /** Take this running app instead of starting one (its data must be the benchmark's). */
  url: string | null;
  values: Map<string, string>;
};

/** --no-build, --reuse, --port=N, --url=…, and any --name=value. */
export function parseArgs(argv: string[], defaults: { port: number }): BenchArgs {
  const values = new Map<string, string>();
  for (const arg of argv) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`unknown argument ${arg}`);
    values.set(match[1]!, match[2] ?? "true");
  }
  return {
    build: !values.has("no-build"),
    reuse: values.has("reuse"),
    port: Number(values.get("port") ?? process.env.BENCH_PORT ?? defaults.port),
    url: values.get("url") ?? null,
    values,
  };
}

/** `next build`, printing its output; or a check that a build exists. */
export async function ensureBuild(build: boolean) {
  if (!build) {
    if (!existsSync(".next/BUILD_ID"))
      throw new Error("--no-build: there is no production build in .next (run `npm run build`)");
    console.log(`using the existing build in .next (${readFileSync(".next/BUILD_ID", "utf8")})`);
    return;
  }
  console.log("building for production (next build)…");
  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [nextBin, "build"], {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    child.on("exit", resolve);
  });
  if (code !== 0) throw new Error(`next build failed (exit code ${code})`);
}

/** One production instance on the benchmark's database. */
export async function startBenchServer(databaseUrl: string, port: number): Promise<AppInstance> {
  console.log(`starting the production server on port ${port}…`);
  // BENCH_FLOOR opens the reference pages (lib/performance/bench-floor.ts).
  return startAppInstance({
    databaseUrl,
    port,
    env: { BENCH_FLOOR: "1" },
    readyTimeoutMs: 180_000,
  });
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU milliseconds (user + system) spent so far by a process and all its descendants. */
export function treeCpuMs(rootPid: number): number {
  const children = new Map<number, number[]>();
  const cpu = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    // The command may contain spaces and parentheses: fields start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const pid = Number(entry);
    const ppid = Number(fields[1]);
    // utime, stime, and cutime, cstime: the children it has reaped (PostgreSQL's
    // backends and workers that exited), which are no longer in the tree.
    cpu.set(pid, Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]));
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  let ticks = 0;
  const stack = [rootPid];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    ticks += cpu.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** The pid of the PostgreSQL server running on a data directory. */
export function postgresPid(dataDir: string): number | null {
  const file = path.join(dataDir, "postmaster.pid");
  if (!existsSync(file)) return null;
  return Number(readFileSync(file, "utf8").split("\n")[0]) || null;
}
