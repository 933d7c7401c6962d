// The HTML part of an email, rendered from the text part the modules write (pure: no I/O). The text
// stays the source of truth; this only lays it out with the comune's name and colour:
// - a header with the comune's name on its colour (kept only when white text on it reaches WCAG's
//   4.5:1, otherwise a dark blue), the subject as the page's heading, a footer with the comune's name;
// - blank-line-separated groups become paragraphs; a group with two or more `Label: value` lines (the
//   booking summary) shows them as a table with row headers;
// - http(s) addresses become links. A link to the service's own address (`publicUrl`) whose line says
//   what it is for gets a short label ("Gestisci l'appuntamento"); any other link shows its address,
//   so text a citizen typed (a name, a reason) can never dress a foreign link up as the comune's.
// Everything is HTML-escaped; styles are inline (mail clients often drop <style>); no images.
import type { Branding } from './db/schema.ts';

export interface MailBrand extends Branding {
  /** The comune's name, shown in the header and the footer. */
  name: string;
  /** The public address of Sportello (config.publicUrl): links under it may get a short label. */
  publicUrl?: string;
}

export interface MailHtmlInput {
  brand: MailBrand;
  subject: string;
  /** The text part as sent: lines separated by \n, groups by a blank line. */
  text: string;
}

const WHITE = '#ffffff';
const TEXT = '#1a1a1a';
/** Used when the comune has no colour or its colour is too light for white text (Bootstrap Italia's dark blue). */
export const FALLBACK_ACCENT = '#17324d';
const PAGE = '#f2f2f2';
const MUTED = '#404040';
const FONT = "'Titillium Web', Arial, Helvetica, sans-serif";

