// The directory of requested authorities: who a request can be addressed to, and where the node
// learnt of each one. A request to an authority that runs no node is carried outside Comity
// (diplomatic channel, post, e-mail, INTERPOL); the requesting side records what happens.

/** Where a directory entry comes from. */
export const AUTHORITY_SOURCES = [
  /** A central authority a State designated in a declaration or notification to a treaty. */
  'treaty-designation',
  /** The authority named on a trusted peer node's card. */
  'peer-node',
  /** Added by an administrator of this node. */
  'administrator',
  /** Declared by a peer node as its State's central authority under a treaty. */
  'node-declaration',
] as const;
export type AuthoritySource = (typeof AUTHORITY_SOURCES)[number];

/** How a request is sent when the requested authority has no node. */
export const TRANSMISSION_CHANNELS = ['diplomatic', 'central-authority-post', 'central-authority-email', 'interpol', 'other'] as const;
export type TransmissionChannel = (typeof TRANSMISSION_CHANNELS)[number];

export interface DirectoryAuthority {
  /** Stable id, prefixed by its source: `admin:<uuid>`, `peer:<node id>`, `treaty:<reservation id>`. */
  id: string;
  source: AuthoritySource;
  /** Null when the name could not be read reliably from the source: show `declarationText`. */
  name: string | null;
  /** ISO 3166-1 alpha-3. */
  state: string;
  /** The instrument and article of a designation (e.g. UNCAC, art. 46(13)); article null when the text does not say. */
  instrument: string | null;
  article: string | null;
  declarationText: string | null;
  /** Where the fact comes from and as of when (legal data carries both). */
  provenance: string;
  asOf: string | null;
  nodeId: string | null;
  address: string | null;
  channel: TransmissionChannel | null;
  languages: string[];
  email: string | null;
  notes: string | null;
  /** Whether a request can be addressed to it (a designation without a readable name cannot). */
  selectable: boolean;
}

/** What a request keeps of the authority it was addressed to (the directory may change later). */
export interface RequestedAuthorityRef {
  id: string;
  source: AuthoritySource;
  name: string;
  state: string;
  instrument?: string | null | undefined;
  article?: string | null | undefined;
  /** The node it joined with, once its open requests were linked to it. */
  linkedNodeId?: string | null | undefined;
}

export function isTransmissionChannel(v: string): v is TransmissionChannel {
  return (TRANSMISSION_CHANNELS as readonly string[]).includes(v);
}
