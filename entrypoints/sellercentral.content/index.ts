import { SELLER_CENTRAL_MATCH_PATTERNS } from '@/core/sellercentral-hosts';

export default defineContentScript({
  matches: [...SELLER_CENTRAL_MATCH_PATTERNS],
  runAt: 'document_idle',
  main() {},
});