/** Labels for links to our own pages, chosen by what the line around the link says (first match wins). */
const LINK_LABELS: Array<[RegExp, string]> = [
  [/annullare l'appuntamento/i, "Gestisci l'appuntamento"],
  [/videochiamata/i, 'Entra nella videochiamata'],
  [/registra l'arrivo/i, "Registra l'arrivo"],
  [/segui la coda/i, 'Segui la coda'],
  [/prenotare un nuovo appuntamento/i, 'Prenota un nuovo appuntamento'],
];

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`);
}

/** `#rgb` or `#rrggbb` → [r, g, b] in 0..255, or undefined. */
function parseHex(colour: string): [number, number, number] | undefined {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour.trim());
  if (!m) return undefined;
  const hex = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG 2.x relative luminance of an sRGB colour. */
function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio (1..21) of two hex colours; undefined when either is not a hex colour. */
export function contrastRatio(a: string, b: string): number | undefined {
  const ca = parseHex(a);
  const cb = parseHex(b);
  if (!ca || !cb) return undefined;
  const [hi, lo] = [luminance(ca), luminance(cb)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The comune's colour when white text on it, and it as link text on both backgrounds (white, the
 * footer's grey), reach WCAG AA's 4.5:1; otherwise the fallback dark blue.
 */
export function accentColour(primaryColor: string | undefined): string {
  if (!primaryColor) return FALLBACK_ACCENT;
  const ratios = [contrastRatio(primaryColor, WHITE), contrastRatio(primaryColor, PAGE)];
  return ratios.every((r) => r !== undefined && r >= 4.5) ? primaryColor.trim().toLowerCase() : FALLBACK_ACCENT;
}

/** Line breaks normalised to \n; other control characters (no place in HTML text) dropped, TAB as a space. */
function clean(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[^\P{Cc}\n]/gu, '');
}

const URL_RE = /https?:\/\/[^\s<>"]+/g;

/** The address without the punctuation that ends the sentence around it. */
function trimUrl(raw: string): string {
  let url = raw.replace(/[.,;:!?'’]+$/, '');
  while (url.endsWith(')') && (url.match(/\(/g)?.length ?? 0) < (url.match(/\)/g)?.length ?? 0)) url = url.slice(0, -1).replace(/[.,;:!?'’]+$/, '');
  return url;
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

function isOwn(url: string, publicUrl: string | undefined): boolean {
  if (!publicUrl) return false;
  const base = publicUrl.replace(/\/+$/, '');
  return url === base || url.startsWith(`${base}/`) || url.startsWith(`${base}?`);
}

interface Ctx {
  accent: string;
  publicUrl?: string;
}

function link(url: string, label: string | undefined, c: Ctx): string {
  const href = escapeHtml(url);
  if (!label) return `<a href="${href}" style="color:${c.accent};text-decoration:underline;word-break:break-all;">${escapeHtml(url)}</a>`;
  // An own page's action: a button-like link (white on the accent colour, contrast checked above).
  return `<a href="${href}" style="display:inline-block;margin:4px 0;padding:10px 16px;background-color:${c.accent};color:${WHITE};font-weight:700;text-decoration:underline;border-radius:4px;">${escapeHtml(label)}</a>`;
}

/** One line of text, escaped, with its addresses as links. `lead`: what the previous line said (for a line that is only an address). */
function inline(line: string, c: Ctx, lead = ''): string {
  let out = '';
  let last = 0;
  for (const m of line.matchAll(URL_RE)) {
    const url = trimUrl(m[0]);
    const start = m.index;
    if (!isHttpUrl(url)) continue;
    const before = line.slice(0, start).trim() || lead;
    const label = isOwn(url, c.publicUrl) ? LINK_LABELS.find(([re]) => re.test(before))?.[1] : undefined;
    // A labelled link is a button: on a line of its own under the sentence that introduces it.
    const text = escapeHtml(line.slice(last, start));
    out += label && text.trim() ? `${text.trimEnd()}<br>${link(url, label, c)}` : text + link(url, label, c);
    last = start + url.length;
  }
  return out + escapeHtml(line.slice(last));
}

/** `Label: value` with a short label (up to three words, starting with a capital letter), not an address. */
function field(line: string): { label: string; value: string } | undefined {
  const m = /^(\p{Lu}[^:]{0,29}): (\S.*)$/u.exec(line);
  if (!m || /https?:\/\//.test(m[1]!) || m[1]!.trim().split(/\s+/).length > 3) return undefined;
  return { label: m[1]!, value: m[2]! };
}

const P = 'margin:0 0 16px;';

function table(rows: Array<{ label: string; value: string }>, c: Ctx): string {
  const cell = 'padding:8px 12px 8px 0;border-bottom:1px solid #d9d9d9;vertical-align:top;text-align:left;';
  const body = rows.map(
    (r) =>
      `<tr><th scope="row" style="${cell}font-weight:700;width:40%;">${escapeHtml(r.label)}</th><td style="${cell}overflow-wrap:anywhere;word-break:break-word;">${inline(r.value, c)}</td></tr>`,
  );
  return `<table style="border-collapse:collapse;width:100%;margin:0 0 16px;font-size:16px;line-height:1.5;color:${TEXT};">${body.join('')}</table>`;
}

function block(lines: string[], c: Ctx): string {
  const fields = lines.map(field);
  const out: string[] = [];
  if (fields.filter(Boolean).length >= 2) {
    // The summary: runs of fields as tables, the lines between them as paragraphs.
    let run: Array<{ label: string; value: string }> = [];
    const flush = () => {
      if (run.length) out.push(table(run, c));
      run = [];
    };
    lines.forEach((line, i) => {
      const f = fields[i];
      if (f) run.push(f);
      else {
        flush();
        out.push(`<p style="${P}">${inline(line, c, lines[i - 1])}</p>`);
      }
    });
    flush();
    return out.join('\n');
  }
  return `<p style="${P}">${lines.map((line, i) => inline(line, c, i > 0 ? lines[i - 1] : '')).join('<br>')}</p>`;
}

function blocks(text: string): string[][] {
  const groups: string[][] = [[]];
  for (const line of clean(text).split('\n')) {
    if (line.trim() === '') groups.push([]);
    else groups[groups.length - 1]!.push(line);
  }
  return groups.filter((g) => g.length > 0);
}

function websiteLink(website: string | undefined, c: Ctx): string {
  if (!website || !isHttpUrl(website)) return '';
  const host = new URL(website).host;
  return `<p style="margin:4px 0 0;"><a href="${escapeHtml(website)}" style="color:${c.accent};text-decoration:underline;">${escapeHtml(host)}</a></p>`;
}

export function renderMailHtml({ brand, subject, text }: MailHtmlInput): string {
  const c: Ctx = { accent: accentColour(brand.primaryColor), publicUrl: brand.publicUrl };
  const name = escapeHtml(clean(brand.name).replace(/\n/g, ' '));
  const region = brand.region ? escapeHtml(clean(brand.region).replace(/\n/g, ' ')) : '';
  const title = escapeHtml(clean(subject).replace(/\n/g, ' '));
  const body = blocks(text)
    .map((b) => block(b, c))
    .join('\n');
  return `<!doctype html>
<html lang="it">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${title}</title>
</head>
<body style="margin:0;padding:0;background-color:${PAGE};color:${TEXT};font-family:${FONT};font-size:16px;line-height:1.5;">
<div style="max-width:600px;margin:0 auto;background-color:${WHITE};overflow-wrap:anywhere;word-break:break-word;">
<header style="background-color:${c.accent};color:${WHITE};padding:16px 24px;">
<p style="margin:0;font-size:22px;font-weight:700;line-height:1.3;">${name}</p>${region ? `\n<p style="margin:4px 0 0;font-size:14px;">${region}</p>` : ''}
</header>
<main style="padding:24px;">
<h1 style="margin:0 0 16px;font-size:20px;line-height:1.3;color:${TEXT};">${title}</h1>
${body}
</main>
<footer style="background-color:${PAGE};color:${MUTED};padding:16px 24px;font-size:14px;">
<p style="margin:0;">${name}${region ? ` · ${region}` : ''}</p>${websiteLink(brand.website, c)}
</footer>
</div>
</body>
</html>
`;
}
