/**
 * The runtime's own accounting, read from Linux's /proc for the workerd process that serves
 * the bench server (wrangler starts it in wrangler's process group): CPU time used (user +
 * system, every thread) and resident memory. This is what the operating system charged to the
 * Worker runtime — JavaScript, the HTTP stack and the embedded D1 (SQLite) together.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ; 100 on every Linux build in use). */
const TICKS = 100;

interface ProcStat {
  pid: number;
  comm: string;
  pgrp: number;
  cpuTicks: number;
}

function stat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // comm may contain spaces and parentheses: split after the last ")".
    const close = text.lastIndexOf(')');
    const comm = text.slice(text.indexOf('(') + 1, close);
    const f = text.slice(close + 2).split(' ');
    // Fields after comm: state(0) ppid(1) pgrp(2) … utime(11) stime(12).
    return { pid, comm, pgrp: Number(f[2]), cpuTicks: Number(f[11]) + Number(f[12]) };
  } catch {
    return null;
  }
}

/** The workerd process in the process group led by `leader` (a bench server's wrangler). */
export function workerdOf(leader: number): number {
  const found = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map((d) => stat(Number(d)))
    .filter((s): s is ProcStat => s !== null && s.pgrp === leader && s.comm.startsWith('workerd'));
  if (found.length === 0) throw new Error(`no workerd process in process group ${leader}`);
  return found[0]!.pid;
}

/** CPU seconds the process has used so far (user + system). */
export function cpuSeconds(pid: number): number {
  const s = stat(pid);
  if (!s) throw new Error(`process ${pid} is gone`);
  return s.cpuTicks / TICKS;
}

/** Resident memory of the process now, in bytes (VmRSS). */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  if (!kb) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb) * 1024;
}

/**
 * Runs `body` while sampling the process's resident memory every `everyMs`; returns the
 * body's result, the resident memory before, and the highest sample.
 */
export async function peakRss<T>(pid: number, body: () => Promise<T>, everyMs = 20) {
  const before = rssBytes(pid);
  let peak = before;
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, rssBytes(pid));
    } catch {
      // the process ended; the body will fail and say why
    }
  }, everyMs);
  try {
    const result = await body();
    peak = Math.max(peak, rssBytes(pid));
    return { result, before, peak };
  } finally {
    clearInterval(timer);
  }
}
