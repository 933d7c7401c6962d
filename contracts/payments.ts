// pagoPA payments over HTTP: the citizen's "Pagamenti" (positions to pay, paid, expired; the notice
// and receipt PDFs; the checkout), the officers' payments (create for a citizen, list, mark as paid,
// cancel, anomalies), and the local pagoPA simulator's checkout page. Amounts are whole euro cents.
import { Type, type Static } from 'typebox';
import { IsoDate, IsoDateTime, Line, Name, TenantParams, Text, Uuid } from './common.ts';

export const PaymentStatus = Type.Union([Type.Literal('draft'), Type.Literal('payable'), Type.Literal('paid'), Type.Literal('expired'), Type.Literal('cancelled')]);
export type PaymentStatus = Static<typeof PaymentStatus>;

export const PaymentOrigin = Type.Union([Type.Literal('desk'), Type.Literal('application'), Type.Literal('certificate'), Type.Literal('fine'), Type.Literal('other')]);
export type PaymentOrigin = Static<typeof PaymentOrigin>;

/** A person's fiscal code (16) or a company's VAT number (11 digits). */
export const DebtorFiscalCode = Type.String({ pattern: '^([A-Za-z0-9]{16}|[0-9]{11})$', description: 'Codice fiscale or partita IVA' });
export const AmountCents = Type.Integer({ minimum: 1, maximum: 999_999_999, description: 'Euro cents' });

export const PaymentOption = Type.Object({
  id: Uuid,
  /** 0: the single payment; 1..n: instalments. */
  instalment: Type.Integer(),
  nav: Type.String({ description: 'Notice number (codice avviso), 18 digits' }),
  iuv: Type.String(),
  amountCents: Type.Integer(),
  dueOn: IsoDate,
  status: Type.Union([Type.Literal('payable'), Type.Literal('paid'), Type.Literal('cancelled')]),
  paidAt: Type.Union([IsoDateTime, Type.Null()]),
});

export const Payment = Type.Object({
  id: Uuid,
  description: Type.String(),
  kind: Type.String(),
  kindLabel: Type.String(),
  origin: PaymentOrigin,
  applicationId: Type.Union([Uuid, Type.Null()]),
  amountCents: Type.Integer(),
  dueOn: IsoDate,
  status: PaymentStatus,
  nav: Type.String({ description: 'The first option’s notice number' }),
  iuv: Type.String(),
  createdAt: IsoDateTime,
  paidAt: Type.Union([IsoDateTime, Type.Null()]),
  paidVia: Type.Union([Type.Literal('pagopa'), Type.Literal('offline'), Type.Null()]),
  options: Type.Array(PaymentOption),
  /** Whether it can be put in a checkout now (payable or expired, provider reachable). */
  canPay: Type.Boolean(),
  noticeUrl: Type.String(),
  receiptUrl: Type.Union([Type.String(), Type.Null()]),
});
export type Payment = Static<typeof Payment>;

export const PaymentList = Type.Object({
  payments: Type.Array(Payment),
  simulator: Type.Boolean({ description: 'Payments go to the local pagoPA simulator (AMBIENTE DI PROVA)' }),
});
export const PaymentParams = Type.Object({ ...TenantParams.properties, id: Uuid });

export const CheckoutRequest = Type.Object({ paymentIds: Type.Array(Uuid, { minItems: 1, maxItems: 5, uniqueItems: true }) }, { additionalProperties: false });
export const CheckoutCreated = Type.Object({ checkoutId: Uuid, checkoutUrl: Type.String() });

export const CheckoutOutcome = Type.Union([Type.Literal('ok'), Type.Literal('cancelled'), Type.Literal('error')]);
export const CheckoutReturn = Type.Object({ outcome: CheckoutOutcome }, { additionalProperties: false });
/** Where a trip to the checkout stands, for the page the citizen comes back to. */
export const CheckoutView = Type.Object({
  id: Uuid,
  /** paid: every notice paid; waiting: back from the checkout, receipt not arrived yet; cancelled, failed: nothing paid. */
  state: Type.Union([Type.Literal('paid'), Type.Literal('waiting'), Type.Literal('cancelled'), Type.Literal('failed'), Type.Literal('started')]),
  payments: Type.Array(Payment),
});
export const CheckoutParams = Type.Object({ ...TenantParams.properties, checkoutId: Uuid });

// Officers
export const PaymentCreate = Type.Object(
  {
    debtor: Type.Object(
      {
        fiscalCode: DebtorFiscalCode,
        name: Name({ minLength: 1, maxLength: 70 }),
        email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
        address: Type.Optional(Line({ minLength: 1, maxLength: 140 })),
      },
      { additionalProperties: false },
    ),
    amountCents: AmountCents,
    description: Name({ minLength: 1, maxLength: 140 }),
    dueDate: IsoDate,
    kind: Line({ minLength: 1, maxLength: 40 }),
    /** Split in this many instalments (2–12), each with its notice number; absent: one payment. */
    instalments: Type.Optional(Type.Integer({ minimum: 2, maximum: 12 })),
  },
  { additionalProperties: false },
);
export type PaymentCreate = Static<typeof PaymentCreate>;

export const PaymentCreated = Type.Object({ id: Uuid, nav: Type.String(), iuv: Type.String(), amountCents: Type.Integer(), status: PaymentStatus, noticeUrl: Type.String() });

export const MarkPaid = Type.Object(
  { reference: Line({ minLength: 1, maxLength: 100, description: "The receipt's reference (bank, post office, tabaccheria)" }), note: Type.Optional(Text({ maxLength: 1000 })) },
  { additionalProperties: false },
);
export const CancelPayment = Type.Object({ reason: Name({ minLength: 3, maxLength: 500 }) }, { additionalProperties: false });

