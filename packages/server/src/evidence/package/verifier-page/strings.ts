// The offline verifier page's words in the six UN languages. The page picks the browser's language
// (navigator.languages) and offers a switcher; Arabic is written right to left. Problem codes stay
// as they are (they are what the CLI's --json report says); the core's problem messages are English.
export const LANGUAGES = ['en', 'fr', 'es', 'ar', 'ru', 'zh'] as const;
export type Lang = (typeof LANGUAGES)[number];

export const LANGUAGE_NAMES: Record<Lang, string> = { en: 'English', fr: 'Français', es: 'Español', ar: 'العربية', ru: 'Русский', zh: '中文' };

export interface Checked {
  files: number;
  bytes: number;
  events: number;
  tokens: number;
}

export interface Strings {
  title: string;
  intro: string;
  choose: string;
  orDrop: string;
  language: string;
  checking: (file: string) => string;
  verified: (file: string) => string;
  notVerified: (file: string, problems: number) => string;
  stopped: (message: string) => string;
  problems: string;
  item: string;
  event: string;
  package: string;
  subject: string;
  built: string;
  builtBy: (at: string, email: string, org: string) => string;
  signedBy: string;
  fingerprint: string;
  manifestSignature: string;
  valid: string;
  notValid: string;
  checked: string;
  checkedValue: (c: Checked) => string;
  fingerprintNote: string;
  items: string;
  columns: [string, string, string, string, string];
  itemVerified: string;
  itemNotVerified: string;
  kinds: Record<'item' | 'case' | 'request', string>;
}

