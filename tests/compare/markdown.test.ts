import { describe, expect, test } from 'vitest';
import { comparisonMarkdown } from '../../src/compare/markdown.js';
import type { Comparison } from '../../src/compare/types.js';
import { COMPARISON, URLS } from '../web/fixtures/comparison.js';

/** The Markdown report of `parallax compare`: every section, every line citing its outlets by link. */
describe('comparisonMarkdown', () => {
  const md = comparisonMarkdown(COMPARISON);
  const section = (title: string) => {
    const start = md.indexOf(`\n## ${title}\n`);
    expect(start, title).toBeGreaterThan(-1);
    const end = md.indexOf('\n## ', start + 1);
    return md.slice(start, end === -1 ? undefined : end);
  };
  const ortm = `[ORTM](${URLS.ORTM})`;
  const hespress = `[Hespress](${URLS.HESPRESS})`;
  const wire = `[Sahel Wire](${URLS.WIRE})`;

  test('the title and the accounts, with the copy folded under its original and what it added', () => {
    expect(md.split('\n')[0]).toBe('# Drivers freed \\<script\\>alert("x")\\</script\\>');
    const accounts = section('Accounts');
    expect(accounts).toContain(`- **Hespress** (MA, ar), 2025-08-01 21:00 UTC: [الإفراج عن السائقين المغاربة](${URLS.HESPRESS})`);
    expect(accounts).toMatch(/- \*\*Sahel Wire\*\*.*\n {2}- copied by \*\*\[West Africa Daily\]\(https:\/\/daily\.example\/copy\)\*\* \(NG, en\), 2025-08-01 22:15 UTC\n {4}- added: Reporting by our staff\./);
  });

  test('the timeline says who was first overall, per country and per language', () => {
    const timeline = section('Timeline').trim().split('\n').slice(2);
    expect(timeline).toHaveLength(COMPARISON.timeline.length);
    expect(timeline[0]).toContain(`(first) **${ortm}** (ML, fr): first report, first from ML, first in fr`);
    expect(timeline[2]).toContain(`(+2 h 30 min) **${hespress}** (MA, ar): first from MA, first in ar`);
    expect(timeline[3]).toContain('syndicated copy: first from NG');
  });

  test('shared and unique claims name the accounts that make them', () => {
    expect(section('Shared claims')).toContain(`- Le gouvernement annonce la libération de quatre camionneurs marocains.\n  ${ortm}, ${hespress}, ${wire}`);
    const unique = section('Unique claims');
    expect(unique).toContain(`- A ransom of 5 million euros was paid \\<script\\>`);
    expect(unique).toContain(`  ${wire}`);
    expect(unique).not.toContain(ortm);
  });

  test('each conflicting value with the outlets giving it and their sentences; a non-web URL is never a link', () => {
    const conflicts = section('Conflicting figures');
    expect(conflicts).toContain('- **hostages released** (count)');
    expect(conflicts).toContain(`  - **4**: ${ortm}, ${hespress}\n    > Le gouvernement annonce`);
    expect(conflicts).toContain('    > أعلنت السلطات المالية الإفراج عن أربعة سائقين مغاربة.');
    expect(conflicts).toContain('  - **5**: javascript:alert(1)\n');
    expect(md).not.toContain('](javascript:');
  });

  test('contradictions, quotes, sources (Arabic as written), entities and framing', () => {
    expect(section('Contradictions')).toContain(`  - asserted: A ransom was paid. (${wire})\n  - denied: Aucune rançon n'a été versée. (${ortm})`);
    expect(section('Quotes')).toContain(`- **The minister**: “Our services did their job.” (${ortm})`);
    expect(section('Sources cited')).toContain(`- **حسب مصادر محلية**: حسب مصادر محلية، تم دفع فدية. (${hespress})`);
    const entities = section('Entities named by some accounts only');
    expect(entities).toContain(`- ANSE: ${ortm}`);
    expect(entities).toContain('Named by every account: Bamako.');
    expect(section('Framing')).toContain(`- “terrorists” (en, actors): ${wire}; others say “armed men”. loaded label`);
  });

  test('an empty comparison still has every section, each saying what was not found', () => {
    const empty: Comparison = { ...COMPARISON, claims: [], conflicts: [], contradictions: [], quotes: [], sources: [], entities: [], framing: [] };
    const out = comparisonMarkdown(empty);
    for (const line of ['_No claim is made by most accounts._', '_No figures differ between accounts._', '_No account denies what another asserts._', '_No sources cited._']) {
      expect(out).toContain(line);
    }
  });

  test('a URL with spaces or parentheses stays one link', () => {
    const odd = 'https://x.example/a (b)';
    const out = comparisonMarkdown({ ...COMPARISON, accounts: [{ ...COMPARISON.accounts[0]!, url: odd }], timeline: [] });
    expect(out).toContain('](https://x.example/a%20%28b%29)');
  });
});
