import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { redactSecrets } from '../redact.js';
import { DataDirLockedError } from '../store/data-dir-lock.js';
import { UserError } from './user-error.js';

// Each command's module is imported only when it runs: `extract` need not load BullMQ and
// PGlite, and `--help` answers at once.
const commands = {
  start: () => import('./commands/start.js'),
  runOnce: () => import('./commands/run-once.js'),
  alerts: () => import('./commands/alerts.js'),
  feeds: () => import('./commands/feeds.js'),
  articles: () => import('./commands/articles.js'),
  events: () => import('./commands/events.js'),
  search: () => import('./commands/search.js'),
  compare: () => import('./commands/compare.js'),
  extract: () => import('./commands/extract.js'),
  cluster: () => import('./commands/cluster.js'),
  demo: () => import('./commands/demo.js'),
};

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`"${value}" is not a positive whole number.`);
  return n;
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError(`"${value}" is not a port number (0-65535).`);
  return n;
}

const dataOption = () =>
  new Option('--data <dir>', 'embedded database directory, when DATABASE_URL is unset; must already hold one (see --init)').env('PARALLAX_DATA_DIR');
const initOption = () => new Option('--init', 'create the embedded database in the --data directory if it holds none');
const portOption = (what: string) => new Option('--port <n>', `${what} (PARALLAX_PORT, default 8080)`).argParser(port);

/** Exit code of a mistake in the command line, as of any other error the user can fix. */
const USAGE_EXIT = 2;
const HELP_CODES = new Set(['commander.helpDisplayed', 'commander.help', 'commander.version']);
const configOption = () => new Option('--config <file>', 'feeds file').env('PARALLAX_CONFIG');
const watchlistsOption = () => new Option('--watchlists <file>', 'watchlists file: alerts evaluated and delivered (see config/watchlists.yaml)').env('PARALLAX_WATCHLISTS');

const program = new Command('parallax')
  .description('Media monitoring for regional analysts: feeds polled, articles stored, accounts compared.')
  // A mistake in the arguments is one line on stderr and exit 2, before the command does anything.
  .configureOutput({ outputError: (str, write) => write(`parallax: ${str.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ').trim()} (see --help)\n`) })
  .exitOverride((err: CommanderError) => process.exit(HELP_CODES.has(err.code) ? err.exitCode : USAGE_EXIT));

program
  .command('start')
  .description('scheduler, workers and HTTP API in one process (the main job; also `npm start`)')
  .addOption(configOption())
  .addOption(dataOption())
  .addOption(initOption())
  .addOption(watchlistsOption())
  .addOption(portOption('HTTP port'))
  .action(async (o) => (await commands.start()).startCommand(o));

program
  .command('worker')
  .description('workers only, to add capacity: any number, on any machines, sharing Redis and PostgreSQL')
  .addOption(dataOption())
  .addOption(initOption())
  .addOption(watchlistsOption())
  .addOption(new Option('--metrics-port <n>', "serve this worker's Prometheus /metrics on this port").env('PARALLAX_METRICS_PORT').argParser(port))
  .action(async (o) => (await commands.start()).startCommand({ ...o, workersOnly: true }));

program
  .command('run-once')
  .description('poll every feed once and run the whole pipeline in-process (no Redis needed)')
  .addOption(configOption())
  .addOption(dataOption())
  .addOption(initOption())
  .addOption(watchlistsOption())
  .option('--json', 'print the summary as JSON')
  .action(async (o) => (await commands.runOnce()).runOnceCommand(o));

program
  .command('alerts')
  .description('alerts raised by the watchlists')
  .command('list')
  .description('stored alerts, newest first, with their delivery status')
  .addOption(dataOption())
  .option('--json', 'a JSON array, one object per alert (its record and payload)')
  .option('--limit <n>', 'at most this many', positiveInt)
  .option('--rule <name>', 'only this rule')
  .option('--event <id>', 'only this event')
  .action(async (o) => (await commands.alerts()).alertsListCommand(o));

const feeds = program.command('feeds').description('the configured feeds');
feeds
  .command('list')
  .description('feeds with their health (last poll, last success, error streak, next poll)')
  .addOption(configOption())
  .addOption(dataOption())
  .option('--json', 'JSON output')
  .action(async (o) => (await commands.feeds()).feedsListCommand(o));
