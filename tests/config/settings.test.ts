import { describe, expect, test } from 'vitest';
import { loadSettings, SettingsError } from '../../src/config/settings.js';

describe('settings from the environment', () => {
  test('delays have defaults and can be set (tests and impatient deployments shorten them)', () => {
    expect(loadSettings({})).toMatchObject({ eventSettleMs: 5000, compareDelayMs: 2000 });
    expect(loadSettings({ PARALLAX_COMPARE_DELAY_MS: '0', PARALLAX_EVENT_SETTLE_MS: '250' })).toMatchObject({ eventSettleMs: 250, compareDelayMs: 0 });
  });

  test('a bad value is refused with the variable named', () => {
    expect(() => loadSettings({ PARALLAX_COMPARE_DELAY_MS: '-1' })).toThrow(SettingsError);
    expect(() => loadSettings({ PARALLAX_COMPARE_DELAY_MS: 'soon' })).toThrow(/PARALLAX_COMPARE_DELAY_MS/);
  });
});
