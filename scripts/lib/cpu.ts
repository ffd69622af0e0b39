// CPU seconds used so far, for benchmarks: wall time on a shared 2-core
// machine says little, CPU time says what the work costs wherever it runs.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const TICKS_PER_SECOND = 100; // Linux's USER_HZ

function statOf(pid: string): string[] | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may hold spaces: fields start after its closing parenthesis.
    return text.slice(text.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/** This process's CPU time (user + system), in seconds. */
export function ownCpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

/**
 * CPU time of a PostgreSQL server, in seconds: the postmaster with its
 * finished backends (reaped children's time) plus the live backends.
 * Null where /proc is not available.
 */
export function postgresCpuSeconds(dataDir: string): number | null {
  let postmaster: string;
  try {
    postmaster = readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]!.trim();
  } catch {
    return null;
  }
  const own = statOf(postmaster);
  if (!own) return null;
  // Fields after the name: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14).
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = statOf(pid);
    if (stat && stat[1] === postmaster) ticks += Number(stat[11]) + Number(stat[12]);
  }
  return ticks / TICKS_PER_SECOND;
}
