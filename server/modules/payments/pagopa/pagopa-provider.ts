// pagoPA itself: GPD (debt positions), the GPD receipts API and Checkout, over HTTPS with the comune's
// subscription keys (PAGOPA_KEYS) and endpoints (payment_creditors.provider_config; pagoPA's
// production addresses by default, UAT ones for the comune's tests). Request and response types come
// from pagoPA's OpenAPI documents (./generated, `npm run gen:pagopa`). Every call has a timeout;
// anything but the documented answers becomes ProviderUnavailable, and the caller retries later.
import type { components as Gpd, operations as GpdOps } from './generated/gpd.ts';
import type { operations as ReceiptOps } from './generated/gpd-receipts.ts';
import { type CartRequest, type GpdPosition, type PaymentProvider, type ProviderReceipt, ProviderUnavailable } from '../provider.ts';

export const PAGOPA_DEFAULT_ENDPOINTS = {
  gpdUrl: 'https://api.platform.pagopa.it/gpd/debt-positions-service/v1',
  receiptsUrl: 'https://api.platform.pagopa.it/gpd/payments-receipts-service/v1',
  checkoutUrl: 'https://api.platform.pagopa.it/checkout/ec/v1',
} as const;

export interface PagoPaSettings {
  organization: string;
  endpoints: { gpdUrl: string; receiptsUrl: string; checkoutUrl: string };
  keys: { gpd: string | undefined; receipts: string | undefined };
  timeoutMs?: number;
  fetch?: typeof fetch;
}

type PositionResponse = GpdOps['getOrganizationDebtPositionByIUPD']['responses'][200]['content']['application/json'];
type ReceiptList = ReceiptOps['getOrganizationReceipts']['responses'][200]['content']['application/json'];
type OptionResponse = Gpd['schemas']['PaymentOptionModelResponse'];

export class PagoPaProvider implements PaymentProvider {
  readonly kind = 'pagopa' as const;
  private readonly fetch: typeof fetch;

  constructor(private readonly s: PagoPaSettings) {
    this.fetch = s.fetch ?? fetch;
  }

  private org(): string {
    return encodeURIComponent(this.s.organization);
  }

