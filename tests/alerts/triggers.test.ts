import { describe, expect, test } from 'vitest';
import { evaluateEvent, type CompiledRule, type EventForAlerts } from '../../src/alerts/evaluate.js';
import type { RuleEventState } from '../../src/alerts/triggers.js';
import { comparisonOf, conflict, eventOf, rulesOf, uniqueClaim, vocabulary, type TestArticle } from './helpers.js';

const HOSTAGES = `watchlists:
  - name: sahel-hostages
    query: '(hostage OR otage OR رهينة OR kidnapped) AND (Mali OR Niger OR "Burkina Faso")'
    triggers: [new-event, divergence, { escalation: { outlets: 3, within: 6h } }, { first-report: { countries: [DZ] } }]
    channels: [hook]
    throttle: 1h
`;

const reuters: TestArticle = { id: 'reuters', outlet: 'Reuters', country: 'GB', at: '2025-08-01T10:00:00.000Z', title: 'Four hostages freed in Mali', text: 'Four hostages were freed on Friday.' };
const rfi: TestArticle = { id: 'rfi', outlet: 'RFI', country: 'FR', language: 'fr', at: '2025-08-01T10:30:00.000Z', title: 'Quatre otages libérés au Mali' };
const jazeera: TestArticle = { id: 'jazeera', outlet: 'Al Jazeera', country: 'QA', language: 'ar', at: '2025-08-01T11:00:00.000Z', title: 'الإفراج عن أربعة رهائن في مالي' };
const watan: TestArticle = { id: 'watan', outlet: 'El Watan', country: 'DZ', language: 'fr', at: '2025-08-01T12:00:00.000Z', title: 'Libération de quatre otages au Mali' };
const late: TestArticle = { id: 'late', outlet: 'Le Monde', country: 'FR', language: 'fr', at: '2025-08-03T12:00:00.000Z', title: 'Otages: le récit de la libération au Mali' };
const senegal: TestArticle = { id: 'seneweb', outlet: 'Seneweb', country: 'SN', language: 'fr', at: '2025-08-01T10:00:00.000Z', title: 'Élections au Sénégal : le dépouillement commence' };

const at = (iso: string) => ({ vocabulary, feedTags: new Map(), now: new Date(iso), publicUrl: 'http://parallax.local/' });

/** Evaluates a sequence of states of one event, carrying the remembered state from one to the next. */
function run(rules: CompiledRule[], steps: { event: EventForAlerts; now: string }[]) {
  let previous = new Map<string, RuleEventState>();
  return steps.map(({ event, now }) => {
    const r = evaluateEvent(rules, event, previous, at(now));
    previous = new Map([...previous, ...r.states.map((s) => [s.rule, s] as const)]);
    return r.alerts;
  });
}
const triggersOf = (alerts: { trigger: string }[]) => alerts.map((a) => a.trigger);

