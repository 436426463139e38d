// RFC 3161 time-stamp protocol: the request, the response and the checks of a token, on pkijs and
// asn1js with WebCrypto (globalThis.crypto). This file imports no node:* module and nothing of the
// node, so the CLI and the offline verifier page of a court package (a browser bundle) use the
// same checks as the node that fetched the token.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

export const OID_SHA256 = '2.16.840.1.101.3.4.2.1';
const OID_TSTINFO = '1.2.840.113549.1.9.16.1.4';
const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';
const OID_CONTENT_TYPE = '1.2.840.113549.1.9.3';
const OID_SIGNING_CERTIFICATE = '1.2.840.113549.1.9.16.2.12';
const OID_SIGNING_CERTIFICATE_V2 = '1.2.840.113549.1.9.16.2.47';
const OID_EXT_KEY_USAGE = '2.5.29.37';
const OID_BASIC_CONSTRAINTS = '2.5.29.19';
const OID_KP_TIME_STAMPING = '1.3.6.1.5.5.7.3.8';
const OID_RSA_ENCRYPTION = '1.2.840.113549.1.1.1';

/** Why a token is not accepted; stable codes (the UI words them, the API and CLI return them). */
export type TimestampFailure =
  | 'malformed_token'
  | 'not_a_timestamp'
  | 'imprint_algorithm'
  | 'imprint_mismatch'
  | 'nonce_mismatch'
  | 'signer_not_found'
  | 'signed_attributes'
  | 'content_digest_mismatch'
  | 'signature_invalid'
  | 'signer_not_valid_at_time'
  | 'signer_eku'
  | 'signing_certificate_mismatch'
  | 'untrusted_chain'
  | 'no_roots'
  /** No WebCrypto here (a browser page that is not a secure context: open it from a file or https). */
  | 'crypto_unavailable';

export interface TimestampCertificateFacts {
  subject: string;
  issuer: string;
  serialHex: string;
  notBefore: string;
  notAfter: string;
}

/** What a token says, read without judging it. */
export interface TimestampFacts {
  genTime: string;
  serialHex: string;
  policy: string;
  hashAlgorithm: string;
  imprintHex: string;
  nonceHex: string | null;
  tsaName: string | null;
  signer: TimestampCertificateFacts | null;
}

export type TimestampVerification =
  | { ok: true; facts: TimestampFacts; chain: TimestampCertificateFacts[] }
  | { ok: false; reason: TimestampFailure; message: string; facts: TimestampFacts | null };

// ---------------------------------------------------------------------------------------------
// bytes

export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

export function fromHex(hex: string): Uint8Array {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(hex)) throw new Error('not a hexadecimal string');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}

async function digestOf(algorithm: { name: string }, data: Uint8Array): Promise<ArrayBuffer> {
  return globalThis.crypto.subtle.digest(algorithm, arrayBuffer(data));
}

function arrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer;
}

/** The certificates of a PEM text, as DER (other PEM blocks are ignored). */
export function pemCertificates(pem: string): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const m of pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)) {
    const b64 = (m[1] ?? '').replace(/\s+/g, '');
    const bin = atob(b64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    out.push(bytes);
  }
  return out;
}

/** A nonce as RFC 3161 wants it: a large positive random INTEGER (64 bits here). */
export function randomNonce(): Uint8Array {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(8));
  // Positive and minimal in DER: top bit clear, first byte not zero.
  bytes[0] = ((bytes[0] as number) & 0x7f) | 0x40;
  return bytes;
}

function integerHex(value: asn1js.Integer): string {
  return value.toBigInt().toString(16);
}

// ---------------------------------------------------------------------------------------------
// request and response

export interface BuiltTimestampRequest {
  der: Uint8Array;
  nonceHex: string;
}

/** A TimeStampReq for the SHA-256 of an item: the imprint, a fresh nonce, certReq true. */
export function buildTimestampRequest(sha256Hex: string, nonce: Uint8Array = randomNonce()): BuiltTimestampRequest {
  const hash = fromHex(sha256Hex);
  if (hash.length !== 32) throw new Error('a SHA-256 hash is 32 bytes (64 hexadecimal digits)');
  const nonceInt = new asn1js.Integer({ valueHex: arrayBuffer(nonce) });
  const req = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID_SHA256, algorithmParams: new asn1js.Null() }),
      hashedMessage: new asn1js.OctetString({ valueHex: arrayBuffer(hash) }),
    }),
    nonce: nonceInt,
    certReq: true,
  });
  return { der: new Uint8Array(req.toSchema().toBER(false)), nonceHex: integerHex(nonceInt) };
}