feeds
  .command('check')
  .description('fetch and parse every feed once and report what was found; stores nothing')
  .addOption(configOption())
  .option('--json', 'JSON output')
  .action(async (o) => (await commands.feeds()).feedsCheckCommand(o));

program
  .command('articles')
  .description('stored articles, newest first')
  .addOption(dataOption())
  .option('--json', 'a JSON array, one object per article')
  .option('--limit <n>', 'at most this many', positiveInt)
  .option('--feed <id>', 'only this feed')
  .action(async (o) => (await commands.articles()).articlesCommand(o));

program
  .command('events')
  .description('events (the same story across outlets and languages), most recently updated first')
  .addOption(dataOption())
  .option('--json', 'a JSON array, one object per event, with its articles')
  .option('--limit <n>', 'at most this many', positiveInt)
  .action(async (o) => (await commands.events()).eventsCommand(o));

program
  .command('search')
  .description('stored articles that match a query in the watchlists\' language (AND, OR, NOT, "phrases", parentheses), best first')
  .argument('<query>')
  .addOption(dataOption())
  .option('--language <code>', 'only articles in this language (en, fr, ar...)')
  .option('--country <code>', "only articles from outlets of this country (ISO 3166, e.g. ML)")
  .option('--outlet <name>', 'only this outlet')
  .option('--feed <id>', 'only this feed')
  .option('--event <id>', 'only articles of this event')
  .option('--since <when>', 'published since: a duration back from now (24h, 7d) or a date (2025-08-01)')
  .option('--until <when>', 'published before: a duration back from now or a date')
  .option('--sort <order>', 'relevance or date', 'relevance')
  .option('--limit <n>', 'at most this many (default 20)', positiveInt)
  .option('--offset <n>', 'skip this many (paging)')
  .option('--events', 'the events whose articles match, instead of the articles')
  .option('--json', 'a JSON array: the articles --json fields plus score and snippet (with --events: the events)')
  .action(async (query: string, o) => (await commands.search()).searchCommand(query, o));

program
  .command('compare')
  .description("how an event's accounts differ: claims shared and unique, conflicting figures, contradictions, sources, framing")
  .argument('<event-id>', 'as `parallax events` shows it')
  .addOption(dataOption())
  .option('--json', 'the comparison as JSON (default: a Markdown report)')
  .action(async (eventId: string, o) => (await commands.compare()).compareCommand(eventId, o));

program
  .command('cluster')
  .description('event clustering of a JSON Lines set of articles, as the worker would do it; stores nothing')
  .argument('<file>', 'one article a line: {"id","title","text","language","published","outlet"?,"url"?}; - for stdin')
  .option('--json', 'a JSON array in input order: {"id","event","duplicateOf","why"} per article')
  .action(async (file: string, o) => (await commands.cluster()).clusterCommand(file, o));

program
  .command('demo')
  .description('serve a bundled corpus locally, run the pipeline on it and open the web page (no internet, no Redis)')
  .addOption(portOption('HTTP port of the web page'))
  .option('--data <dir>', 'keep the demo database in this folder (default: a temporary one, removed on exit)')
  .action(async (o) => (await commands.demo()).demoCommand(o));

program
  .command('extract')
  .description('run article extraction on saved pages (.html or .html.gz); stores nothing')
  .argument('<files...>')
  .option('--url <url>', 'the pages\' URL (for relative links and URL dates)')
  .option('--json', 'one JSON object per file, one per line (the default and only format)')
  .action(async (files: string[], o) => (await commands.extract()).extractCommand(files, o));

/** Config and settings errors' modules load zod and yaml: only on failure, so that `--help` answers at once. */
async function userCanFix(err: unknown): Promise<boolean> {
  const [{ ConfigError }, { SettingsError }] = await Promise.all([import('../config/yaml-file.js'), import('../config/settings.js')]);
  return err instanceof ConfigError || err instanceof SettingsError || err instanceof DataDirLockedError || err instanceof UserError;
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  // Errors a user can fix get their message alone; anything else is a bug and keeps its stack.
  if (await userCanFix(err)) {
    process.stderr.write(`parallax: ${redactSecrets((err as Error).message)}\n`);
    process.exit(2);
  }
  // Start-up errors can quote a URL with a password in it (REDIS_URL, DATABASE_URL).
  const e = err as Error;
  process.stderr.write(redactSecrets(`parallax: ${e.message}\n${process.env.LOG_LEVEL === 'debug' ? `${e.stack}\n` : ''}`));
  process.exit(1);
}
