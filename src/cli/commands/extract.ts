import { runExtractCommand } from '../../extract/cli.js';

/** `parallax extract FILE...`: the extraction stage on saved pages, JSON lines on stdout. */
export async function extractCommand(files: string[], opts: { url?: string }): Promise<void> {
  process.exitCode = await runExtractCommand(files, opts.url ? { url: opts.url } : {}, process.stdout);
}
