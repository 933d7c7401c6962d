// The pagoPA payments' error answers (contracts/errors.ts spreads them into the catalogue,
// where their shape is checked).

export const PAYMENT_ERRORS = {
  APPLICATION_FEE_UNPAID: {
    status: 409,
    it: 'Per inviare la domanda paga prima i {amount} euro previsti con pagoPA.',
    en: 'Pay the {amount} euro fee with pagoPA before sending the application.',
  },
  APPLICATION_FEE_PAID: {
    status: 409,
    it: 'Hai già pagato per questa domanda: non si può eliminare. Inviala, oppure scrivi all’ufficio.',
    en: 'The fee for this application is paid: it cannot be deleted. Send it, or write to the office.',
  },
  PAYMENTS_NOT_CONFIGURED: {
    status: 409,
    it: 'Il Comune non ha ancora attivato i pagamenti pagoPA.',
    en: 'The municipality has not set up pagoPA payments yet.',
  },
  PAYMENT_NOT_PAYABLE: {
    status: 409,
    it: 'Il pagamento "{description}" non si può pagare: è {status}.',
    en: 'Payment "{description}" cannot be paid: it is {status}.',
  },
  PAYMENT_STATE_CONFLICT: {
    status: 409,
    it: 'Il pagamento è già {status}.',
    en: 'The payment is already {status}.',
  },
  PAYMENT_PARTIALLY_PAID: {
    status: 409,
    it: 'Alcune rate sono già pagate: la posizione non si può annullare.',
    en: 'Some instalments are already paid: the position cannot be cancelled.',
  },
  PAYMENT_PROVIDER_UNAVAILABLE: {
    status: 503,
    it: 'Il sistema pagoPA non risponde in questo momento. Riprova tra qualche minuto: non ti è stato addebitato nulla.',
    en: 'pagoPA is not answering right now. Try again in a few minutes: you have not been charged.',
  },
  PAYMENT_KIND_UNKNOWN: {
    status: 400,
    it: 'Il tipo di entrata "{kind}" non è tra quelli configurati dal Comune.',
    en: 'Income kind "{kind}" is not one the municipality configured.',
  },
} as const;
