/**
 * Page furniture that templates put inside the article's own container, where the container
 * choice cannot leave it out: the dateline, the byline, and calls to sign up. Recognised by their
 * wording and their shortness, in English, French and a few other languages, never by site.
 */
import { monthForms } from '../text/months.js';

// Months and weekdays: a dateline names one (or gives a clock time).
const CALENDAR_WORDS = [
  ...monthForms(['en', 'enShort', 'fr']).map(([form]) => form),
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thurs', 'fri', 'sat', 'sun',
  'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche',
];
const CALENDAR = new Set(CALENDAR_WORDS);
// Everything else a dateline is made of, besides digits and punctuation.
const DATE_WORDS = new Set([
  ...CALENDAR_WORDS,
  'am', 'pm', 'a.m', 'p.m', 'utc', 'gmt', 'est', 'edt', 'cst', 'cdt', 'mst', 'mdt', 'pst', 'pdt', 'bst', 'cet', 'cest', 'ist',
  'ct', 'pt', 'mt',
  'updated', 'update', 'published', 'posted', 'last', 'modified', 'on', 'at', 'le', 'à', 'mis', 'jour', 'publié', 'publie',
  'ago', 'hour', 'hours', 'minute', 'minutes', 'min', 'mins', 'day', 'days', 'h', 'il', 'y', 'a', 'et', 'de',
]);

/**
 * "Nov. 19, 2019, 8:41 AM UTC", "Updated 10:01 pm PST, Tuesday, November 19, 2019", "20 Nov 2019
 * 08:00 GMT": only date words, digits and punctuation, with a month, a weekday or a clock time
 * ("10 p.m." alone heads a live blog's entry; "12 killed, 40 hurt" is no date).
 */
export function isDateline(text: string): boolean {
  if (text.length > 90 || !/\d/.test(text)) return false;
  const words = (text.toLowerCase().match(/[\p{L}.]+/gu) ?? []).map((w) => w.replace(/^\.+|\.+$/g, '')).filter((w) => w !== '');
  if (!words.every((w) => DATE_WORDS.has(w))) return false;
  return /\d{1,2}[:h]\d{2}/.test(text) || words.some((w) => CALENDAR.has(w));
}

