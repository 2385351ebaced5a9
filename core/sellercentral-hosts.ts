/**
 * Every Amazon Seller Central host the product supports (shared/BRIEF.md). One table serves the manifest's
 * content-script matches, the match engine's exact host check and the tests that pin both to each other.
 */
export const SELLER_CENTRAL_TLDS = [
  'com',
  'ca',
  'com.mx',
  'com.br',
  'co.uk',
  'de',
  'fr',
  'it',
  'es',
  'nl',
  'se',
  'pl',
  'com.be',
  'com.tr',
  'ae',
  'sa',
  'eg',
  'in',
  'co.jp',
  'com.au',
  'sg',
  'ie',
  'co.za',
] as const;

export const SELLER_CENTRAL_HOSTS: readonly string[] = [
  ...SELLER_CENTRAL_TLDS.map((tld) => `sellercentral.amazon.${tld}`),
  'sellercentral-europe.amazon.com',
  'sellercentral-japan.amazon.com',
];

/** Match patterns for the manifest: one per host, https only. */
export const SELLER_CENTRAL_MATCH_PATTERNS: readonly string[] = SELLER_CENTRAL_HOSTS.map(
  (host) => `https://${host}/*`,
);

export function isSellerCentralHost(hostname: string): boolean {
  return SELLER_CENTRAL_HOSTS.includes(hostname.toLowerCase().replace(/\.$/, ''));
}
