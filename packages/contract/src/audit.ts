// Audit trail API: read with filters, verify the chain.
import { z } from 'zod';
import { StrictIsoDateOrDateTime } from './common.ts';

export const AuditEntry = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    actorId: z.string().nullable(),
    actorEmail: z.string().nullable(),
    organisationId: z.string().nullable(),
    action: z.string(),
    target: z.string(),
    requestId: z.string().nullable(),
    digest: z.string(),
    hash: z.string(),
    change: z.unknown(),
  })
  .meta({ id: 'AuditEntry' });

export const AuditQuery = z.strictObject({
  action: z.string().max(100).optional(),
  actor: z.string().max(320).optional(),
  organisationId: z.uuid().optional(),
  from: StrictIsoDateOrDateTime.optional().describe('Entries at or after (a date or a date-time)'),
  to: StrictIsoDateOrDateTime.optional().describe('Entries at or before (a date or a date-time)'),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export const AuditPage = z.object({ items: z.array(AuditEntry), nextBefore: z.number().int().nullable() });

export const AuditProblemKind = z
  .enum([
    'missing',
    'out_of_order',
    'unlinked',
    'altered',
    'change_altered',
    'head_missing',
    'head_invalid',
    'tail_removed',
    'head_mismatch',
    'truncated',
    'anchor_mismatch',
    'emptied',
    'checkpoint_invalid',
    'root_mismatch',
    'witness_truncated',
    'witness_fork',
  ])
  .meta({ id: 'AuditProblemKind' });

export const AuditProblem = z
  .object({
    /** The entry concerned (for a gap or a removed tail: the first missing number). */
    seq: z.number().int(),
    kind: AuditProblemKind,
    /** The same in English words, for logs and scripts; the web UI words it from `kind`. */
    reason: z.string(),
  })
  .meta({ id: 'AuditProblem' });

export const AuditVerification = z
  .object({
    ok: z.boolean(),
    entries: z.number().int(),
    firstBroken: z.number().int().optional(),
    reason: z.string().optional(),
    /** Present when `ok` is false: every problem found, in sequence order. */
    problems: z.array(AuditProblem).optional(),
  })
  .meta({ id: 'AuditVerification' });

// The audit log (issue 16): signed checkpoints (C2SP signed notes), inclusion and consistency
// proofs (RFC 9162), and the offline export. Hashes are lowercase hex.
const Hex32 = z.string().regex(/^[0-9a-f]{64}$/);

export const AuditCosignature = z
  .object({
    peerNodeId: z.string(),
    /** The tlog-cosignature line ("— <peer key name> <base64>") as the peer returned it. */
    line: z.string(),
    receivedAt: z.string(),
  })
  .meta({ id: 'AuditCosignature' });

export const AuditCheckpoint = z
  .object({
    id: z.number().int(),
    size: z.number().int(),
    root: Hex32,
    at: z.string(),
    /** The signing key (raw Ed25519 public key, hex). */
    keyId: z.string(),
    /** The checkpoint as a C2SP signed note (tlog-checkpoint body and the node's signature line). */
    note: z.string(),
    cosignatures: z.array(AuditCosignature),
  })
  .meta({ id: 'AuditCheckpoint' });

export const AuditCheckpointQuery = z.strictObject({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export const AuditCheckpointPage = z.object({ items: z.array(AuditCheckpoint), nextBefore: z.number().int().nullable() }).meta({ id: 'AuditCheckpointPage' });

export const AuditInclusionQuery = z.strictObject({
  seq: z.coerce.number().int().positive().describe('The entry'),
  size: z.coerce.number().int().positive().optional().describe('A signed checkpoint of this tree size (default: the latest)'),
});

export const AuditInclusionProof = z
  .object({
    seq: z.number().int(),
    leafIndex: z.number().int(),
    /** SHA-256(0x00 || canonical entry). */
    leafHash: Hex32,
    /** The canonical entry the leaf hash covers (RFC 8785 JSON). */
    entryText: z.string(),
    treeSize: z.number().int(),
    rootHash: Hex32,
    /** RFC 9162 inclusion path, leaf first. */
    path: z.array(Hex32),
    /** The signed checkpoint of `treeSize`. */
    checkpoint: z.string(),
  })
  .meta({ id: 'AuditInclusionProof' });

export const AuditConsistencyQuery = z.strictObject({
  from: z.coerce.number().int().positive().describe('Tree size of the earlier signed checkpoint'),
  to: z.coerce.number().int().positive().optional().describe('Tree size of the later signed checkpoint (default: the latest)'),
});

export const AuditConsistencyProof = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    fromRoot: Hex32,
    toRoot: Hex32,
    /** RFC 9162 consistency proof. */
    path: z.array(Hex32),
    fromCheckpoint: z.string(),
    toCheckpoint: z.string(),
  })
  .meta({ id: 'AuditConsistencyProof' });

export const AuditVerifyQuery = z.strictObject({
  peers: z.enum(['true', 'false']).optional().describe('Also ask every active peer for the checkpoints it witnessed of this node'),
});

export const PublicConsistencyQuery = z.strictObject({
  from: z.coerce.number().int().positive(),
  to: z.coerce.number().int().positive(),
});

export const PublicConsistencyProof = z
  .object({ from: z.number().int(), to: z.number().int(), path: z.array(Hex32), toCheckpoint: z.string() })
  .meta({ id: 'PublicConsistencyProof' });

export const WitnessedParams = z.strictObject({ nodeId: z.string().min(1).max(130) });

export const WitnessedList = z
  .object({
    items: z.array(
      z.object({
        size: z.number().int(),
        root: Hex32,
        /** The witnessed node's checkpoint, as it sent it (signed note). */
        note: z.string(),
        /** This node's tlog-cosignature line over it. */
        cosignature: z.string(),
        witnessedAt: z.string(),
      }),
    ),
  })
  .meta({ id: 'WitnessedList' });

/** A receipt this node holds for a message it sent, with the receiver's audit proof checked again now. */
export const ReceiptProofView = z
  .object({
    messageId: z.string(),
    peer: z.string(),
    receivedAt: z.string(),
    /** 'verified', or the problems found, when the receipt came; null when no proof came. */
    checkedOnReceipt: z.string().nullable(),
    /** The check run again now with the peer's key on record: empty when the proof holds. */
    problems: z.array(z.string()),
    verified: z.boolean(),
    proof: z
      .object({
        seq: z.number().int(),
        entryText: z.string(),
        change: z.record(z.string(), z.unknown()),
        leafIndex: z.number().int(),
        treeSize: z.number().int(),
        path: z.array(z.string()),
        checkpoint: z.string(),
      })
      .nullable(),
    receipt: z.unknown(),
  })
  .meta({ id: 'ReceiptProofView' });
export const ReceiptProofParams = z.object({ messageId: z.string().min(1).max(200) });