export const STRINGS: Record<Lang, Strings> = {
  en: {
    title: 'Evidence package verifier',
    intro:
      "This page checks a Comity court package on this computer, without a network: every file's SHA-256 (and SHA-512), the custody log of each item, the RFC 3161 timestamp tokens and the node's Ed25519 signature over the manifest. Nothing leaves this computer.",
    choose: 'Choose the package (.zip)',
    orDrop: 'or drop it on this page.',
    language: 'Language',
    checking: (f) => `Checking ${f} …`,
    verified: (f) => `VERIFIED — ${f}: every file, hash, custody event, timestamp and the manifest signature check out.`,
    notVerified: (f, n) => `NOT VERIFIED — ${f}: ${n} ${n === 1 ? 'problem' : 'problems'} found.`,
    stopped: (m) => `NOT VERIFIED — the check stopped: ${m}`,
    problems: 'Problems',
    item: 'item',
    event: 'event',
    package: 'Package',
    subject: 'Subject',
    built: 'Built',
    builtBy: (at, email, org) => `${at} by ${email} (${org})`,
    signedBy: 'Signed by node',
    fingerprint: 'Signing key fingerprint',
    manifestSignature: 'Manifest signature',
    valid: 'valid',
    notValid: 'NOT valid',
    checked: 'Checked',
    checkedValue: (c) => `${c.files} files (${c.bytes} bytes), ${c.events} custody events, ${c.tokens} timestamp tokens`,
    fingerprintNote:
      'Compare the fingerprint with the one the authority that built the package gives you by another channel: it is what ties the package to that node.',
    items: 'Items',
    columns: ['Item', 'SHA-256', 'Custody events', 'Timestamps', 'Result'],
    itemVerified: 'verified',
    itemNotVerified: 'NOT verified',
    kinds: { item: 'item', case: 'case', request: 'request' },
  },
  fr: {
    title: 'Vérificateur de paquet de preuves',
    intro:
      "Cette page vérifie un paquet judiciaire Comity sur cet ordinateur, sans réseau : le SHA-256 (et le SHA-512) de chaque fichier, le journal de la chaîne de possession de chaque élément, les jetons d'horodatage RFC 3161 et la signature Ed25519 du nœud sur le manifeste. Rien ne quitte cet ordinateur.",
    choose: 'Choisir le paquet (.zip)',
    orDrop: 'ou le déposer sur cette page.',
    language: 'Langue',
    checking: (f) => `Vérification de ${f}…`,
    verified: (f) => `VÉRIFIÉ — ${f} : chaque fichier, empreinte, événement de la chaîne de possession, horodatage et la signature du manifeste sont conformes.`,
    notVerified: (f, n) => `NON VÉRIFIÉ — ${f} : ${n} ${n === 1 ? 'problème trouvé' : 'problèmes trouvés'}.`,
    stopped: (m) => `NON VÉRIFIÉ — la vérification s'est arrêtée : ${m}`,
    problems: 'Problèmes',
    item: 'élément',
    event: 'événement',
    package: 'Paquet',
    subject: 'Objet',
    built: 'Créé',
    builtBy: (at, email, org) => `${at} par ${email} (${org})`,
    signedBy: 'Signé par le nœud',
    fingerprint: 'Empreinte de la clé de signature',
    manifestSignature: 'Signature du manifeste',
    valid: 'valide',
    notValid: 'NON valide',
    checked: 'Vérifié',
    checkedValue: (c) => `${c.files} fichiers (${c.bytes} octets), ${c.events} événements de possession, ${c.tokens} jetons d'horodatage`,
    fingerprintNote:
      "Comparez l'empreinte avec celle que l'autorité qui a créé le paquet vous communique par un autre canal : c'est elle qui rattache le paquet à ce nœud.",
    items: 'Éléments',
    columns: ['Élément', 'SHA-256', 'Événements de possession', 'Horodatages', 'Résultat'],
    itemVerified: 'vérifié',
    itemNotVerified: 'NON vérifié',
    kinds: { item: 'élément', case: 'affaire', request: 'demande' },
  },
  es: {
    title: 'Verificador de paquetes de pruebas',
    intro:
      'Esta página comprueba un paquete judicial de Comity en este ordenador, sin red: el SHA-256 (y el SHA-512) de cada archivo, el registro de la cadena de custodia de cada elemento, los sellos de tiempo RFC 3161 y la firma Ed25519 del nodo sobre el manifiesto. Nada sale de este ordenador.',
    choose: 'Elegir el paquete (.zip)',
    orDrop: 'o soltarlo en esta página.',
    language: 'Idioma',
    checking: (f) => `Comprobando ${f}…`,
    verified: (f) => `VERIFICADO — ${f}: todos los archivos, hashes, eventos de custodia, sellos de tiempo y la firma del manifiesto son correctos.`,
    notVerified: (f, n) => `NO VERIFICADO — ${f}: ${n} ${n === 1 ? 'problema encontrado' : 'problemas encontrados'}.`,
    stopped: (m) => `NO VERIFICADO — la comprobación se detuvo: ${m}`,
    problems: 'Problemas',
    item: 'elemento',
    event: 'evento',
    package: 'Paquete',
    subject: 'Objeto',
    built: 'Creado',
    builtBy: (at, email, org) => `${at} por ${email} (${org})`,
    signedBy: 'Firmado por el nodo',
    fingerprint: 'Huella de la clave de firma',
    manifestSignature: 'Firma del manifiesto',
    valid: 'válida',
    notValid: 'NO válida',
    checked: 'Comprobado',
    checkedValue: (c) => `${c.files} archivos (${c.bytes} bytes), ${c.events} eventos de custodia, ${c.tokens} sellos de tiempo`,
    fingerprintNote:
      'Compare la huella con la que le comunique por otro canal la autoridad que creó el paquete: es lo que vincula el paquete con ese nodo.',
    items: 'Elementos',
    columns: ['Elemento', 'SHA-256', 'Eventos de custodia', 'Sellos de tiempo', 'Resultado'],
    itemVerified: 'verificado',
    itemNotVerified: 'NO verificado',
    kinds: { item: 'elemento', case: 'caso', request: 'solicitud' },
  },
  ar: {
    title: 'أداة التحقق من حزمة الأدلة',
    intro:
      'تتحقق هذه الصفحة من حزمة Comity القضائية على هذا الحاسوب دون شبكة: بصمة SHA-256 (وSHA-512) لكل ملف، وسجل سلسلة الحيازة لكل عنصر، ورموز الختم الزمني وفق RFC 3161، وتوقيع العقدة Ed25519 على البيان. لا يغادر أي شيء هذا الحاسوب.',
    choose: 'اختر الحزمة (\u2066.zip\u2069)',
    orDrop: 'أو أسقطها على هذه الصفحة.',
    language: 'اللغة',
    checking: (f) => `جارٍ التحقق من ${f}…`,
    verified: (f) => `تم التحقق — ${f}: جميع الملفات والبصمات وأحداث الحيازة والأختام الزمنية وتوقيع البيان سليمة.`,
    notVerified: (f, n) => `لم يتم التحقق — ${f}: عدد المشكلات المكتشفة: ${n}.`,
    stopped: (m) => `لم يتم التحقق — توقف الفحص: ${m}`,
    problems: 'المشكلات',
    item: 'العنصر',
    event: 'الحدث',
    package: 'الحزمة',
    subject: 'الموضوع',
    built: 'أُنشئت',
    builtBy: (at, email, org) => `${at} بواسطة ${email} (${org})`,
    signedBy: 'موقّعة من العقدة',
    fingerprint: 'بصمة مفتاح التوقيع',
    manifestSignature: 'توقيع البيان',
    valid: 'صالح',
    notValid: 'غير صالح',
    checked: 'ما تم فحصه',
    checkedValue: (c) => `الملفات: ${c.files} (${c.bytes} بايت)، أحداث الحيازة: ${c.events}، رموز الختم الزمني: ${c.tokens}`,
    fingerprintNote: 'قارن البصمة بتلك التي تبلغك بها السلطة التي أنشأت الحزمة عبر قناة أخرى: فهي ما يربط الحزمة بتلك العقدة.',
    items: 'العناصر',
    columns: ['العنصر', 'SHA-256', 'أحداث الحيازة', 'الأختام الزمنية', 'النتيجة'],
    itemVerified: 'تم التحقق',
    itemNotVerified: 'لم يتم التحقق',
    kinds: { item: 'عنصر', case: 'قضية', request: 'طلب' },
  },
  ru: {
    title: 'Проверка пакета доказательств',
    intro:
      'Эта страница проверяет судебный пакет Comity на этом компьютере без сети: SHA-256 (и SHA-512) каждого файла, журнал цепочки хранения каждого элемента, метки времени RFC 3161 и подпись Ed25519 узла на манифесте. Ничто не покидает этот компьютер.',
    choose: 'Выбрать пакет (.zip)',
    orDrop: 'или перетащите его на эту страницу.',
    language: 'Язык',
    checking: (f) => `Проверка ${f}…`,
    verified: (f) => `ПРОВЕРЕНО — ${f}: все файлы, хеши, события цепочки хранения, метки времени и подпись манифеста верны.`,
    notVerified: (f, n) => `НЕ ПРОВЕРЕНО — ${f}: найдено проблем: ${n}.`,
    stopped: (m) => `НЕ ПРОВЕРЕНО — проверка остановлена: ${m}`,
    problems: 'Проблемы',
    item: 'элемент',
    event: 'событие',
    package: 'Пакет',
    subject: 'Предмет',
    built: 'Создан',
    builtBy: (at, email, org) => `${at}, ${email} (${org})`,
    signedBy: 'Подписан узлом',
    fingerprint: 'Отпечаток ключа подписи',
    manifestSignature: 'Подпись манифеста',
    valid: 'действительна',
    notValid: 'НЕ действительна',
    checked: 'Проверено',
    checkedValue: (c) => `файлов: ${c.files} (${c.bytes} байт), событий хранения: ${c.events}, меток времени: ${c.tokens}`,
    fingerprintNote: 'Сравните отпечаток с тем, который орган, создавший пакет, сообщит вам по другому каналу: именно он связывает пакет с этим узлом.',
    items: 'Элементы',
    columns: ['Элемент', 'SHA-256', 'События хранения', 'Метки времени', 'Результат'],
    itemVerified: 'проверен',
    itemNotVerified: 'НЕ проверен',
    kinds: { item: 'элемент', case: 'дело', request: 'запрос' },
  },
  zh: {
    title: '证据包验证器',
    intro:
      '本页面在这台计算机上离线验证 Comity 法庭证据包：每个文件的 SHA-256（及 SHA-512）、每个证据项的保管链日志、RFC 3161 时间戳令牌以及节点对清单的 Ed25519 签名。任何内容都不会离开这台计算机。',
    choose: '选择证据包 (.zip)',
    orDrop: '或将其拖放到本页面。',
    language: '语言',
    checking: (f) => `正在检查 ${f}…`,
    verified: (f) => `已验证 — ${f}：所有文件、哈希值、保管事件、时间戳及清单签名均核验无误。`,
    notVerified: (f, n) => `未通过验证 — ${f}：发现 ${n} 个问题。`,
    stopped: (m) => `未通过验证 — 检查中止：${m}`,
    problems: '问题',
    item: '证据项',
    event: '事件',
    package: '证据包',
    subject: '对象',
    built: '创建',
    builtBy: (at, email, org) => `${at}，由 ${email}（${org}）`,
    signedBy: '签名节点',
    fingerprint: '签名密钥指纹',
    manifestSignature: '清单签名',
    valid: '有效',
    notValid: '无效',
    checked: '已检查',
    checkedValue: (c) => `${c.files} 个文件（${c.bytes} 字节）、${c.events} 个保管事件、${c.tokens} 个时间戳令牌`,
    fingerprintNote: '请将该指纹与创建证据包的机关通过其他渠道提供给您的指纹进行比对：正是它将证据包与该节点联系起来。',
    items: '证据项',
    columns: ['证据项', 'SHA-256', '保管事件', '时间戳', '结果'],
    itemVerified: '已验证',
    itemNotVerified: '未通过验证',
    kinds: { item: '证据项', case: '案件', request: '请求' },
  },
};

/** The first of the browser's languages the page speaks (by primary subtag), else English. */
export function pickLanguage(preferred: readonly string[]): Lang {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0] as Lang;
    if ((LANGUAGES as readonly string[]).includes(primary)) return primary;
  }
  return 'en';
}
