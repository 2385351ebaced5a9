/**
 * The built-in Seller Central page map: the pages sellers meet daily, each as a topic with the paths it lives
 * under and the words Seller Central (and sellers) use for it in English, Chinese, German, Japanese, French,
 * Spanish and Italian. It is what lets a guide tagged `退货` fit `/returns` while the page speaks German: the
 * page's URL or text names a topic, the guide's title, tags or keywords name a topic, and the two meet here.
 *
 * Paths are examples seen in the wild, not a closed list (Seller Central moves pages); words are matched at
 * a word start for Latin scripts and as substrings for CJK (see text.ts). Keep words specific: a word that
 * appears on every page (e.g. "Amazon") would make every page look like every topic.
 */

export type PageLanguage = 'en' | 'zh' | 'de' | 'ja' | 'fr' | 'es' | 'it';

export interface PageTopic {
  id: string;
  /** Path globs (`*` = any run), case-insensitive. */
  paths: string[];
  words: Record<PageLanguage, string[]>;
  /**
   * An umbrella topic (e.g. all of FBA): its path matches count half, so the specific page (Send to Amazon)
   * outranks the area it belongs to.
   */
  broad?: boolean;
  /** Topics close enough that a guide on one is a fair (half-weight) fit on the other. */
  related?: string[];
}

