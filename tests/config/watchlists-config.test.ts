import { describe, expect, test } from 'vitest';
import { loadWatchlistsConfig, missingSecrets, parseWatchlistsConfig } from '../../src/config/watchlists-config.js';
import { ConfigError } from '../../src/config/yaml-file.js';

const valid = `channels:
  analysts:
    type: webhook
    url: http://127.0.0.1:9999/hook
    secretEnv: PARALLAX_ANALYSTS_SECRET
  desk:
    type: email
    host: 127.0.0.1
    port: 2525
    from: parallax@example.org
    to: desk@example.org
    user: parallax
    passwordEnv: SMTP_PASSWORD
  chat:
    type: slack
    urlEnv: SLACK_URL
watchlists:
  - name: sahel-hostages
    query: '(hostage OR otage OR رهينة) AND (Mali OR "Burkina Faso")'
    triggers: [new-event, divergence]
    channels: [analysts]
  - name: spreading
    query: attaque
    filters:
      countries: [ml, bf]
      languages: [FR]
      tags: [sahel]
    triggers:
      - escalation: { countries: 2, within: 2h }
      - first-report: { outlets: [El Watan] }
    channels: [analysts, desk]
    mode: hourly
    throttle: 30m
`;

function problemsOf(source: string): string[] {
  try {
    parseWatchlistsConfig('config/watchlists.yaml', source);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).message.split('\n');
  }
  throw new Error('expected a ConfigError');
}

describe('watchlists config', () => {
  test('channels and rules, with defaults applied and codes normalised', () => {
    const c = parseWatchlistsConfig('w.yaml', valid);
    expect(c.channels).toEqual({
      analysts: { name: 'analysts', type: 'webhook', url: 'http://127.0.0.1:9999/hook', secretEnv: 'PARALLAX_ANALYSTS_SECRET' },
      desk: {
        name: 'desk', type: 'email', host: '127.0.0.1', port: 2525, secure: false, from: 'parallax@example.org',
        to: ['desk@example.org'], auth: { user: 'parallax', passwordEnv: 'SMTP_PASSWORD' },
      },
      chat: { name: 'chat', type: 'slack', urlEnv: 'SLACK_URL' },
    });
    const [hostages, spreading] = c.rules;
    expect(hostages).toMatchObject({
      name: 'sahel-hostages', triggers: [{ kind: 'new-event' }, { kind: 'divergence' }], channels: ['analysts'], mode: 'now', throttleMs: 3_600_000,
      filters: { countries: [], languages: [], outlets: [], feeds: [], tags: [] },
    });
    expect(hostages!.query.kind).toBe('and');
    expect(spreading).toMatchObject({
      filters: { countries: ['ML', 'BF'], languages: ['fr'], tags: ['sahel'] },
      triggers: [
        { kind: 'escalation', outlets: null, countries: 2, withinMs: 2 * 3_600_000 },
        { kind: 'first-report', countries: [], outlets: ['El Watan'] },
      ],
      mode: 'hourly',
      throttleMs: 30 * 60_000,
    });
  });

  test('a bare escalation takes the default threshold', () => {
    const c = parseWatchlistsConfig('w.yaml', valid.replace("      - escalation: { countries: 2, within: 2h }\n", '      - escalation\n').replace('      - first-report: { outlets: [El Watan] }\n', ''));
    expect(c.rules[1]!.triggers).toEqual([{ kind: 'escalation', outlets: 3, countries: null, withinMs: 6 * 3_600_000 }]);
  });

  test('the shipped example loads', () => {
    const c = loadWatchlistsConfig('config/watchlists.yaml');
    expect(c.rules.map((r) => r.name)).toContain('sahel-hostages');
    expect(Object.keys(c.channels)).toContain('analysts');
  });

  test('a bad query is reported with its column, at the query line', () => {
    const bad = valid.replace(`query: attaque`, `query: '(attaque OR) Mali'`);
    expect(problemsOf(bad)).toEqual([
      'config/watchlists.yaml:23: watchlists[1].query: expected a word, a "phrase", NOT or "(", found ")" at column 12',
    ]);
  });

  test('unknown channels, triggers, modes and durations name file:line: field', () => {
    const bad = valid
      .replace('within: 2h', 'within: soon')
      .replace('first-report: { outlets: [El Watan] }', 'first-reports: { outlets: [El Watan] }')
      .replace('mode: hourly', 'mode: weekly');
    expect(problemsOf(bad)).toEqual([
      'config/watchlists.yaml:29: watchlists[1].triggers[0].escalation.within: "soon" is not a duration (e.g. 90s, 15m, 1h, 1h30m)',
      'config/watchlists.yaml:30: watchlists[1].triggers[1]: first-reports: not a trigger; use new-event, escalation, divergence, first-report',
      'config/watchlists.yaml:32: watchlists[1].mode: must be now, hourly or daily',
    ]);
    // Checks across sections run once every field is valid (zod refines a whole only then).
    expect(problemsOf(valid.replace('channels: [analysts, desk]', 'channels: [analysts, pager]'))).toEqual([
      'config/watchlists.yaml:31: watchlists[1].channels[1]: no channel "pager" under channels:',
    ]);
  });

  test('secrets are refused in the file: only environment variable names', () => {
    const bad = valid.replace('secretEnv: PARALLAX_ANALYSTS_SECRET', 'secretEnv: hunter2-s3cret').replace('urlEnv: SLACK_URL', 'url: https://hooks.slack.com/x\n    urlEnv: SLACK_URL');
    expect(problemsOf(bad)).toEqual([
      'config/watchlists.yaml:5: channels.analysts.secretEnv: must be the NAME of an environment variable (upper-case letters, digits, "_"), never the secret itself',
      'config/watchlists.yaml:15: channels.chat: needs exactly one of url or urlEnv',
    ]);
    expect(problemsOf(valid.replace('    secretEnv: PARALLAX_ANALYSTS_SECRET\n', '    secret: abc\n'))).toEqual([
      'config/watchlists.yaml:3: channels.analysts.secretEnv: Invalid input: expected string, received undefined',
      'config/watchlists.yaml:3: channels.analysts: Unrecognized key: "secret"',
    ]);
  });

  test('first-report without a target, half SMTP auth; duplicate rule names, repeated triggers', () => {
    const bad = valid.replace('triggers: [new-event, divergence]', 'triggers: [new-event, first-report]').replace('    passwordEnv: SMTP_PASSWORD\n', '');
    expect(problemsOf(bad)).toEqual([
      'config/watchlists.yaml:7: channels.desk: user and passwordEnv go together (SMTP authentication)',
      'config/watchlists.yaml:19: watchlists[0].triggers[1].first-report: needs countries or outlets to watch for',
    ]);
    const twice = valid.replace('name: spreading', 'name: sahel-hostages').replace('triggers: [new-event, divergence]', 'triggers: [new-event, divergence, new-event]');
    expect(problemsOf(twice)).toEqual([
      'config/watchlists.yaml:20: watchlists[0].triggers[2]: new-event is listed twice',
      'config/watchlists.yaml:22: watchlists[1].name: duplicate name "sahel-hostages" (also watchlists[0])',
    ]);
  });

  test('missing secrets are listed for a start-up warning', () => {
    const c = parseWatchlistsConfig('w.yaml', valid);
    expect(missingSecrets(c, { SLACK_URL: 'x' }).sort()).toEqual(['PARALLAX_ANALYSTS_SECRET', 'SMTP_PASSWORD']);
  });
});
