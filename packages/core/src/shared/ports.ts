// Small ports through which the pure core reaches time and cryptography; adapters live in server.
export interface Clock {
  now(): Date;
}

/** SHA-256 over UTF-8 text, hex encoded. */
export interface Hasher {
  sha256Hex(text: string): string;
}

/** Signs bytes given as UTF-8 text with the node's Ed25519 key; signature base64url. */
export interface Signer {
  readonly keyId: string;
  sign(text: string): string;
}

export interface Verifier {
  verify(text: string, signature: string): boolean;
}