const FAIL_INFO_BITS: Record<number, string> = {
  0: 'badAlg',
  2: 'badRequest',
  5: 'badDataFormat',
  14: 'timeNotAvailable',
  15: 'unacceptedPolicy',
  16: 'unacceptedExtension',
  17: 'addInfoNotAvailable',
  25: 'systemFailure',
};

export interface ParsedTimestampResponse {
  /** PKIStatus: 0 granted, 1 grantedWithMods, 2 rejection, 3 waiting, 4/5 revocation. */
  status: number;
  granted: boolean;
  statusText: string | null;
  failInfo: string[];
  /** The token exactly as the TSA sent it (a CMS ContentInfo), when there is one. */
  token: Uint8Array | null;
}

/** Reads a TimeStampResp; throws on bytes that are not one. */
export function parseTimestampResponse(der: Uint8Array): ParsedTimestampResponse {
  const asn = asn1js.fromBER(arrayBuffer(der));
  if (asn.offset === -1) throw new Error('the answer is not DER');
  const resp = new pkijs.TimeStampResp({ schema: asn.result });
  const status = Number(resp.status.status);
  const statusText = resp.status.statusStrings?.map((s) => s.valueBlock.value).join('; ') || null;
  const failInfo: string[] = [];
  const bits = resp.status.failInfo?.valueBlock.valueHexView;
  if (bits) {
    for (let i = 0; i < bits.length * 8; i++) {
      if (((bits[i >> 3] as number) >> (7 - (i & 7))) & 1) failInfo.push(FAIL_INFO_BITS[i] ?? `bit${i}`);
    }
  }
  let token: Uint8Array | null = null;
  const outer = asn.result as asn1js.Sequence;
  const tokenAsn = outer.valueBlock.value[1];
  if (resp.timeStampToken && tokenAsn) token = tokenAsn.valueBeforeDecodeView.slice();
  return { status, granted: status === 0 || status === 1, statusText, failInfo, token };
}

// ---------------------------------------------------------------------------------------------
// reading a token

const NAME_TYPES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.97': 'organizationIdentifier',
  '1.2.840.113549.1.9.1': 'emailAddress',
};

function nameText(name: pkijs.RelativeDistinguishedNames): string {
  return name.typesAndValues
    .map((tv) => {
      const v = (tv.value as { valueBlock?: { value?: unknown } }).valueBlock?.value;
      return `${NAME_TYPES[tv.type] ?? tv.type}=${typeof v === 'string' ? v : '?'}`;
    })
    .join(', ');
}

function certificateFacts(cert: pkijs.Certificate): TimestampCertificateFacts {
  return {
    subject: nameText(cert.subject),
    issuer: nameText(cert.issuer),
    serialHex: toHex(cert.serialNumber.valueBlock.valueHexView),
    notBefore: cert.notBefore.value.toISOString(),
    notAfter: cert.notAfter.value.toISOString(),
  };
}

function generalNameText(name: pkijs.GeneralName | undefined): string | null {
  if (!name) return null;
  if (name.type === 4 && name.value instanceof pkijs.RelativeDistinguishedNames) return nameText(name.value);
  return typeof name.value === 'string' ? name.value : null;
}

interface OpenedToken {
  signed: pkijs.SignedData;
  tst: pkijs.TSTInfo;
  eContent: Uint8Array;
  signer: pkijs.Certificate | null;
  signerInfo: pkijs.SignerInfo | null;
  facts: TimestampFacts;
}

class TokenProblem extends Error {
  constructor(
    readonly reason: TimestampFailure,
    message: string,
  ) {
    super(message);
  }
}

