// The embedded provider's login page: pick a test identity and the level of assurance. Plain HTML
// written on the server, said loudly to be a test environment, accessible without JavaScript.
import { TEST_IDENTITIES } from './identities.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface AuthorizeParams {
  client_id: string;
  redirect_uri: string;
  scope: string;
  state: string;
  nonce: string;
  code_challenge: string;
  code_challenge_method: string;
  provider: 'spid' | 'cie';
}

const STYLE = `
  body { font-family: "Titillium Web", system-ui, sans-serif; margin: 0; color: #1a1a1a; background: #f2f7fc; }
  .warning { background: #a61919; color: #fff; padding: 1rem; font-weight: 700; text-align: center; font-size: 1.1rem; }
  main { max-width: 44rem; margin: 2rem auto; background: #fff; padding: 2rem; border-radius: 6px; box-shadow: 0 1px 4px rgba(0,0,0,.15); }
  h1 { color: #004d99; margin-top: 0; }
  fieldset { border: 1px solid #5c6f82; border-radius: 4px; margin: 1.5rem 0; padding: 1rem; }
  legend { font-weight: 700; padding: 0 .5rem; }
  label { display: block; padding: .6rem .4rem; border-bottom: 1px solid #e6e9f2; cursor: pointer; }
  label:last-child { border-bottom: 0; }
  .cf { font-family: "Roboto Mono", monospace; color: #455b71; }
  select { font-size: 1rem; padding: .4rem; }
  button, .cancel { font-size: 1.1rem; padding: .7rem 1.5rem; border-radius: 4px; margin-right: 1rem; }
  button { background: #0066cc; color: #fff; border: 0; cursor: pointer; }
  .cancel { color: #004d99; display: inline-block; }
  :focus-visible { outline: 3px solid #ff9900; outline-offset: 2px; }
`;

export function loginPage(p: AuthorizeParams, cancelUrl: string): string {
  const name = p.provider === 'cie' ? "Carta d'Identità Elettronica (CIE)" : 'SPID';
  const hidden = (Object.keys(p) as Array<keyof AuthorizeParams>).map((k) => `<input type="hidden" name="${k}" value="${esc(p[k])}">`).join('');
  const people = TEST_IDENTITIES.map(
    (t, i) =>
      `<label><input type="radio" name="identity" value="${t.fiscalCode}"${i === 0 ? ' checked' : ''}> ${esc(t.givenName)} ${esc(t.familyName)} — <span class="cf">${t.fiscalCode}</span>, ${esc(t.address.locality)}</label>`,
  ).join('');
  // Level 1 is offered to see the refusal: the comune asks for level 2 at least.
  const chosen = p.provider === 'cie' ? 3 : 2;
  const options = [1, 2, 3].map((n) => `<option value="${n}"${n === chosen ? ' selected' : ''}>Livello ${n}</option>`).join('');
  const level = `<p><label for="level" style="display:inline;border:0;padding:0">Livello di sicurezza ${p.provider === 'cie' ? 'CIE' : 'SPID'}</label>
         <select id="level" name="level">${options}</select></p>`;
  return `<!doctype html>
<html lang="it"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Accesso di prova con ${esc(name)} — Sportello</title><style>${STYLE}</style></head>
<body>
<div class="warning" role="note">AMBIENTE DI PROVA: identità fittizie. Questo non è ${esc(name)}: in produzione l'accesso passa dal gestore di identità del Comune.</div>
<main>
<h1>Entra con ${esc(name)} (prova)</h1>
<p>Scegli una persona di prova. I dati (codice fiscale, nascita, residenza, email) arrivano al Comune come da un vero gestore di identità.</p>
<form method="post" action="authorize">
${hidden}
<fieldset><legend>Identità di prova</legend>${people}</fieldset>
${level}
<button type="submit">Entra</button><a class="cancel" href="${esc(cancelUrl)}">Annulla</a>
</form>
</main>
</body></html>`;
}