export const PAGE_MAP: readonly PageTopic[] = [
  {
    id: 'sign-in',
    paths: ['/ap/signin*', '/signin*', '/ap/register*'],
    related: ['password', 'two-step'],
    words: {
      en: ['sign in', 'sign-in', 'signin', 'log in', 'login'],
      zh: ['登录', '登入'],
      de: ['anmelden', 'anmeldung'],
      ja: ['ログイン', 'サインイン'],
      fr: ['connexion', 'se connecter', 'identifiez-vous', 'identifiant'],
      es: ['iniciar sesion', 'identificate'],
      it: ['accedi', 'accesso'],
    },
  },
  {
    id: 'password',
    paths: ['/ap/forgotpassword*', '/ap/changepassword*', '/ap/reset-password*', '/ap/cnep*'],
    related: ['sign-in'],
    words: {
      en: ['password', 'forgot password', 'reset password'],
      zh: ['密码', '忘记密码', '重置密码', '找回密码'],
      de: ['passwort', 'kennwort'],
      ja: ['パスワード'],
      fr: ['mot de passe'],
      es: ['contrasena'],
      it: ['password'],
    },
  },
  {
    id: 'two-step',
    paths: ['/ap/mfa*', '/ap/cvf*', '/ap/accountfixup*', '/ap/two-step*'],
    related: ['sign-in'],
    words: {
      en: ['two-step verification', 'two-step', '2-step', 'verification code', 'otp', 'authenticator'],
      zh: ['两步验证', '二步验证', '验证码', '身份验证'],
      de: ['zwei-schritt', 'bestatigungscode', 'verifizierungscode'],
      ja: ['2段階認証', '２段階認証', '確認コード', '認証コード'],
      fr: ['verification en deux etapes', 'code de verification'],
      es: ['verificacion en dos pasos', 'codigo de verificacion'],
      it: ['verifica in due passaggi', 'codice di verifica'],
    },
  },
  {
    id: 'inventory',
    paths: ['/inventory*', '/myinventory*', '/hz/inventory*', '/inventoryplanning*', '/listing/*'],
    words: {
      en: ['inventory', 'listings', 'stranded'],
      zh: ['库存', '商品管理', '滞留'],
      de: ['lagerbestand', 'bestand', 'inventar'],
      ja: ['在庫'],
      fr: ['inventaire', 'stock'],
      es: ['inventario', 'existencias'],
      it: ['inventario', 'magazzino', 'scorte'],
    },
  },
  {
    id: 'send-to-amazon',
    paths: ['/fba/sendtoamazon*', '/fba/send-to-amazon*', '/gp/fba/inbound-shipment-workflow*'],
    related: ['shipments', 'fba'],
    words: {
      en: ['send to amazon', 'send/replenish', 'replenish', 'create shipment', 'shipment plan', 'shipment'],
      zh: ['发货', '补货', '发/补货', '创建货件', '货件', '入库'],
      de: ['versand an amazon', 'an amazon senden', 'sendung erstellen', 'sendung'],
      ja: ['納品', '納品プラン', 'amazonへ納品'],
      fr: ['envoyer a amazon', 'expedier vers amazon', 'expedition'],
      es: ['enviar a amazon', 'envio'],
      it: ['invia ad amazon', 'spedisci ad amazon', 'spedizione'],
    },
  },
  {
    id: 'shipments',
    paths: ['/fba/inbound-queue*', '/gp/fba/inbound-queue*', '/fba/shipments*', '/fba/inbound*'],
    related: ['send-to-amazon', 'fba'],
    words: {
      en: ['shipments', 'shipping queue', 'inbound', 'shipment'],
      zh: ['货件', '货件处理进度', '入库'],
      de: ['sendungen', 'versandwarteschlange', 'sendung'],
      ja: ['納品手続き', '納品状況', '納品'],
      fr: ['expeditions', "file d'attente", 'expedition'],
      es: ['envios', 'cola de envios', 'envio'],
      it: ['spedizioni', 'coda di spedizione', 'spedizione'],
    },
  },
  {
    id: 'fba',
    paths: ['/fba/*', '/gp/fba/*'],
    broad: true,
    related: ['send-to-amazon', 'shipments', 'inventory'],
    words: {
      en: ['fba', 'fulfillment by amazon', 'fulfilment by amazon'],
      zh: ['亚马逊物流', 'fba'],
      de: ['versand durch amazon'],
      ja: ['フルフィルメント', 'fba'],
      fr: ['expedie par amazon', 'expedition par amazon'],
      es: ['logistica de amazon'],
      it: ['logistica di amazon'],
    },
  },
  {
    id: 'orders',
    paths: ['/orders-v3*', '/orders*', '/order/*', '/gp/orders-v2*'],
    words: {
      en: ['orders', 'manage orders', 'order details'],
      zh: ['订单', '管理订单'],
      de: ['bestellungen', 'bestellung'],
      ja: ['注文'],
      fr: ['commandes', 'commande'],
      es: ['pedidos', 'pedido'],
      it: ['ordini', 'ordine'],
    },
  },
  {
    id: 'returns',
    paths: ['/returns*', '/gp/returns*', '/mfn/returns*'],
    words: {
      en: ['returns', 'return request', 'refund'],
      zh: ['退货', '退款', '退换货'],
      de: ['rucksendung', 'retoure', 'erstattung'],
      ja: ['返品', '返金'],
      fr: ['retours', 'retour', 'remboursement'],
      es: ['devoluciones', 'devolucion', 'reembolso'],
      it: ['resi', 'reso', 'rimborso'],
    },
  },
  {
    id: 'account-health',
    paths: ['/performance/dashboard*', '/performance/*', '/account-health*', '/gp/customer-experience/*'],
    words: {
      en: ['account health', 'account status', 'policy violation', 'suspension', 'appeal', 'performance'],
      zh: ['账户状况', '账户健康', '账号健康', '账户表现', '绩效', '申诉', '封号', '停用'],
      de: ['kontozustand', 'kontostatus', 'einspruch'],
      ja: ['アカウント健全性', 'アカウントの健全性', '異議申し立て'],
      fr: ['sante du compte', 'etat du compte'],
      es: ['estado de la cuenta', 'salud de la cuenta'],
      it: ["stato dell'account", "salute dell'account"],
    },
  },
  {
    id: 'payments',
    paths: ['/payments/*', '/payments', '/gp/payments-account/*', '/disbursement*'],
    words: {
      en: ['payments', 'payment', 'disbursement', 'settlement', 'statement'],
      zh: ['付款', '支付', '结算', '回款', '收款', '转账'],
      de: ['zahlungen', 'zahlung', 'auszahlung', 'abrechnung'],
      ja: ['支払い', 'ペイメント', '入金'],
      fr: ['paiements', 'paiement', 'versement'],
      es: ['pagos', 'pago', 'desembolso'],
      it: ['pagamenti', 'pagamento', 'versamento'],
    },
  },
  {
    id: 'advertising',
    paths: ['/cm/*', '/advertising/*', '/sspa/*', '/campaign-manager*'],
    words: {
      en: ['advertising', 'campaign manager', 'campaigns', 'sponsored products', 'ppc'],
      zh: ['广告', '广告活动', '推广'],
      de: ['werbung', 'kampagnen', 'kampagne', 'gesponserte produkte'],
      ja: ['広告', 'キャンペーン', 'スポンサープロダクト'],
      fr: ['publicite', 'campagnes', 'campagne'],
      es: ['publicidad', 'campanas', 'campana'],
      it: ['pubblicita', 'campagne', 'campagna'],
    },
  },
  {
    id: 'messaging',
    paths: ['/messaging/*', '/gp/communication-manager/*'],
    words: {
      en: ['buyer messages', 'buyer-seller messaging', 'messages'],
      zh: ['买家消息', '买家与卖家消息', '消息'],
      de: ['kauferkommunikation', 'kaufernachrichten', 'nachrichten'],
      ja: ['購入者とのメッセージ', 'メッセージ'],
      fr: ["messages de l'acheteur", 'messages'],
      es: ['mensajes del comprador', 'mensajes'],
      it: ["messaggi dell'acquirente", 'messaggi'],
    },
  },
  {
    id: 'brand',
    paths: ['/brands*', '/brand-registry*', '/brandregistry*', '/gp/brand-registry/*'],
    words: {
      en: ['brand registry', 'brand', 'trademark'],
      zh: ['品牌', '品牌注册', '品牌备案', '商标'],
      de: ['markenregistrierung', 'marke', 'markenzeichen'],
      ja: ['ブランド登録', 'ブランド', '商標'],
      fr: ['registre des marques', 'marque'],
      es: ['registro de marcas', 'marca'],
      it: ['registro dei marchi', 'marchio'],
    },
  },
  {
    id: 'tax',
    paths: ['/tax/*', '/tax', '/taxsettings*', '/gp/tax/*', '/vat*'],
    words: {
      en: ['tax', 'vat', 'sales tax', 'tax interview', 'tax settings'],
      zh: ['税', '增值税', '税务', '税号'],
      de: ['steuer', 'umsatzsteuer', 'ust', 'mehrwertsteuer'],
      ja: ['税', '消費税', '税務'],
      fr: ['taxe', 'tva', 'impot', 'fiscal'],
      es: ['impuesto', 'iva', 'fiscal'],
      it: ['imposta', 'iva', 'fiscale'],
    },
  },
  {
    id: 'reports',
    paths: ['/business-reports*', '/gp/site-metrics/*', '/reportcentral*', '/brand-analytics*'],
    words: {
      en: ['business reports', 'reports', 'brand analytics'],
      zh: ['业务报告', '报告', '数据报告'],
      de: ['geschaftsberichte', 'berichte'],
      ja: ['ビジネスレポート', 'レポート'],
      fr: ['rapports commerciaux', 'rapports'],
      es: ['informes empresariales', 'informes'],
      it: ['report sulle vendite', 'report'],
    },
  },
  {
    id: 'pricing',
    paths: ['/pricing/*', '/automatepricing*', '/pricinghealth*'],
    words: {
      en: ['pricing', 'price', 'buy box', 'featured offer'],
      zh: ['定价', '价格', '购物车', '黄金购物车'],
      de: ['preisgestaltung', 'preis', 'preise'],
      ja: ['価格', 'カート'],
      fr: ['tarification', 'prix'],
      es: ['precios', 'precio'],
      it: ['prezzi', 'prezzo'],
    },
  },
  {
    id: 'add-product',
    paths: ['/product-search*', '/abis/*', '/productsearch*', '/listing/add*'],
    related: ['inventory'],
    words: {
      en: ['add a product', 'add products', 'create listing', 'new listing'],
      zh: ['添加商品', '上架', '新品', '添加新商品', '创建商品'],
      de: ['produkt hinzufugen', 'angebot erstellen'],
      ja: ['商品登録', '出品'],
      fr: ['ajouter un produit', 'creer une offre'],
      es: ['anadir un producto', 'crear oferta'],
      it: ['aggiungi un prodotto', 'crea offerta'],
    },
  },
  {
    id: 'support',
    paths: ['/cu/*', '/help/hub/support*', '/gp/case-dashboard/*', '/case-log*'],
    words: {
      en: ['case log', 'contact us', 'seller support', 'open a case'],
      zh: ['案例日志', '联系我们', '卖家支持', '开case', '开 case'],
      de: ['fallprotokoll', 'kontaktieren sie uns', 'verkaufer-support'],
      ja: ['ケースログ', 'お問い合わせ', 'テクニカルサポート'],
      fr: ['journal des dossiers', 'nous contacter'],
      es: ['registro de casos', 'contactanos'],
      it: ['registro dei casi', 'contattaci'],
    },
  },
  {
    id: 'account-info',
    paths: ['/sw/accountinfo*', '/settings/*', '/gp/account-info*', '/hz/sc/account-info*'],
    words: {
      en: ['account info', 'account settings', 'legal entity', 'deposit method', 'identity verification'],
      zh: ['账户信息', '账户设置', '收款方式', '存款方式', '身份验证', '法人'],
      de: ['kontoinformationen', 'einstellungen', 'einzahlungsmethode'],
      ja: ['出品用アカウント情報', 'アカウント情報', '入金方法'],
      fr: ['informations sur le compte', 'parametres du compte'],
      es: ['informacion de la cuenta', 'configuracion de la cuenta'],
      it: ["informazioni sull'account", "impostazioni dell'account"],
    },
  },
];