describe('triggers', () => {
  const rules = rulesOf(HOSTAGES);

  test('new-event fires once, on the matching event only', () => {
    const [first, second] = run(rules, [
      { event: eventOf('ev-1', 'Four hostages freed in Mali', [reuters]), now: '2025-08-01T10:05:00Z' },
      { event: eventOf('ev-1', 'Four hostages freed in Mali', [reuters, rfi]), now: '2025-08-01T10:35:00Z' },
    ]);
    expect(triggersOf(first!)).toEqual(['new-event']);
    expect(first![0]).toMatchObject({
      rule: 'sahel-hostages', eventId: 'ev-1', channels: ['hook'], mode: 'now',
      payload: { rule: 'sahel-hostages', trigger: 'new-event', event: { id: 'ev-1', articles: ['https://reuters.example/story'], url: 'http://parallax.local/events/ev-1' } },
    });
    expect(first![0]!.payload.id).toBe(first![0]!.id);
    expect(second).toEqual([]);
    expect(run(rules, [{ event: eventOf('ev-2', 'Élections au Sénégal', [senegal]), now: '2025-08-01T10:05:00Z' }])).toEqual([[]]);
  });

  test('the query matches in Arabic alone (Mali = مالي, رهينة = hostages)', () => {
    const [alerts] = run(rules, [{ event: eventOf('ev-3', 'الإفراج عن رهائن', [jazeera]), now: '2025-08-01T11:05:00Z' }]);
    expect(triggersOf(alerts!)).toEqual(['new-event']);
  });

  test('escalation fires when 3 outlets join within 6h, not before, not again, not when spread out', () => {
    const steps = [[reuters], [reuters, rfi], [reuters, rfi, jazeera], [reuters, rfi, jazeera, watan], [reuters, rfi, jazeera, watan, late]];
    const alerts = run(rules, steps.map((arts) => ({ event: eventOf('ev-1', 'Hostages', arts), now: arts.at(-1)!.at })));
    const escalations = alerts.map((a) => a.filter((x) => x.trigger === 'escalation'));
    expect(escalations.map((e) => e.length)).toEqual([0, 0, 0, 1, 0]);
    expect(escalations[3]![0]!.payload.newOutlets).toEqual(['RFI', 'Al Jazeera', 'El Watan']);
    const spread = [reuters, { ...rfi, at: '2025-08-01T18:00:00.000Z' }, { ...jazeera, at: '2025-08-02T02:00:00.000Z' }, { ...watan, at: '2025-08-02T10:00:00.000Z' }];
    const [none] = run(rules, [{ event: eventOf('ev-1', 'Hostages', spread), now: '2025-08-02T10:00:00Z' }]);
    expect(triggersOf(none!)).not.toContain('escalation');
  });

  test('escalation on countries counts outlet countries', () => {
    const byCountry = rulesOf(HOSTAGES.replace('{ escalation: { outlets: 3, within: 6h } }', '{ escalation: { countries: 2, within: 2h } }'));
    const [a] = run(byCountry, [{ event: eventOf('ev-1', 'Hostages', [reuters, rfi, { ...rfi, id: 'rfi2', outlet: 'France 24' }]), now: '2025-08-01T11:00:00Z' }]);
    expect(a!.filter((x) => x.trigger === 'escalation').map((x) => x.payload.newCountries)).toEqual([]);
    const [b] = run(byCountry, [{ event: eventOf('ev-1', 'Hostages', [reuters, rfi, jazeera]), now: '2025-08-01T11:00:00Z' }]);
    expect(b!.filter((x) => x.trigger === 'escalation').map((x) => x.payload.newCountries)).toEqual([['FR', 'QA']]);
  });

  test('first-report fires on the first article from a watched country, once', () => {
    const alerts = run(rules, [
      { event: eventOf('ev-1', 'Hostages', [reuters]), now: '2025-08-01T10:05:00Z' },
      { event: eventOf('ev-1', 'Hostages', [reuters, watan]), now: '2025-08-01T12:05:00Z' },
      { event: eventOf('ev-1', 'Hostages', [reuters, watan, { ...watan, id: 'watan2', at: '2025-08-01T13:00:00.000Z' }]), now: '2025-08-01T13:05:00Z' },
    ]);
    const reports = alerts.map((a) => a.filter((x) => x.trigger === 'first-report'));
    expect(reports.map((r) => r.length)).toEqual([0, 1, 0]);
    expect(reports[1]![0]!.payload).toMatchObject({ newOutlets: ['El Watan'], newCountries: ['DZ'] });
    expect(reports[1]![0]!.payload.summary).toContain('first report from DZ');
  });

  test('divergence fires on a new conflicting figure, then on a new unique claim, never twice for the same', () => {
    const ev = eventOf('ev-1', 'Hostages', [reuters, rfi]);
    const fig = conflict('hostages released', [['4', ['https://reuters.example/story']], ['5', ['https://rfi.example/story']]]);
    const claim = uniqueClaim('The ransom was paid by a third country.', 'https://rfi.example/story');
    const steps = [
      { event: { ...ev, comparison: comparisonOf(ev, []) }, now: '2025-08-01T10:35:00Z' },
      { event: { ...ev, comparison: comparisonOf(ev, [fig]) }, now: '2025-08-01T10:40:00Z' },
      { event: { ...ev, comparison: comparisonOf(ev, [fig]) }, now: '2025-08-01T12:00:00Z' },
      { event: { ...ev, comparison: comparisonOf(ev, [fig], [claim]) }, now: '2025-08-01T12:30:00Z' },
    ];
    const divergences = run(rules, steps).map((a) => a.filter((x) => x.trigger === 'divergence'));
    expect(divergences.map((d) => d.length)).toEqual([0, 1, 0, 1]);
    expect(divergences[1]![0]!.payload).toMatchObject({ conflicts: [fig], claims: [] });
    expect(divergences[1]![0]!.payload.summary).toContain('hostages released: 4 vs 5');
    expect(divergences[3]![0]!.payload).toMatchObject({ conflicts: [], claims: [claim] });
  });

  test('throttling: a second divergence within the window goes to the digest, after it at once', () => {
    const ev = eventOf('ev-1', 'Hostages', [reuters, rfi]);
    const c1 = conflict('hostages released', [['4', []], ['5', []]]);
    const c2 = conflict('soldiers killed', [['2', []], ['3', []]]);
    const c3 = conflict('ransom', [['1', []], ['2', []]]);
    const modes = run(rules, [
      { event: { ...ev, comparison: comparisonOf(ev, [c1]) }, now: '2025-08-01T10:40:00Z' },
      { event: { ...ev, comparison: comparisonOf(ev, [c1, c2]) }, now: '2025-08-01T11:10:00Z' },
      { event: { ...ev, comparison: comparisonOf(ev, [c1, c2, c3]) }, now: '2025-08-01T11:45:00Z' },
    ]).map((a) => a.filter((x) => x.trigger === 'divergence').map((x) => x.mode));
    expect(modes).toEqual([['now'], ['hourly'], ['now']]);
  });

  test('the same change evaluated twice gives the same alert ids; another change another id', () => {
    const ev = eventOf('ev-1', 'Hostages', [reuters, rfi, jazeera, watan]);
    const once = evaluateEvent(rules, ev, new Map(), at('2025-08-01T12:05:00Z'));
    const again = evaluateEvent(rules, ev, new Map(), at('2025-08-01T12:09:00Z'));
    expect(once.alerts.map((a) => a.id)).toEqual(again.alerts.map((a) => a.id));
    expect(new Set(once.alerts.map((a) => a.id)).size).toBe(once.alerts.length);
    const other = evaluateEvent(rules, eventOf('ev-9', 'Hostages', [reuters]), new Map(), at('2025-08-01T12:05:00Z'));
    expect(other.alerts[0]!.id).not.toBe(once.alerts[0]!.id);
  });

  test('filters: only the articles they let through count', () => {
    const arabicOnly = rulesOf(HOSTAGES.replace('    channels: [hook]', '    filters: { languages: [ar] }\n    channels: [hook]'));
    expect(run(arabicOnly, [{ event: eventOf('ev-1', 'Hostages', [reuters, rfi]), now: '2025-08-01T11:00:00Z' }])).toEqual([[]]);
    const [a] = run(arabicOnly, [{ event: eventOf('ev-1', 'Hostages', [reuters, jazeera]), now: '2025-08-01T11:05:00Z' }]);
    expect(triggersOf(a!)).toEqual(['new-event']);
    const tagged = rulesOf(HOSTAGES.replace('    channels: [hook]', '    filters: { tags: [sahel] }\n    channels: [hook]'));
    const ev = eventOf('ev-1', 'Hostages', [reuters]);
    expect(evaluateEvent(tagged, ev, new Map(), at('2025-08-01T11:00:00Z')).alerts).toEqual([]);
    const tags = new Map([['feed-Reuters', ['wire', 'sahel']]]);
    expect(evaluateEvent(tagged, ev, new Map(), { ...at('2025-08-01T11:00:00Z'), feedTags: tags }).alerts).toHaveLength(1);
  });
});
