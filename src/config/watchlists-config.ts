import { z } from 'zod';
import type { ChannelConfig } from '../alerts/channels/types.js';
import { secretVariables } from '../alerts/channels/secrets.js';
import { parseQuery, QuerySyntaxError } from '../alerts/query.js';
import type { TriggerConfig, WatchlistRule, WatchlistsConfig } from '../alerts/rules.js';
import type { TriggerName } from '../alerts/types.js';
import { countryCode, durationField, languageCode } from './fields.js';
import { loadYamlFile, parseYamlText } from './yaml-file.js';

/**
 * config/watchlists.yaml: the channels alerts are sent on, and the rules (watchlists) that decide
 * which events alert whom, parsed into the alerts' own types (src/alerts/rules.ts and
 * src/alerts/channels/types.ts). Secrets never appear in the file: a channel names the environment
 * variable that holds its secret (`secretEnv`, `urlEnv`, `passwordEnv`), read when sending.
 */

export const DEFAULT_THROTTLE = '1h';
export const DEFAULT_ESCALATION = { outlets: 3, within: '6h' } as const;

const NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const nameField = z.string().regex(NAME, 'must be lower-case letters, digits, "-" or "_" (at most 64)');
const envName = z
  .string()
  .regex(/^[A-Z_][A-Z0-9_]*$/, 'must be the NAME of an environment variable (upper-case letters, digits, "_"), never the secret itself');
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const email = z.email({ error: 'must be an e-mail address' });

const webhookSchema = z.object({ type: z.literal('webhook'), url: httpUrl, secretEnv: envName }).strict();
const slackSchema = z
  .object({ type: z.literal('slack'), url: httpUrl.optional(), urlEnv: envName.optional() })
  .strict()
  .refine((c) => (c.url === undefined) !== (c.urlEnv === undefined), 'needs exactly one of url or urlEnv');
const emailSchema = z
  .object({
    type: z.literal('email'),
    host: z.string().trim().min(1, 'must name the SMTP server'),
    port: z.number().int().min(1).max(65535).default(587),
    secure: z.boolean().optional(),
    from: email,
    to: z.union([email, z.array(email).min(1, 'must list at least one address')]),
    user: z.string().min(1).optional(),
    passwordEnv: envName.optional(),
  })
  .strict()
  .refine((c) => (c.user === undefined) === (c.passwordEnv === undefined), 'user and passwordEnv go together (SMTP authentication)');
const channelSchema = z.discriminatedUnion('type', [webhookSchema, slackSchema, emailSchema], {
  error: 'type must be webhook, slack or email',
});

const codes = <T extends z.ZodType>(item: T) => z.array(item).default([]);
const filtersSchema = z
  .object({
    countries: codes(countryCode),
    languages: codes(languageCode),
    outlets: codes(z.string().trim().min(1)),
    feeds: codes(z.string().trim().min(1)),
    tags: codes(z.string().trim().min(1)),
  })
  .strict();

const escalationSchema = z
  .object({
    outlets: z.number().int().min(1).optional(),
    countries: z.number().int().min(1).optional(),
    within: durationField(60_000).prefault(DEFAULT_ESCALATION.within),
  })
  .strict()
  .refine((e) => e.outlets !== undefined || e.countries !== undefined, 'needs outlets: N or countries: N (or both)');
const firstReportSchema = z
  .object({ countries: codes(countryCode), outlets: codes(z.string().trim().min(1)) })
  .strict()
  .refine((f) => f.countries.length + f.outlets.length > 0, 'needs countries or outlets to watch for');

const TRIGGER_NAMES = ['new-event', 'escalation', 'divergence', 'first-report'] as const satisfies readonly TriggerName[];
const noOptions = z.object({}).strict();
/**
 * A trigger is its name alone (`divergence`) or a one-key map with its options
 * (`escalation: { outlets: 3, within: 6h }`). Names alone become maps first, so that every
 * problem is reported at its own field rather than as "none of the forms matched".
 */