// "LONDON | Fri Jun 7, 2013 5:09am EDT", "PARIS · 5 mars 2024": the place the story was filed
// from, a bar, then the date. The place is a name: capitalised words, no digits.
const PLACE = /^\p{Lu}[\p{L}.'’ -]{1,40}$/u;
export function isPlacedDateline(text: string): boolean {
  const bar = text.search(/\s[|·•]\s/);
  return bar > 0 && text.length <= 120 && PLACE.test(text.slice(0, bar)) && isDateline(text.slice(bar + 3).trim());
}

// "By Phil Helsel", "Par Jean Dupont", "By Reuters", "By: Patti Domm": a name after the word, no sentence.
const BYLINE = /^(?:[Bb]y|BY|[Pp]ar|[Vv]on|[Pp]or|[Dd]i|[Dd]oor)(?:\s*:\s*|\s+)[\p{Lu}\p{Lt}]/u;
const NO_SENTENCE = (line: string) => !/[.!?]\s*$/.test(line.replace(/\b\p{Lu}\.$/u, ''));
export function isBylineLine(text: string): boolean {
  if (text.length <= 80 && BYLINE.test(text) && NO_SENTENCE(text)) return true;
  // The name over the author's title, parted by <br>: "By: Patti Domm / CNBC Executive News Editor".
  if (text.length > 200 || !text.includes('\n')) return false;
  const [first, ...rest] = text.split('\n');
  return isBylineLine(first!) && rest.every((l) => l.length <= 60 && NO_SENTENCE(l));
}

// "2/26/2015 7:11 AM PST BY TMZ STAFF", "5 mars 2024 à 11h30 | Par Jean Dupont": the date, then the byline, on one line.
const BY_AFTER_DATE = /[\s|·•,–—-](?:[Bb]y|BY|[Pp]ar|PAR|[Vv]on|[Pp]or|[Dd]i|[Dd]oor)\s+[\p{Lu}\p{Lt}]/u;
export function isDatedBylineLine(text: string): boolean {
  if (text.length > 160) return false;
  const at = text.search(BY_AFTER_DATE);
  return at > 0 && isDateline(text.slice(0, at).trim()) && isBylineLine(text.slice(at + 1).trim());
}

// Sign-up calls: newsletters, alerts, "delivered to your inbox". The article's own sentences can
// mention a newsletter or people signing up; a call is short and addresses the reader.
// ("ourNewsletter": words run together where a template drops the space between two spans.)
const NEWSLETTER = /newsletter|lettre d['’]information/i;
const CALL_WORDS = /\b(sign|subscri\w*|inbox|get|deliver\w*|receive|free|join|our)\b|^our|abonn|inscri/i;
const CALL = /\byour inbox\b|^\W*subscribe\b|abonnez-vous|inscrivez-vous/i;
// "Follow The Chronicle Opinion section on Facebook", "Join our WhatsApp channel", "Suivez-nous sur
// Google Actualités": a call to follow the outlet elsewhere.
const FOLLOW = /^\W*(follow\s|join (us|our)\s|suivez\s|suivez-nous|rejoignez|siga-nos|síguenos|seguici|folgen sie|تابعونا|تابعوا).{0,100}\b(facebook|twitter|instagram|telegram|whatsapp|linkedin|youtube|tiktok|google (news|actualités))\b/iu;
// The consent line under a sign-up form: "By clicking "Submit," you agree to the Privacy Policy and
// Terms of Use", "En vous inscrivant, vous acceptez nos conditions générales", "بالتسجيل، فإنك توافق على شروط الاستخدام".
const CONSENT = /^\W*(by (clicking|signing up|subscribing|submitting|registering|continuing|creating|entering|providing|using)\b.{0,120}\byou (agree|accept|consent|acknowledge)|en (cliquant|vous inscrivant|vous abonnant|poursuivant|continuant|validant|créant)\b.{0,120}\bvous (acceptez|reconnaissez|consentez)|(بالنقر|بالضغط|بالتسجيل|بالاشتراك|بالمتابعة).{0,120}(توافق|تقبل|تقر))/iu;
const TERMS = /\b(terms|privacy|policy|conditions|confidentialité|données personnelles)\b|الشروط|شروط|الخصوصية/iu;
export function isSignUpCall(text: string): boolean {
  if (text.length > 200) return false;
  return CALL.test(text) || FOLLOW.test(text) || (NEWSLETTER.test(text) && CALL_WORDS.test(text.replace(NEWSLETTER, ' '))) || (CONSENT.test(text) && TERMS.test(text));
}

// A caption's credit closes it: "(Image: GETTY)", "(Photo NH / archives)", "(Courier photo by
// J. Doe)", "Photo: Jane Doe/AFP", "... | Getty Images". The caption outside a <figure> goes with
// it; an article's own sentences do not end so.
const CREDIT = /(\((image|photo|picture|photograph|foto|crédit|credit|صورة)s?( credit)?\s*[:\s][^)]{1,60}\)|\([^()]{0,40}\b(photo|picture)s? by [^()]{1,60}\)|getty images|\b(photo|image|picture|crédit photo)s?( credit)?\s*:\s*[^.:]{1,60})\s*$/i;
// A credit line of its own: "CREDIT: S. Willis (CfA+ISU); ESA/Herschel", "Crédit photo : AFP".
const CREDIT_LINE = /^\W{0,3}((photo|image|picture)\s+)?(credits?|crédits?( photo)?)\s*:\s*\S/i;
export function isCaptionCredit(text: string): boolean {
  if (text.length <= 300 && CREDIT.test(text)) return true;
  // The credit on a line of its own, alone or closing the caption above it.
  const last = text.slice(text.lastIndexOf('\n') + 1);
  return text.length <= 500 && last.length <= 160 && CREDIT_LINE.test(last);
}

// "Also read: IPO calendar...", "Lire aussi : ...", "اقرأ أيضا: ...": a link to another story set
// between the paragraphs, with the headline of that story after the call.
const READ_ALSO = /^\W{0,3}(also read|read also|read more|see also|related|lire aussi|à lire aussi|a lire aussi|voir aussi|lea también|lee también|leia também|leggi anche|lesen sie auch|mehr zum thema|читайте также|اقرأ أيضا|اقرأ أيضاً|اقرأ ايضا|إقرأ أيضا)\s*[:：\-–—]/iu;
export function isReadAlsoLine(text: string): boolean {
  return text.length <= 200 && READ_ALSO.test(text);
}

// Rights and reprint notices: "Copyright 2013 Associated Press", "© 2024 Le Monde. Tous droits
// réservés", "This copy is for your personal, non-commercial use only...". Short, and saying so in
// the words such notices always use: an article's sentences about copyright do not read so.
const ALL_RIGHTS = /\b(all rights reserved|tous droits réservés|todos los derechos reservados|todos os direitos reservados|tutti i diritti riservati|alle rechte vorbehalten)\b|جميع الحقوق محفوظة/iu;
const COPYRIGHT_OPENING = /^\W{0,3}(copyright|©|\(c\))[\s©:,]*(\(c\)\s*)?(19|20)\d\d\b/i;
const PERSONAL_USE = /\bfor (your )?personal,? non-?commercial use\b|\b(toute )?reproduction (est )?interdite\b|^\W{0,3}not to be (reproduced|republished|reprinted)\b/i;
const WRITTEN_BY = /^\W{0,3}(written|reported|edited) by\s+\p{Lu}[^.!?]{0,60}$/iu;
// "Copyright: Medical News Today", "Copyright © The Herald": the word, then the owner, on a short line.
const COPYRIGHT_LABEL = /^\W{0,3}(copyright|©)\s*(:|©)\s*\S/i;
export function isRightsNotice(text: string): boolean {
  if (text.length > 400) return false;
  // Notices stacked on lines of one block, at times under the writer's name ("Written by Jane
  // Doe<br>Copyright: The Herald<br>Not to be reproduced...").
  if (text.includes('\n')) {
    const lines = text.split('\n').filter((line) => line.trim() !== '');
    return lines.some((line) => isRightsNotice(line)) && lines.every((line) => isRightsNotice(line) || isBylineLine(line) || WRITTEN_BY.test(line));
  }
  return PERSONAL_USE.test(text) || (text.length <= 200 && (ALL_RIGHTS.test(text) || COPYRIGHT_OPENING.test(text))) || (text.length <= 80 && COPYRIGHT_LABEL.test(text));
}

// An ad slot's label, left behind when the ad itself is not in the page.
const AD_LABEL = /^\W*(advertisement|advertising|adverts?|ads?|sponsored|publicité|pub|annonce|anzeige|werbung|pubblicità|publicidad|anuncio|publicidade|advertentie|reklam|iklan|реклама|إعلان)\W*$/iu;
// A share button's label left as text: "Tweet this", "Share this story", "Partager l'article".
const SHARE_LABEL = /^\W*((share|tweet|digg|email|e-mail|print|link|like|pin|save|post|reddit|whatsapp) (this|it)( (article|story|page|post))?|(partager|imprimer|envoyer|tweeter)( (cet|l['’]) ?article)?)\W*$/iu;
// A template's name for a layout left as text ("medium-browser-and-portrait-tablet"): lower-case
// words joined by hyphens, three or more, and nothing else. No sentence of any language reads so.
const IDENTIFIER = /^[a-z0-9]+(?:-[a-z0-9]+){2,}$/;

/** Paragraphs parted by <br> carry such calls ("read also", "Follow NAME on Twitter") as lines of their own. */
function withoutCallLines<T extends { text: string }>(b: T): T {
  if (!b.text.includes('\n')) return b;
  const lines = b.text.split('\n');
  const kept = lines.filter((l) => !isReadAlsoLine(l) && !isSignUpCall(l));
  return kept.length === lines.length ? b : { ...b, text: kept.join('\n') };
}

const isFurniture = (text: string) =>
  isSignUpCall(text) || isCaptionCredit(text) || isRightsNotice(text) || isReadAlsoLine(text) || AD_LABEL.test(text) || IDENTIFIER.test(text) || SHARE_LABEL.test(text);

/** A block of paragraphs parted by <br><br> loses those of its paragraphs that are furniture. */
function withoutFurnitureParagraphs<T extends { text: string }>(b: T): T {
  if (!b.text.includes('\n\n')) return b;
  const paragraphs = b.text.split('\n\n');
  const kept = paragraphs.filter((p) => !isFurniture(p));
  return kept.length === paragraphs.length ? b : { ...b, text: kept.join('\n\n') };
}

/**
 * Drops furniture from the chosen blocks: sign-up and follow calls (and the consent line under a
 * sign-up form), credited captions, rights notices, "read also" links (also as lines of a <br>-parted paragraph),
 * lone ad labels and layout names left as text anywhere; datelines and bylines, alone or on one line, only above the first
 * paragraph of prose (further down, "10 p.m." heads a live blog's entry).
 */
export function dropFurniture<T extends { text: string }>(blocks: T[]): T[] {
  let inHead = true;
  return blocks.map(withoutCallLines).map(withoutFurnitureParagraphs).filter((b) => {
    if (b.text === '' || isFurniture(b.text)) return false;
    if (inHead && b.text.length >= 150) inHead = false;
    return !(inHead && (isDateline(b.text) || isPlacedDateline(b.text) || isBylineLine(b.text) || isDatedBylineLine(b.text)));
  });
}

// A comment thread's label: "Comments (212)", "RÉAGIR À CET ARTICLE (5 commentaires)", "تعليقات
// الزوار (5)", "Leave a Reply". Templates without class names (tables, <font>) put the thread in
// the article's own cell, below the text.
const COMMENT_WORD = /\b(comments?|commentaires?|réagir|reactions?|réactions?|reply|comentarios?|comentários?|commenti|commento|kommentare?|komentar|reacties)\b|комментари|تعليق|コメント/iu;
const COMMENT_COUNT = /\(\s*\d+[^)]{0,20}\)|^\d+\s/;
const COMMENT_LABEL = /^(comments?|reader comments|commentaires?|vos commentaires|vos réactions|réagir( à cet article)?|leave a (comment|reply)|post a comment|add a comment|laisser un commentaire|ajouter un commentaire|comentarios|comentários|commenti|kommentare|komentar|reacties|комментарии|التعليقات|تعليقات|أضف تعليق\S*|اترك تعليق\S*|コメント)\s*:?$/iu;
export function isCommentsLabel(text: string): boolean {
  if (text.length > 50 || /[.!?؟]\s*$/.test(text) || !COMMENT_WORD.test(text)) return false;
  return COMMENT_COUNT.test(text) || COMMENT_LABEL.test(text);
}

// The label over the writer's biography under the text: "About the author", "À propos de l'auteur".
const AUTHOR_BOX_LABEL = /^\W*(about the (author|writer|reporter)|à propos de l['’]auteur|a propos de l['’]auteur|sobre el autor|sobre o autor|über den autor|sull['’]autore|عن الكاتب|نبذة عن الكاتب)\W*$/iu;

/**
 * Cuts the chosen blocks at a comment thread's label that follows the text (the rest is the
 * thread), or at the label over the writer's biography.
 */
export function cutAtEndLabels<T extends { text: string }>(blocks: T[]): T[] {
  let seenText = false;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (seenText && (isCommentsLabel(b.text) || AUTHOR_BOX_LABEL.test(b.text))) return blocks.slice(0, i);
    if (b.text.length >= 150) seenText = true;
  }
  return blocks;
}