async function openToken(token: Uint8Array, crypto: pkijs.ICryptoEngine): Promise<OpenedToken> {
  let info: pkijs.ContentInfo;
  try {
    info = pkijs.ContentInfo.fromBER(arrayBuffer(token));
  } catch (err) {
    throw new TokenProblem('malformed_token', `the token is not a CMS structure: ${(err as Error).message}`);
  }
  if (info.contentType !== OID_SIGNED_DATA) throw new TokenProblem('not_a_timestamp', `the token is a CMS ${info.contentType}, not SignedData`);
  let signed: pkijs.SignedData;
  try {
    signed = new pkijs.SignedData({ schema: info.content });
  } catch (err) {
    throw new TokenProblem('malformed_token', `the token's SignedData cannot be read: ${(err as Error).message}`);
  }
  if (signed.encapContentInfo.eContentType !== OID_TSTINFO) throw new TokenProblem('not_a_timestamp', `the signed content is ${signed.encapContentInfo.eContentType}, not a TSTInfo`);
  const eContentAsn = signed.encapContentInfo.eContent;
  if (!eContentAsn) throw new TokenProblem('not_a_timestamp', 'the token carries no TSTInfo');
  const eContent = new Uint8Array(eContentAsn.getValue());
  let tst: pkijs.TSTInfo;
  try {
    tst = pkijs.TSTInfo.fromBER(arrayBuffer(eContent));
  } catch (err) {
    throw new TokenProblem('malformed_token', `the TSTInfo cannot be read: ${(err as Error).message}`);
  }
  const signerInfo = signed.signerInfos.length === 1 ? (signed.signerInfos[0] as pkijs.SignerInfo) : null;
  const signer = signerInfo ? await findSigner(signed, signerInfo) : null;
  const hashAlg = crypto.getAlgorithmByOID(tst.messageImprint.hashAlgorithm.algorithmId);
  const facts: TimestampFacts = {
    genTime: tst.genTime.toISOString(),
    serialHex: integerHex(tst.serialNumber),
    policy: tst.policy,
    hashAlgorithm: 'name' in hashAlg ? String(hashAlg.name) : tst.messageImprint.hashAlgorithm.algorithmId,
    imprintHex: toHex(tst.messageImprint.hashedMessage.valueBlock.valueHexView),
    nonceHex: tst.nonce ? integerHex(tst.nonce) : null,
    tsaName: generalNameText(tst.tsa),
    signer: signer ? certificateFacts(signer) : null,
  };
  return { signed, tst, eContent, signer, signerInfo, facts };
}

async function findSigner(signed: pkijs.SignedData, signerInfo: pkijs.SignerInfo): Promise<pkijs.Certificate | null> {
  const certs = (signed.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const sid = signerInfo.sid;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return certs.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber)) ?? null;
  }
  // SubjectKeyIdentifier: SHA-1 of the subject public key.
  const block = sid as asn1js.BaseBlock & { valueBlock: { value?: asn1js.BaseBlock[]; valueHexView?: Uint8Array } };
  const keyId = block.idBlock.isConstructed ? (block.valueBlock.value?.[0] as asn1js.OctetString | undefined)?.valueBlock.valueHexView : block.valueBlock.valueHexView;
  if (!keyId) return null;
  for (const c of certs) {
    const digest = new Uint8Array(await digestOf({ name: 'SHA-1' }, c.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView));
    if (sameBytes(digest, keyId)) return c;
  }
  return null;
}

