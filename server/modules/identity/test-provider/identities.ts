// The test identities of the embedded provider: fictitious people with valid fiscal codes, birth
// data, a residence in the demo comuni and an email, as a SPID or CIE gateway would assert them.
// The claims use the italian eID attribute names, as the real gateways do.

export interface TestIdentity {
  fiscalCode: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  birthPlace: string;
  address: { street_address: string; postal_code: string; locality: string; region: string };
  email: string;
  phone: string;
}

export const TEST_IDENTITIES: TestIdentity[] = [
  {
    fiscalCode: 'RSSMRA85T10A562S',
    givenName: 'Mario',
    familyName: 'Rossi',
    birthDate: '1985-12-10',
    birthPlace: 'Bagni di Lucca (LU)',
    address: { street_address: 'Via Sparano da Bari 1', postal_code: '70121', locality: 'Bari', region: 'BA' },
    email: 'mario.rossi@example.it',
    phone: '+393331234567',
  },
  {
    fiscalCode: 'SPSNNA90D55A662O',
    givenName: 'Anna',
    familyName: 'Esposito',
    birthDate: '1990-04-15',
    birthPlace: 'Bari (BA)',
    address: { street_address: 'Corso Cavour 120', postal_code: '70122', locality: 'Bari', region: 'BA' },
    email: 'anna.esposito@example.it',
    phone: '+393471112233',
  },
  {
    fiscalCode: 'FRRMRC78P02A893Y',
    givenName: 'Marco',
    familyName: 'Ferrante',
    birthDate: '1978-09-02',
    birthPlace: 'Bitonto (BA)',
    address: { street_address: 'Via Matteotti 14', postal_code: '70032', locality: 'Bitonto', region: 'BA' },
    email: 'marco.ferrante@example.it',
    phone: '+393289876543',
  },
  {
    fiscalCode: 'FNLLCU65A60A662Q',
    givenName: 'Lucia',
    familyName: 'Fanelli',
    birthDate: '1965-01-20',
    birthPlace: 'Bari (BA)',
    address: { street_address: 'Via Napoli 310', postal_code: '70123', locality: 'Bari', region: 'BA' },
    email: 'lucia.fanelli@example.it',
    phone: '+393405551212',
  },
  {
    fiscalCode: 'DPLNCL48L31A662B',
    givenName: 'Nicola',
    familyName: 'De Palma',
    birthDate: '1948-07-31',
    birthPlace: 'Bari (BA)',
    address: { street_address: 'Largo Adua 3', postal_code: '70121', locality: 'Bari', region: 'BA' },
    email: 'nicola.depalma@example.it',
    phone: '+393356667788',
  },
  {
    fiscalCode: 'CLLSRA01S45F284A',
    givenName: 'Sara',
    familyName: 'Colella',
    birthDate: '2001-11-05',
    birthPlace: 'Molfetta (BA)',
    address: { street_address: 'Piazza Cavour 5', postal_code: '70032', locality: 'Bitonto', region: 'BA' },
    email: 'sara.colella@example.it',
    phone: '+393479990001',
  },
];

const EID = 'https://attributes.eid.gov.it/';

/** The claims a SPID/CIE OpenID Connect gateway sends for this person. */
export function claimsOf(p: TestIdentity): Record<string, unknown> {
  return {
    [`${EID}fiscal_number`]: `TINIT-${p.fiscalCode}`,
    given_name: p.givenName,
    family_name: p.familyName,
    birthdate: p.birthDate,
    place_of_birth: p.birthPlace,
    address: { ...p.address, formatted: `${p.address.street_address}, ${p.address.postal_code} ${p.address.locality} (${p.address.region})` },
    email: p.email,
    email_verified: true,
    phone_number: p.phone,
  };
}
