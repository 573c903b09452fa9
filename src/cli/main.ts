import { Command, Option } from 'commander';
import { ConfigError } from '../config/yaml-file.js';
import { SettingsError } from '../config/settings.js';
import { DataDirLockedError } from '../store/data-dir-lock.js';
import { articlesCommand } from './commands/articles.js';
import { extractCommand } from './commands/extract.js';
import { feedsCheckCommand, feedsListCommand } from './commands/feeds.js';
import { runOnceCommand } from './commands/run-once.js';
import { startCommand } from './commands/start.js';

const dataOption = () => new Option('--data <dir>', 'embedded database directory, when DATABASE_URL is unset').env('PARALLAX_DATA_DIR');
const configOption = () => new Option('--config <file>', 'feeds file').env('PARALLAX_CONFIG');

const program = new Command('parallax')
  .description('Media monitoring for regional analysts: feeds polled, articles stored, accounts compared.')
  .showHelpAfterError();

program
  .command('start')
  .description('scheduler, workers and HTTP API in one process (the main job; also `npm start`)')
  .addOption(configOption())
  .addOption(dataOption())
  .option('--port <n>', 'HTTP port (PARALLAX_PORT, default 8080)')
  .action((o) => startCommand(o));

program
  .command('worker')
  .description('workers only, to add capacity: any number, on any machines, sharing Redis and PostgreSQL')
  .addOption(dataOption())
  .action((o) => startCommand({ ...o, workersOnly: true }));

program
  .command('run-once')
  .description('poll every feed once and run the whole pipeline in-process (no Redis needed)')
  .addOption(configOption())
  .addOption(dataOption())
  .option('--json', 'print the summary as JSON')
  .action((o) => runOnceCommand(o));

const feeds = program.command('feeds').description('the configured feeds');
feeds
  .command('list')
  .description('feeds with their health (last poll, last success, error streak, next poll)')
  .addOption(configOption())
  .addOption(dataOption())
  .option('--json', 'JSON output')
  .action((o) => feedsListCommand(o));
feeds
  .command('check')
  .description('fetch and parse every feed once and report what was found; stores nothing')
  .addOption(configOption())
  .option('--json', 'JSON output')
  .action((o) => feedsCheckCommand(o));

program
  .command('articles')
  .description('stored articles, newest first')
  .addOption(dataOption())
  .option('--json', 'a JSON array, one object per article')
  .option('--limit <n>', 'at most this many')
  .option('--feed <id>', 'only this feed')
  .action((o) => articlesCommand(o));

program
  .command('extract')
  .description('run article extraction on saved pages (.html or .html.gz); stores nothing')
  .argument('<files...>')
  .option('--url <url>', 'the pages\' URL (for relative links and URL dates)')
  .option('--json', 'one JSON object per file, one per line (the default and only format)')
  .action((files: string[], o) => extractCommand(files, o));

try {
  await program.parseAsync(process.argv);
} catch (err) {
  // Errors a user can fix get their message alone; anything else is a bug and keeps its stack.
  if (err instanceof ConfigError || err instanceof SettingsError || err instanceof DataDirLockedError) {
    process.stderr.write(`parallax: ${err.message}\n`);
    process.exit(2);
  }
  const e = err as Error;
  process.stderr.write(`parallax: ${e.message}\n${process.env.LOG_LEVEL === 'debug' ? `${e.stack}\n` : ''}`);
  process.exit(1);
}
