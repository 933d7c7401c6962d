// From an OpenID Connect identity to a citizen. SPID and CIE gateways name their claims after the
// italian eID attribute set (https://attributes.eid.gov.it/…); generic brokers (Keycloak, Satosa in
// plain mode) use OpenID's standard names or SPID's SAML ones. The first name found wins.
import { isValidFiscalCode, normalizeFiscalCode } from '../../../../contracts/forms/fiscal-code.ts';

const EID = 'https://attributes.eid.gov.it/';

export interface CitizenIdentity {
  fiscalCode: string;
  givenName: string;
  familyName: string;
  birthDate: string | null;
  birthPlace: string | null;
  residenceAddress: string | null;
  email: string | null;
  phone: string | null;
  /** The level of assurance 1-3 from `acr` (SPID and CIE alike); null when not stated. */
  level: number | null;
  /** The same for a SPID login (kept with the citizen and shown); null for CIE. */
  spidLevel: number | null;
}

export type ClaimsProblem = 'missing_fiscal_code' | 'invalid_fiscal_code' | 'missing_name';

function first(claims: Record<string, unknown>, names: string[]): string | null {
  for (const n of names) {
    const v = claims[n];
    if (typeof v === 'string' && v.trim()) return v.trim();
  }
  return null;
}

function address(claims: Record<string, unknown>): string | null {
  const a = claims.address ?? claims[`${EID}address`];
  if (typeof a === 'string') return a.trim() || null;
  if (a && typeof a === 'object') {
    const o = a as Record<string, unknown>;
    if (typeof o.formatted === 'string' && o.formatted.trim()) return o.formatted.trim();
    const parts = [o.street_address, [o.postal_code, o.locality].filter(Boolean).join(' '), o.region].filter((p): p is string => typeof p === 'string' && p.trim() !== '');
    return parts.length ? parts.join(', ') : null;
  }
  return null;
}

/**
 * The level of assurance an `acr` value states: https://www.spid.gov.it/SpidL2 → 2. SPID and CIE id
 * use the same values in their OpenID Connect profile (the OP's acr_values_supported lists SpidL1-3
 * for both federations: italia/spid-cie-oidc-docs, "Metadata OP"); anything else states no level.
 */
export function assuranceLevel(acr: unknown): number | null {
  const m = typeof acr === 'string' ? /^https:\/\/www\.spid\.gov\.it\/SpidL([123])$/.exec(acr) : null;
  return m ? Number(m[1]) : null;
}

export function identityFromClaims(claims: Record<string, unknown>, provider: 'spid' | 'cie' = 'spid'): CitizenIdentity | ClaimsProblem {
  const raw = first(claims, [`${EID}fiscal_number`, 'fiscal_number', 'fiscalNumber', 'fiscal_code', 'codice_fiscale']);
  if (!raw) return 'missing_fiscal_code';
  const fiscalCode = normalizeFiscalCode(raw);
  if (!isValidFiscalCode(fiscalCode)) return 'invalid_fiscal_code';
  const givenName = first(claims, ['given_name', 'name_given', 'name']);
  const familyName = first(claims, ['family_name', 'familyName', 'surname']);
  if (!givenName || !familyName) return 'missing_name';
  return {
    fiscalCode,
    givenName,
    familyName,
    birthDate: first(claims, ['birthdate', 'date_of_birth', 'dateOfBirth']),
    birthPlace: first(claims, ['place_of_birth', 'placeOfBirth', `${EID}place_of_birth`]),
    residenceAddress: address(claims),
    email: first(claims, ['email', `${EID}email`]),
    phone: first(claims, ['phone_number', `${EID}phone_number`, 'mobilePhone']),
    level: assuranceLevel(claims.acr),
    spidLevel: provider === 'spid' ? assuranceLevel(claims.acr) : null,
  };
}
