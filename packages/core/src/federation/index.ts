// Federation between nodes, the pure part: envelopes, receipts, node cards, peer trust, the receive
// checks and the retry schedule. Cryptography and transport are the server's.
export * from './backoff.ts';
export * from './envelope.ts';
export * from './ids.ts';
export * from './node-card.ts';
export * from './peer.ts';
export * from './receive.ts';
