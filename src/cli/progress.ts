/**
 * A one-line progress display for long runs, on stderr and only when stderr is a terminal: piped
 * output and `--json` on stdout stay exactly what a script expects.
 */
export class Progress {
  private readonly enabled: boolean;
  private lastDraw = 0;

  constructor(stream: NodeJS.WriteStream = process.stderr) {
    this.stream = stream;
    this.enabled = Boolean(stream.isTTY);
  }

  private readonly stream: NodeJS.WriteStream;

  update(label: string, done: number, total: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (done < total && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const width = 30;
    const filled = total > 0 ? Math.round((done / total) * width) : width;
    this.stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}\x1b[K`);
    if (done >= total) this.stream.write('\n');
  }

  done(): void {
    if (this.enabled) this.stream.write('\x1b[K');
  }
}
