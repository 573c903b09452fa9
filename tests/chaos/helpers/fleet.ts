import { spawnCli, type LongRunning } from '../../helpers/cli-process.js';

/** One `parallax` process of the fleet, named for messages ("start", "worker-2"). */
export interface Member {
  name: string;
  proc: LongRunning;
  /** Killed on purpose by the test (its death is not a failure). */
  killedByTest: boolean;
}

const alive = (m: Member) => m.proc.child.exitCode === null && m.proc.child.signalCode === null;

/** Lines of a crash report or an error log that say what happened (not the objects dumped with them). */
const TELLING = /Unhandled|Uncaught|Error\b|error: |Emitted 'error'|code: '|"level":(50|60)/;

/** What a process said on stderr before it died: its telling lines, else its last ones. */
export function stderrTail(m: Member, most = 10): string {
  const lines = m.proc.stderr().trim().split('\n');
  const telling = lines.filter((l) => TELLING.test(l));
  return (telling.length > 0 ? telling : lines).slice(-most).map((l) => `    ${l.trim().slice(0, 400)}`).join('\n');
}

/**
 * `parallax start` and `parallax worker` processes, as an operator runs them. Every one is killed
 * in `killAll` (afterAll), and by an exit hook even if the test runner dies first.
 */
export class Fleet {
  readonly members: Member[] = [];
  private workers = 0;
  private readonly onExit = () => {
    for (const m of this.members) if (alive(m)) m.proc.child.kill('SIGKILL');
  };

  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly readyTimeoutMs: number,
  ) {
    process.on('exit', this.onExit);
  }

  /** `parallax start ARGS`; resolves with its API address. */
  async start(args: string[]): Promise<{ member: Member; address: string }> {
    const member = this.add('start', args[0] === 'start' ? args : ['start', ...args]);
    const [, address] = await member.proc.waitFor(/listening (http:\/\/\S+)/, this.readyTimeoutMs);
    return { member, address: address! };
  }

  /** A `parallax worker ARGS`, once it says it is ready. */
  async worker(args: string[]): Promise<Member> {
    const { member, ready } = this.launchWorker(args);
    await ready;
    return member;
  }

  /** A `parallax worker ARGS` launched now; `ready` resolves when it says so (within `readyWithinMs`). */
  launchWorker(args: string[], readyWithinMs = this.readyTimeoutMs): { member: Member; ready: Promise<unknown> } {
    const member = this.add(`worker-${++this.workers}`, ['worker', ...args]);
    return { member, ready: member.proc.waitFor(/worker ready/, readyWithinMs) };
  }

  /** kill -9, and wait until the process is gone. */
  async kill9(m: Member): Promise<void> {
    m.killedByTest = true;
    const exited = m.proc.exited;
    m.proc.child.kill('SIGKILL');
    await exited;
  }

  /**
   * Processes that died without the test killing them, each with its exit and last stderr lines:
   * [] when every process the test did not kill is still running.
   */
  unexpectedDeaths(): string[] {
    return this.members
      .filter((m) => !m.killedByTest && !alive(m))
      .map((m) => `${m.name} (pid ${m.proc.child.pid}) exited (code ${m.proc.child.exitCode}, signal ${m.proc.child.signalCode}); its last stderr lines:\n${stderrTail(m)}`);
  }

  running(): Member[] {
    return this.members.filter(alive);
  }

  async killAll(): Promise<void> {
    await Promise.all(
      this.running().map(async (m) => {
        m.proc.child.kill('SIGKILL');
        await m.proc.exited;
      }),
    );
    process.off('exit', this.onExit);
  }

  private add(name: string, args: string[]): Member {
    const member: Member = { name, proc: spawnCli(args, this.env), killedByTest: false };
    this.members.push(member);
    return member;
  }
}