  private async call(base: 'gpd' | 'receipts' | 'checkout', path: string, init: { method: string; body?: unknown; accept?: string }): Promise<Response> {
    const url = `${base === 'gpd' ? this.s.endpoints.gpdUrl : base === 'receipts' ? this.s.endpoints.receiptsUrl : this.s.endpoints.checkoutUrl}${path}`;
    const key = base === 'gpd' ? this.s.keys.gpd : base === 'receipts' ? this.s.keys.receipts : undefined;
    if (base !== 'checkout' && !key) throw new ProviderUnavailable(`no pagoPA ${base} key for ${this.s.organization} (PAGOPA_KEYS)`);
    try {
      return await this.fetch(url, {
        method: init.method,
        redirect: 'manual',
        headers: {
          accept: init.accept ?? 'application/json',
          ...(key ? { 'ocp-apim-subscription-key': key } : {}),
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
        signal: AbortSignal.timeout(this.s.timeoutMs ?? 10_000),
      });
    } catch (err) {
      throw new ProviderUnavailable(`pagoPA ${base} unreachable: ${(err as Error).message}`);
    }
  }

  private static async fail(res: Response, what: string): Promise<never> {
    const text = await res.text().catch(() => '');
    throw new ProviderUnavailable(`pagoPA ${what}: HTTP ${res.status} ${text.slice(0, 300)}`, res.status);
  }

  async publish(position: GpdPosition): Promise<void> {
    const res = await this.call('gpd', `/organizations/${this.org()}/debtpositions?toPublish=true`, { method: 'POST', body: position });
    // 409: a duplicate debt position, i.e. published by an earlier attempt.
    if (res.status === 201 || res.status === 409) return void (await res.body?.cancel());
    await PagoPaProvider.fail(res, 'createPosition');
  }

  async invalidate(iupd: string): Promise<void> {
    const res = await this.call('gpd', `/organizations/${this.org()}/debtpositions/${encodeURIComponent(iupd)}/invalidate`, { method: 'POST' });
    if (res.ok || res.status === 409) return void (await res.body?.cancel());
    await PagoPaProvider.fail(res, 'invalidatePosition');
  }

  async markPaidElsewhere(nav: string): Promise<void> {
    const res = await this.call('gpd', `/organizations/${this.org()}/paymentoptions/paids/${encodeURIComponent(nav)}`, { method: 'POST', body: {} });
    if (res.ok || res.status === 409) return void (await res.body?.cancel());
    await PagoPaProvider.fail(res, 'setPaymentOptionAsAlreadyPaid');
  }

  async openCart(cart: CartRequest): Promise<string> {
    const res = await this.call('checkout', '/carts', { method: 'POST', body: cart });
    const location = res.headers.get('location');
    if (res.status === 302 && location) {
      await res.body?.cancel();
      return location;
    }
    return PagoPaProvider.fail(res, 'PostCarts');
  }

  async receiptsOf(iupd: string): Promise<ProviderReceipt[]> {
    const res = await this.call('gpd', `/organizations/${this.org()}/debtpositions/${encodeURIComponent(iupd)}`, { method: 'GET' });
    if (res.status === 404) return [];
    if (!res.ok) return PagoPaProvider.fail(res, 'getOrganizationDebtPositionByIUPD');
    const position = (await res.json()) as PositionResponse;
    return (position.paymentOption ?? []).filter(isPaid).map((o) => ({
      receiptId: o.idReceipt ?? `gpd:${o.iuv}`,
      iuv: o.iuv ?? '',
      amountCents: o.amount ?? 0,
      paidAt: new Date(o.paymentDate ?? Date.now()),
      psp: o.pspCompany ?? null,
      payer: null,
      raw: o,
    }));
  }

  async receiptsBetween(from: Date, to: Date): Promise<ProviderReceipt[]> {
    const out: ProviderReceipt[] = [];
    for (let page = 0; page < 50; page++) {
      const q = new URLSearchParams({ from: day(from), to: day(to), pageNum: String(page), pageSize: '100' });
      const res = await this.call('receipts', `/payments/${this.org()}/receipts?${q}`, { method: 'GET' });
      if (res.status === 404) break;
      if (!res.ok) return PagoPaProvider.fail(res, 'getOrganizationReceipts');
      const list = (await res.json()) as ReceiptList;
      for (const item of list.results as { iuv?: string }[]) {
        if (item.iuv) out.push(await this.receiptByIuv(item.iuv));
      }
      if (page + 1 >= (list.totalPages ?? 1)) break;
    }
    return out;
  }

  /** The stored receipt (pagoPA's paSendRT document, XML) of one IUV, reduced to its key fields. */
  private async receiptByIuv(iuv: string): Promise<ProviderReceipt> {
    const res = await this.call('receipts', `/payments/${this.org()}/receipts/${encodeURIComponent(iuv)}`, { method: 'GET', accept: 'application/xml' });
    if (!res.ok) return PagoPaProvider.fail(res, 'getReceiptByIUV');
    const xml = await res.text();
    const amount = xmlField(xml, 'paymentAmount');
    return {
      receiptId: xmlField(xml, 'receiptId') ?? `iuv:${iuv}`,
      iuv,
      amountCents: amount ? Math.round(Number(amount) * 100) : 0,
      paidAt: new Date(xmlField(xml, 'paymentDateTime') ?? Date.now()),
      psp: xmlField(xml, 'pspCompanyName'),
      payer: xmlField(xml, 'fullName'),
      raw: { xml: xml.slice(0, 20_000) },
    };
  }
}

const isPaid = (o: OptionResponse) => o.status === 'PO_PAID' || o.status === 'PO_PARTIALLY_REPORTED' || o.status === 'PO_REPORTED';
const day = (d: Date) => d.toISOString().slice(0, 19);

/** The text of the first element with this local name (namespace prefixes ignored); null if absent. */
export function xmlField(xml: string, name: string): string | null {
  const m = new RegExp(`<(?:[A-Za-z0-9_]+:)?${name}(?:\\s[^>]*)?>([^<]*)</(?:[A-Za-z0-9_]+:)?${name}>`).exec(xml);
  return m ? m[1]!.trim() : null;
}
