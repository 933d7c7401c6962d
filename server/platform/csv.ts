// CSV as Italian spreadsheets open it: semicolons, decimal commas, UTF-8 with a byte-order mark (so
// accents survive), and no cell a spreadsheet would run as a formula (a leading = + - @ is quoted).

export function csvCell(v: string | number | null): string {
  if (v === null) return '';
  let s = typeof v === 'number' ? String(v).replace('.', ',') : v;
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[";\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csvDocument(header: string[], rows: Array<Array<string | number | null>>): string {
  return `\uFEFF${[header.join(';'), ...rows.map((r) => r.map(csvCell).join(';'))].join('\r\n')}\r\n`;
}