/** The facts of a token (time, serial, imprint, TSA, signer) without checking it; throws on garbage. */
export async function readTimestampToken(token: Uint8Array): Promise<TimestampFacts> {
  try {
    return (await openToken(token, pkijs.getCrypto(true))).facts;
  } catch (err) {
    if (err instanceof TokenProblem) throw new Error(err.message);
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------
// verification

export interface VerifyTimestampOptions {
  /** SHA-256 of the item, hexadecimal: the token's imprint must equal it. */
  sha256Hex: string;
  /** Trusted roots, DER (see pemCertificates). */
  roots: Uint8Array[];
  /** The nonce sent with the request, when the caller sent it (a fresh token); offline checks omit it. */
  nonceHex?: string | undefined;
}

function isCa(cert: pkijs.Certificate): boolean {
  const ext = cert.extensions?.find((e) => e.extnID === OID_BASIC_CONSTRAINTS);
  return !!(ext?.parsedValue as pkijs.BasicConstraints | undefined)?.cA;
}

function attributeValue(signerInfo: pkijs.SignerInfo, oid: string): asn1js.BaseBlock | null {
  const attr = signerInfo.signedAttrs?.attributes.find((a) => a.type === oid);
  return (attr?.values[0] as asn1js.BaseBlock | undefined) ?? null;
}

/** The ESS signing-certificate attribute (v2, or v1 with SHA-1) must name the signer's certificate. */
async function checkSigningCertificate(signerInfo: pkijs.SignerInfo, signer: pkijs.Certificate, crypto: pkijs.ICryptoEngine): Promise<void> {
  const v2 = attributeValue(signerInfo, OID_SIGNING_CERTIFICATE_V2);
  const v1 = v2 ? null : attributeValue(signerInfo, OID_SIGNING_CERTIFICATE);
  const attr = v2 ?? v1;
  if (!attr) throw new TokenProblem('signing_certificate_mismatch', 'the token has no signing-certificate attribute (RFC 3161 requires one)');
  const certs = (attr as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence | undefined;
  const first = certs?.valueBlock.value[0] as asn1js.Sequence | undefined;
  const parts = first?.valueBlock.value ?? [];
  let hashName = v2 ? 'SHA-256' : 'SHA-1';
  let hashBlock: asn1js.BaseBlock | undefined = parts[0];
  if (v2 && hashBlock instanceof asn1js.Sequence) {
    const algId = new pkijs.AlgorithmIdentifier({ schema: hashBlock });
    const alg = crypto.getAlgorithmByOID(algId.algorithmId);
    if (!('name' in alg)) throw new TokenProblem('signing_certificate_mismatch', `the signing-certificate attribute uses an unknown hash ${algId.algorithmId}`);
    hashName = String(alg.name);
    hashBlock = parts[1];
  }
  if (!(hashBlock instanceof asn1js.OctetString)) throw new TokenProblem('signing_certificate_mismatch', 'the signing-certificate attribute cannot be read');
  const certDer = new Uint8Array(signer.toSchema().toBER(false));
  const digest = new Uint8Array(await digestOf({ name: hashName }, certDer));
  if (!sameBytes(digest, hashBlock.valueBlock.valueHexView)) throw new TokenProblem('signing_certificate_mismatch', "the signing-certificate attribute does not name the certificate that signed the token");
}

/**
 * Checks a time-stamp token: it is a TSTInfo signed in CMS, its imprint is SHA-256 and equals the
 * item's hash, the nonce (when given) is the one sent, the signature is good, the signer was valid
 * at genTime with a critical extendedKeyUsage of id-kp-timeStamping only, the ESS
 * signing-certificate attribute names the signer, and the signer chains to one of the roots.
 */
export async function verifyTimestampToken(token: Uint8Array, opts: VerifyTimestampOptions): Promise<TimestampVerification> {
  if (!globalThis.crypto?.subtle) {
    return { ok: false, reason: 'crypto_unavailable', message: 'WebCrypto is not available here (a browser offers it only to pages opened from a file, https or localhost)', facts: null };
  }
  const crypto = pkijs.getCrypto(true);
  let facts: TimestampFacts | null = null;
  try {
    const opened = await openToken(token, crypto);
    facts = opened.facts;
    const { tst, signed, signer, signerInfo, eContent } = opened;

    if (tst.messageImprint.hashAlgorithm.algorithmId !== OID_SHA256) {
      throw new TokenProblem('imprint_algorithm', `the token time-stamps a ${facts.hashAlgorithm} hash, not SHA-256`);
    }
    if (facts.imprintHex !== opts.sha256Hex.toLowerCase()) {
      throw new TokenProblem('imprint_mismatch', `the token time-stamps ${facts.imprintHex}, not the item's SHA-256 ${opts.sha256Hex.toLowerCase()}`);
    }
    if (opts.nonceHex !== undefined && facts.nonceHex !== BigInt(`0x${opts.nonceHex}`).toString(16)) {
      throw new TokenProblem('nonce_mismatch', `the token's nonce ${facts.nonceHex ?? '(none)'} is not the nonce sent, ${opts.nonceHex}`);
    }
    if (!signerInfo) throw new TokenProblem('signer_not_found', `the token has ${signed.signerInfos.length} signers; a time-stamp token has exactly one`);
    if (!signer) throw new TokenProblem('signer_not_found', "the signer's certificate is not in the token");

    // Signed attributes: content type TSTInfo, message digest of the TSTInfo, then the signature.
    if (!signerInfo.signedAttrs) throw new TokenProblem('signed_attributes', 'the token has no signed attributes');
    const contentType = attributeValue(signerInfo, OID_CONTENT_TYPE);
    if (!(contentType instanceof asn1js.ObjectIdentifier) || contentType.valueBlock.toString() !== OID_TSTINFO) {
      throw new TokenProblem('signed_attributes', 'the signed content-type attribute is not TSTInfo');
    }
    const digestAlg = crypto.getAlgorithmByOID(signerInfo.digestAlgorithm.algorithmId);
    if (!('name' in digestAlg)) throw new TokenProblem('signed_attributes', `unknown digest algorithm ${signerInfo.digestAlgorithm.algorithmId}`);
    const md = attributeValue(signerInfo, '1.2.840.113549.1.9.4');
    if (!(md instanceof asn1js.OctetString)) throw new TokenProblem('signed_attributes', 'the message-digest attribute is missing');
    const contentDigest = new Uint8Array(await digestOf({ name: String(digestAlg.name) }, eContent));
    if (!sameBytes(contentDigest, md.valueBlock.valueHexView)) {
      throw new TokenProblem('content_digest_mismatch', 'the TSTInfo was changed after it was signed (its digest differs from the signed one)');
    }
    let signatureOk = false;
    try {
      signatureOk =
        signerInfo.signatureAlgorithm.algorithmId === OID_RSA_ENCRYPTION
          ? await crypto.verifyWithPublicKey(signerInfo.signedAttrs.encodedValue, signerInfo.signature, signer.subjectPublicKeyInfo, signerInfo.signatureAlgorithm, String(digestAlg.name))
          : await crypto.verifyWithPublicKey(signerInfo.signedAttrs.encodedValue, signerInfo.signature, signer.subjectPublicKeyInfo, signerInfo.signatureAlgorithm);
    } catch (err) {
      throw new TokenProblem('signature_invalid', `the signature cannot be checked: ${(err as Error).message}`);
    }
    if (!signatureOk) throw new TokenProblem('signature_invalid', "the TSA's signature over the token does not verify");

    // The signer's certificate: valid at genTime, for time-stamping only, named by the token.
    if (signer.notBefore.value > tst.genTime || signer.notAfter.value < tst.genTime) {
      throw new TokenProblem(
        'signer_not_valid_at_time',
        `the TSA certificate is valid from ${signer.notBefore.value.toISOString()} to ${signer.notAfter.value.toISOString()}, not at the token's time ${tst.genTime.toISOString()}`,
      );
    }
    const eku = signer.extensions?.find((e) => e.extnID === OID_EXT_KEY_USAGE);
    const purposes = (eku?.parsedValue as pkijs.ExtKeyUsage | undefined)?.keyPurposes ?? [];
    if (!eku?.critical || purposes.length !== 1 || purposes[0] !== OID_KP_TIME_STAMPING) {
      const found = eku ? `${eku.critical ? 'critical' : 'non-critical'} extendedKeyUsage ${purposes.join(', ') || '(empty)'}` : 'no extendedKeyUsage';
      throw new TokenProblem('signer_eku', `the TSA certificate has ${found}; RFC 3161 requires a critical extendedKeyUsage of timeStamping only`);
    }
    await checkSigningCertificate(signerInfo, signer, crypto);

    // The chain to a configured root, every certificate valid at genTime.
    if (opts.roots.length === 0) throw new TokenProblem('no_roots', 'no trusted TSA root is configured');
    let roots: pkijs.Certificate[];
    try {
      roots = opts.roots.map((der) => pkijs.Certificate.fromBER(arrayBuffer(der)));
    } catch (err) {
      throw new TokenProblem('no_roots', `a configured root is not a certificate: ${(err as Error).message}`);
    }
    const intermediates = (signed.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate && c !== signer && isCa(c));
    const engine = new pkijs.CertificateChainValidationEngine({ trustedCerts: roots, certs: [...intermediates, signer], checkDate: tst.genTime });
    const chain = await engine.verify({}, crypto).catch((err: unknown) => ({
      result: false,
      resultMessage: (err as { resultMessage?: string; message?: string }).resultMessage ?? (err as Error).message ?? String(err),
      certificatePath: undefined,
    }));
    if (!chain.result) throw new TokenProblem('untrusted_chain', `the TSA certificate does not chain to a configured root: ${chain.resultMessage}`);
    return { ok: true, facts, chain: (chain.certificatePath ?? []).map(certificateFacts) };
  } catch (err) {
    if (err instanceof TokenProblem) return { ok: false, reason: err.reason, message: err.message, facts };
    return { ok: false, reason: 'malformed_token', message: `the token cannot be checked: ${(err as Error).message ?? String(err)}`, facts };
  }
}