const triggerSchema = z
  .preprocess(
    (v) => (v === 'escalation' ? { escalation: { outlets: DEFAULT_ESCALATION.outlets } } : typeof v === 'string' ? { [v]: {} } : v),
    z
      .strictObject(
        { 'new-event': noOptions, divergence: noOptions, escalation: escalationSchema, 'first-report': firstReportSchema },
        { error: (i) => (i.code === 'unrecognized_keys' ? `${i.keys.join(', ')}: not a trigger; use ${TRIGGER_NAMES.join(', ')}` : undefined) },
      )
      .partial()
      .refine((t) => Object.keys(t).length === 1, {
        message: `must be one trigger: one of ${TRIGGER_NAMES.join(', ')}`,
        // An unknown name has been reported already; saying "not one trigger" too would be noise.
        when: (payload) => payload.issues.length === 0,
      }),
  )
  .transform((t): TriggerConfig => {
    if (t.escalation) return { kind: 'escalation', outlets: t.escalation.outlets ?? null, countries: t.escalation.countries ?? null, withinMs: t.escalation.within };
    if (t['first-report']) return { kind: 'first-report', ...t['first-report'] };
    return { kind: t.divergence ? 'divergence' : 'new-event' };
  });

const ruleSchema = z
  .object({
    name: nameField,
    query: z.string().transform((text, ctx) => {
      try {
        return { text, tree: parseQuery(text) };
      } catch (err) {
        if (!(err instanceof QuerySyntaxError)) throw err;
        ctx.addIssue({ code: 'custom', message: err.message });
        return z.NEVER;
      }
    }),
    filters: filtersSchema.prefault({}),
    triggers: z.array(triggerSchema).min(1, 'lists no triggers'),
    channels: z.array(z.string()).min(1, 'lists no channels'),
    mode: z.enum(['now', 'hourly', 'daily'], { error: 'must be now, hourly or daily' }).default('now'),
    throttle: durationField(0).prefault(DEFAULT_THROTTLE),
  })
  .strict();

const fileSchema = z
  .object({
    channels: z.record(nameField, channelSchema).default({}),
    watchlists: z.array(ruleSchema).default([]),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Map<string, number>();
    file.watchlists.forEach((rule, i) => {
      if (seen.has(rule.name)) ctx.addIssue({ code: 'custom', path: ['watchlists', i, 'name'], message: `duplicate name "${rule.name}" (also watchlists[${seen.get(rule.name)}])` });
      else seen.set(rule.name, i);
      rule.channels.forEach((c, j) => {
        if (!(c in file.channels)) ctx.addIssue({ code: 'custom', path: ['watchlists', i, 'channels', j], message: `no channel "${c}" under channels:` });
      });
      const kinds = rule.triggers.map((t) => t.kind);
      kinds.forEach((k, j) => {
        if (kinds.indexOf(k) !== j) ctx.addIssue({ code: 'custom', path: ['watchlists', i, 'triggers', j], message: `${k} is listed twice` });
      });
    });
  });

function toConfig(parsed: z.output<typeof fileSchema>): WatchlistsConfig {
  const channels: Record<string, ChannelConfig> = {};
  for (const [name, c] of Object.entries(parsed.channels)) {
    switch (c.type) {
      case 'webhook':
        channels[name] = { name, ...c };
        break;
      case 'slack':
        channels[name] = c.url !== undefined ? { name, type: 'slack', url: c.url } : { name, type: 'slack', urlEnv: c.urlEnv! };
        break;
      case 'email':
        channels[name] = {
          name, type: 'email', host: c.host, port: c.port, secure: c.secure ?? c.port === 465, from: c.from,
          to: Array.isArray(c.to) ? c.to : [c.to],
          auth: c.user !== undefined ? { user: c.user, passwordEnv: c.passwordEnv! } : null,
        };
        break;
    }
  }
  const rules = parsed.watchlists.map(
    (r): WatchlistRule => ({
      name: r.name, queryText: r.query.text, query: r.query.tree, filters: r.filters, triggers: r.triggers,
      channels: r.channels, mode: r.mode, throttleMs: r.throttle,
    }),
  );
  return { channels, rules };
}

/** Loads and validates a watchlists file; throws ConfigError naming file, line and field. */
export function loadWatchlistsConfig(file: string): WatchlistsConfig {
  return toConfig(loadYamlFile(file, fileSchema));
}

export function parseWatchlistsConfig(file: string, source: string): WatchlistsConfig {
  return toConfig(parseYamlText(file, source, fileSchema));
}

/** Environment variables the channels name and the environment lacks: worth a warning at start-up. */
export function missingSecrets(config: WatchlistsConfig, env: NodeJS.ProcessEnv = process.env): string[] {
  const names = Object.values(config.channels).flatMap(secretVariables);
  return [...new Set(names)].filter((n) => !env[n]);
}
