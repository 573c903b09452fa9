import { describe, expect, test } from 'vitest';
import { poolSizeFor, POOL_RESERVE } from '../../src/cli/bootstrap.js';
import { loadSettings, SettingsError } from '../../src/config/settings.js';
import { DEFAULT_EVENT_ASSIGNER_OPTIONS } from '../../src/pipeline/assign-event.js';

describe('settings from the environment', () => {
  test('delays have defaults and can be set (tests and impatient deployments shorten them)', () => {
    expect(loadSettings({})).toMatchObject({ eventSettleMs: 5000, compareDelayMs: 2000 });
    expect(loadSettings({ PARALLAX_COMPARE_DELAY_MS: '0', PARALLAX_EVENT_SETTLE_MS: '250' })).toMatchObject({ eventSettleMs: 250, compareDelayMs: 0 });
  });

  test("the event state's snapshot cadence defaults to the assigner's own and can be set", () => {
    expect(loadSettings({}).eventSnapshotEvery).toBe(DEFAULT_EVENT_ASSIGNER_OPTIONS.snapshotEvery);
    expect(loadSettings({ PARALLAX_EVENT_SNAPSHOT_EVERY: '200' }).eventSnapshotEvery).toBe(200);
    expect(() => loadSettings({ PARALLAX_EVENT_SNAPSHOT_EVERY: '0' })).toThrow(/PARALLAX_EVENT_SNAPSHOT_EVERY/);
  });

  test('the PostgreSQL pool has a connection for every job a process runs at once, and a few more', () => {
    const s = loadSettings({ PARALLAX_ARTICLE_CONCURRENCY: '32', PARALLAX_FEED_CONCURRENCY: '2', PARALLAX_DELIVERY_CONCURRENCY: '3' });
    expect(poolSizeFor(s)).toBe(32 + 2 + 3 + POOL_RESERVE);
    expect(poolSizeFor(loadSettings({}))).toBeGreaterThan(16 + 4);
  });

  test('a bad value is refused with the variable named', () => {
    expect(() => loadSettings({ PARALLAX_COMPARE_DELAY_MS: '-1' })).toThrow(SettingsError);
    expect(() => loadSettings({ PARALLAX_COMPARE_DELAY_MS: 'soon' })).toThrow(/PARALLAX_COMPARE_DELAY_MS/);
  });
});

describe('access settings', () => {
  test('tokens: unset or empty is none; a short one is refused; allowed hosts are a comma list', () => {
    expect(loadSettings({})).toMatchObject({ apiToken: null, metricsToken: null, allowedHosts: null });
    expect(loadSettings({ PARALLAX_API_TOKEN: '' }).apiToken).toBeNull();
    expect(loadSettings({ PARALLAX_API_TOKEN: ' 0123456789abcdef ', PARALLAX_METRICS_TOKEN: 'fedcba9876543210' })).toMatchObject({ apiToken: '0123456789abcdef', metricsToken: 'fedcba9876543210' });
    expect(() => loadSettings({ PARALLAX_API_TOKEN: 'short' })).toThrow(/PARALLAX_API_TOKEN: must be at least 16 characters/);
    expect(loadSettings({ PARALLAX_ALLOWED_HOSTS: 'parallax.example.org, 10.0.0.5:8080,' }).allowedHosts).toEqual(['parallax.example.org', '10.0.0.5:8080']);
  });
});
