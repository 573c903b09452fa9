/**
 * Feed dates as they occur in the wild: RFC 822/1123 with named zones, ISO 8601 / RFC 3339 with or
 * without zone or time, RFC 850, ANSI C asctime, and the localised forms regional outlets write
 * (French and Arabic month names, Arabic-Indic digits). Anything we cannot read is null: a date we
 * invented would put the article in the wrong place of the timeline, a missing one does not.
 */
import { monthForms } from '../text/months.js';

/** Offsets in minutes of the zone abbreviations feeds use (RFC 822 ones plus common local ones). */
const ZONES: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, WET: 0, WAT: 60, CAT: 120, EAT: 180, SAST: 120,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  AKST: -540, AKDT: -480, HST: -600, NST: -210, NDT: -150, ADT: -180,
  BST: 60, IST: 330, WEST: 60, CET: 60, CEST: 120, MET: 60, MEST: 120, EET: 120, EEST: 180,
  MSK: 180, TRT: 180, GST: 240, PKT: 300, ICT: 420, WIB: 420, HKT: 480, SGT: 480, AWST: 480,
  JST: 540, KST: 540, ACST: 570, ACDT: 630, AEST: 600, AEDT: 660, NZST: 720, NZDT: 780,
};

// Feeds write dates in English, French (abbreviated as French outlets print them), the Spanish
// and German of some feed farms, and Arabic of every region.
const MONTHS: Record<string, number> = Object.fromEntries(monthForms(['en', 'enShort', 'fr', 'frShort', 'es', 'de', 'ar']));
/** Two-word month names, joined before tokenising so that they stay one token. */
const MULTI_WORD = Object.keys(MONTHS).filter((m) => m.includes(' '));

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?$/;
const ISO_BASIC = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?)?([Zz]|[+-]\d{2}:?\d{2})?$/;

/** Parses a feed date to ISO 8601 UTC (`2024-03-01T12:00:00.000Z`), or null. */
export function parseDate(input: string | null | undefined): string | null {
  const s = input?.replace(/\s+/g, ' ').trim();
  if (!s) return null;
  const ms = parseIso(s) ?? parseLoose(s);
  if (ms === null || Number.isNaN(ms)) return null;
  return new Date(ms).toISOString();
}

function parseIso(s: string): number | null {
  const m = ISO.exec(s) ?? ISO_BASIC.exec(s);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', sec = '0'] = m;
  const frac = ISO.test(s) ? m[7] : undefined;
  const zone = ISO.test(s) ? m[8] : m[7];
  const msPart = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  return build(+y!, +mo!, +d!, +h, +mi, +sec, msPart, zone ? offsetOf(zone) : 0);
}

/**
 * Token-based reading for everything else: find a day, a month (number or name), a year, a time
 * and a zone in whatever order the feed wrote them. Weekday names and words like "à" are skipped.
 */
function parseLoose(input: string): number | null {
  let s = toAsciiDigits(input).toLowerCase();
  for (const m of MULTI_WORD) s = s.replaceAll(m, m.replace(' ', '_'));
  // "02-Jan-06" (RFC 850) and "2024/03/01" split into their parts; "14h30" is a French time.
  s = s.replace(/(\d)h(\d\d)\b/g, '$1:$2').replace(/(\d)[/.-]([a-zé\u0600-\u06ff])/g, '$1 $2').replace(/([a-zé.\u0600-\u06ff])[/-](\d)/g, '$1 $2');
  const tokens = s.split(/[\s,]+/).filter(Boolean);
  let day: number | null = null;
  let month: number | null = null;
  let year: number | null = null;
  let time: [number, number, number, number] | null = null;
  let offset: number | null = null;
  let pm: boolean | null = null;
  for (let raw of tokens) {
    raw = raw.replace(/_/g, ' ');
    const t = raw.replace(/\.$/, '');
    const ymd = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
    if (ymd) { year = +ymd[1]!; month = +ymd[2]!; day = +ymd[3]!; continue; }
    const dmy = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
    // Day first: every region we follow writes 01/03/2024 for the 1st of March.
    if (dmy) { day = +dmy[1]!; month = +dmy[2]!; year = +dmy[3]!; continue; }
    const tm = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?([zZ]|[+-]\d{2}:?\d{2})?$/.exec(t);
    if (tm && !time) {
      time = [+tm[1]!, +tm[2]!, tm[3] ? +tm[3] : 0, tm[4] ? Math.round(Number(`0.${tm[4]}`) * 1000) : 0];
      if (tm[5]) offset = offsetOf(tm[5]);
      continue;
    }
    if (/^[+-]\d{4}$|^[+-]\d{2}:\d{2}$/.test(t)) { if (offset === null) offset = offsetOf(t); continue; }
    if (/^\d+$/.test(t)) {
      const n = +t;
      if (t.length === 4) year = n;
      else if (day === null && n >= 1 && n <= 31) day = n;
      else if (year === null && t.length === 2) year = n < 50 ? 2000 + n : 1900 + n;
      continue;
    }
    const ordinal = /^(\d{1,2})(?:st|nd|rd|th|er|e)$/.exec(t);
    if (ordinal && day === null) { day = +ordinal[1]!; continue; }
    if (t === 'am' || t === 'pm') { pm = t === 'pm'; continue; }
    const mon = MONTHS[t] ?? MONTHS[t.slice(0, 3)] ?? null;
    if (mon !== null && month === null && /^[a-zéûä]/.test(t)) { month = mon; continue; }
    if (mon !== null && month === null) { month = mon; continue; }
    const zone = t.replace(/[()]/g, '').toUpperCase();
    if (zone in ZONES) { if (offset === null) offset = ZONES[zone]!; continue; }
    const gmtOffset = /^(?:gmt|utc)([+-]\d{1,2})(?::?(\d{2}))?$/.exec(t);
    if (gmtOffset) { offset = Math.sign(+gmtOffset[1]!) * (Math.abs(+gmtOffset[1]!) * 60 + (gmtOffset[2] ? +gmtOffset[2] : 0)); continue; }
    // Anything else (weekday names, "à", "le", unknown zone names) carries no date information.
  }
  if (day === null || month === null || year === null) return null;
  let [h, mi, sec, msPart] = time ?? [0, 0, 0, 0];
  if (pm !== null && h <= 12) h = pm ? (h % 12) + 12 : h % 12;
  return build(year, month, day, h, mi, sec, msPart, offset ?? 0);
}

function build(y: number, mo: number, d: number, h: number, mi: number, s: number, msPart: number, offsetMin: number): number | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) return null;
  const ms = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), msPart) - offsetMin * 60_000;
  // Date.UTC rolls 31 February over into March: reject instead of inventing a date.
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCDate() !== d) return null;
  return ms;
}

function offsetOf(zone: string): number {
  if (zone === 'Z' || zone === 'z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return ZONES[zone.toUpperCase()] ?? 0;
  const v = +m[2]! * 60 + (m[3] ? +m[3] : 0);
  return m[1] === '-' ? -v : v;
}

/** Arabic-Indic (٠-٩) and Eastern Arabic-Indic (۰-۹) digits to ASCII. */
function toAsciiDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (c) => String((c.charCodeAt(0) & 0xf) % 10));
}
