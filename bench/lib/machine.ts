import { execSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';

/** Where and on what a benchmark ran: every figure in BENCHMARKS.md carries this line. */
export function machineLine(): string {
  let commit = 'uncommitted';
  try {
    commit = execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    if (execSync('git status --porcelain -- src workers bench', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim()) commit += '+dirty';
  } catch {
    // Not a git checkout.
  }
  const cpu = cpus();
  return `${new Date().toISOString().slice(0, 10)}, commit ${commit}, ${cpu.length} cores (${cpu[0]?.model.trim() ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}