export const OfficerPaymentQuery = Type.Object(
  {
    status: Type.Optional(PaymentStatus),
    q: Type.Optional(Line({ maxLength: 100, description: 'Fiscal code, name, notice number, IUV or description' })),
    kind: Type.Optional(Line({ maxLength: 40 })),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  },
  { additionalProperties: false },
);

export const PaymentHistoryEntry = Type.Object({
  at: IsoDateTime,
  action: Type.String(),
  label: Type.String(),
  by: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
});
export const PaymentReceipt = Type.Object({
  id: Type.String(),
  receiptId: Type.String(),
  source: Type.Union([Type.Literal('pagopa'), Type.Literal('offline')]),
  iuv: Type.String(),
  amountCents: Type.Integer(),
  paidAt: IsoDateTime,
  psp: Type.Union([Type.String(), Type.Null()]),
  reference: Type.Union([Type.String(), Type.Null()]),
  outcome: Type.String(),
  outcomeLabel: Type.String(),
  reviewedAt: Type.Union([IsoDateTime, Type.Null()]),
});

export const OfficerPayment = Type.Object({
  ...Payment.properties,
  debtor: Type.Object({ fiscalCode: Type.String(), name: Type.String(), email: Type.Union([Type.String(), Type.Null()]), address: Type.Union([Type.String(), Type.Null()]) }),
  cancelReason: Type.Union([Type.String(), Type.Null()]),
  createdBy: Type.Union([Type.String(), Type.Null()]),
});
export type OfficerPayment = Static<typeof OfficerPayment>;
export const OfficerPaymentList = Type.Object({ payments: Type.Array(OfficerPayment), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });
export const OfficerPaymentDetail = Type.Object({ payment: OfficerPayment, receipts: Type.Array(PaymentReceipt), history: Type.Array(PaymentHistoryEntry) });

export const PaymentAnomaly = Type.Object({ ...PaymentReceipt.properties, paymentId: Type.Union([Uuid, Type.Null()]), description: Type.Union([Type.String(), Type.Null()]) });
export const PaymentAnomalies = Type.Object({ anomalies: Type.Array(PaymentAnomaly) });
export const ReviewAnomaly = Type.Object({ note: Text({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false });
export const AnomalyParams = Type.Object({ ...TenantParams.properties, receiptId: Type.String({ pattern: '^[0-9]{1,18}$' }) });

export const IncomeKindView = Type.Object({ code: Type.String(), label: Type.String() });
export const PaymentSettingsView = Type.Object({
  configured: Type.Boolean(),
  provider: Type.Union([Type.Literal('simulator'), Type.Literal('pagopa'), Type.Null()]),
  kinds: Type.Array(IncomeKindView),
});

// The local pagoPA simulator's checkout page (AMBIENTE DI PROVA)
export const SimCartParams = Type.Object({ cartId: Uuid });
export const SimCart = Type.Object({
  id: Uuid,
  closed: Type.Boolean(),
  notices: Type.Array(Type.Object({ noticeNumber: Type.String(), fiscalCode: Type.String(), amount: Type.Integer(), companyName: Type.String(), description: Type.String() })),
  totalCents: Type.Integer(),
  cancelUrl: Type.String(),
});
export const SimCartOutcome = Type.Union([Type.Literal('paid'), Type.Literal('failed'), Type.Literal('cancelled'), Type.Literal('paid_late'), Type.Literal('paid_twice')]);
export const SimPay = Type.Object({ outcome: SimCartOutcome }, { additionalProperties: false });
export const SimRedirect = Type.Object({ redirectUrl: Type.String() });

/** A comune's pagoPA settings, as the installer writes them (`npm run sportello -- comune payments`). */
export const CreditorFile = Type.Object(
  {
    fiscalCode: Type.String({ pattern: '^[0-9]{11}$', description: "The creditor's fiscal code (ENTE.CF): the comune's, or the body that collects for it" }),
    name: Type.Optional(Type.String({ minLength: 2, maxLength: 100, description: 'ENTE.NOME on notices (default: the comune’s name)' })),
    sector: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: 'ENTE.SETTORE, e.g. "Servizi Finanziari"' })),
    info: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'ENTE.INFO: website, contacts' })),
    segregationCode: Type.String({ pattern: '^[0-9]{2}$', description: 'The segregation code pagoPA assigned (not 97, 98, 99)' }),
    cbill: Type.Optional(Type.String({ pattern: '^[A-Z0-9]{5}$' })),
    ibans: Type.Array(Type.Object({ iban: Type.String({ minLength: 15, maxLength: 40 }), label: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false }), {
      minItems: 1,
      maxItems: 20,
    }),
    kinds: Type.Array(
      Type.Object(
        {
          code: Type.String({ pattern: '^[a-z0-9-]{1,40}$' }),
          label: Type.String({ minLength: 1, maxLength: 100 }),
          taxonomy: Type.String({ minLength: 1, maxLength: 40 }),
          iban: Type.String({ minLength: 15, maxLength: 40 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 100 },
    ),
    provider: Type.Union([Type.Literal('simulator'), Type.Literal('pagopa')]),
    endpoints: Type.Optional(
      Type.Object(
        {
          gpdUrl: Type.Optional(Type.String({ format: 'uri' })),
          receiptsUrl: Type.Optional(Type.String({ format: 'uri' })),
          checkoutUrl: Type.Optional(Type.String({ format: 'uri' })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type CreditorFile = Static<typeof CreditorFile>;

/** The admins' page: the settings, and whether the server holds the comune's pagoPA keys. */
export const CreditorSettings = Type.Object({
  settings: Type.Union([CreditorFile, Type.Null()]),
  keys: Type.Object({ gpd: Type.Boolean(), receipts: Type.Boolean() }),
});
