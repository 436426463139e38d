// The evidence vault from the browser: typed calls to /api/v1/evidence and a small tus 1.0 client
// (creation, PATCH in chunks from the node's offset, HEAD to resume after a failed chunk) that
// reports progress and stops on 413 with nothing left on the node.
import type { components } from '@comity/contract/generated/openapi';
import { ApiError, client, currentCsrfToken, unwrap } from './api.ts';

export type EvidenceItem = components['schemas']['EvidenceItem'];
export type CustodyLog = components['schemas']['CustodyLog'];
export type CustodyEvent = CustodyLog['events'][number];
export type DownloadRequest = components['schemas']['DownloadRequest'];
export type EligibleApprover = components['schemas']['EligibleApprover'];
export type EvidenceOwner = { caseId: string } | { requestId: string };

const byId = (id: string) => ({ params: { path: { id } } });

export const evidenceApi = {
  list: (owner: EvidenceOwner) => unwrap(client.GET('/api/v1/evidence', { params: { query: owner } })),
  get: (id: string) => unwrap(client.GET('/api/v1/evidence/{id}', byId(id))),
  custody: (id: string) => unwrap(client.GET('/api/v1/evidence/{id}/custody', byId(id))),
  seal: (id: string, note?: string) => unwrap(client.POST('/api/v1/evidence/{id}/seal', { ...byId(id), body: note ? { note } : {} })),
  release: (id: string, note?: string) => unwrap(client.POST('/api/v1/evidence/{id}/release', { ...byId(id), body: note ? { note } : {} })),
  approveDownload: (id: string, userId: string, reason: string, requestSeq?: number) =>
    unwrap(client.POST('/api/v1/evidence/{id}/download-approvals', { ...byId(id), body: { userId, reason, ...(requestSeq !== undefined ? { requestSeq } : {}) } })),
  approvers: (id: string) => unwrap(client.GET('/api/v1/evidence/{id}/approvers', byId(id))),
  downloadRequests: (id: string) => unwrap(client.GET('/api/v1/evidence/{id}/download-requests', byId(id))),
  requestDownload: (id: string, approverId: string, reason: string) =>
    unwrap(client.POST('/api/v1/evidence/{id}/download-requests', { ...byId(id), body: { approverId, reason } })),
  workingCopy: (id: string, title?: string) => unwrap(client.POST('/api/v1/evidence/{id}/working-copies', { ...byId(id), body: title ? { title } : {} })),
  contentUrl: (id: string, disposition: 'inline' | 'attachment' = 'inline') => `/api/v1/evidence/${encodeURIComponent(id)}/content?disposition=${disposition}`,
};

/** One tus PATCH: large enough that the per-request work (session, two statements) is noise beside the bytes. */
export const CHUNK_BYTES = 8 * 1024 * 1024;

export interface UploadProgress {
  sent: number;
  total: number;
}

export interface UploadInput {
  file: Blob;
  filename: string;
  title: string;
  owner: EvidenceOwner;
  description?: string;
}

const b64 = (s: string) => {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
};

async function problemOf(response: Response): Promise<ApiError> {
  let problem: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(await response.text());
    if (typeof parsed === 'object' && parsed !== null) problem = parsed as Record<string, unknown>;
  } catch {
    // Not JSON: the status says enough.
  }
  const detail = typeof problem.detail === 'string' ? problem.detail : typeof problem.title === 'string' ? problem.title : `HTTP ${response.status}`;
  return new ApiError(response.status, detail, typeof problem.code === 'string' ? problem.code : undefined, [], problem);
}

async function tusFetch(url: string, method: string, headers: Record<string, string>, body?: Blob): Promise<Response> {
  const h: Record<string, string> = { 'tus-resumable': '1.0.0', accept: 'application/json, application/problem+json', ...headers };
  const csrf = currentCsrfToken();
  if (csrf && method !== 'HEAD' && method !== 'GET') h['x-csrf-token'] = csrf;
  try {
    return await fetch(url, { method, headers: h, credentials: 'same-origin', ...(body ? { body } : {}) });
  } catch {
    throw new ApiError(0, 'network');
  }
}

/**
 * A resumable upload in progress. `start()` creates it on the node and sends chunks; when a chunk
 * fails (network, node restarting) it rejects and `resume()` asks the node for its offset (HEAD)
 * and carries on from there, so nothing already received is sent twice.
 */
export class TusUpload {
  location: string | null = null;
  sent = 0;
  itemId: string | null = null;
  constructor(
    private readonly input: UploadInput,
    private readonly onProgress: (p: UploadProgress) => void,
    private readonly chunkBytes = CHUNK_BYTES,
  ) {}

  get total(): number {
    return this.input.file.size;
  }

  async start(): Promise<string> {
    if (!this.location) {
      const meta: Record<string, string> = { title: this.input.title, filename: this.input.filename, ...this.input.owner };
      if (this.input.description) meta.description = this.input.description;
      if (this.input.file.type) meta.filetype = this.input.file.type;
      const metadata = Object.entries(meta)
        .map(([k, v]) => `${k} ${b64(v)}`)
        .join(',');
      const created = await tusFetch('/api/v1/evidence/uploads', 'POST', { 'upload-length': String(this.total), 'upload-metadata': metadata });
      if (created.status !== 201) throw await problemOf(created);
      this.location = created.headers.get('location');
      if (!this.location) throw new ApiError(500, 'no Location');
      this.sent = 0;
      this.onProgress({ sent: 0, total: this.total });
    }
    return this.send();
  }

  /** After a failure: the node's offset, then the rest. */
  async resume(): Promise<string> {
    if (!this.location) return this.start();
    const head = await tusFetch(this.location, 'HEAD', {});
    if (!head.ok) throw new ApiError(head.status, `HTTP ${head.status}`);
    this.sent = Number(head.headers.get('upload-offset') ?? '0');
    this.onProgress({ sent: this.sent, total: this.total });
    return this.send();
  }

  private async send(): Promise<string> {
    const location = this.location as string;
    // An empty file completes with one empty PATCH.
    do {
      const end = Math.min(this.sent + this.chunkBytes, this.total);
      const res = await tusFetch(location, 'PATCH', { 'upload-offset': String(this.sent), 'content-type': 'application/offset+octet-stream' }, this.input.file.slice(this.sent, end));
      if (res.status === 409) {
        const body = (await problemOf(res)).problem;
        if (typeof body.offset === 'number') {
          this.sent = body.offset;
          continue;
        }
      }
      if (res.status !== 204) throw await problemOf(res);
      this.sent = Number(res.headers.get('upload-offset') ?? end);
      this.onProgress({ sent: this.sent, total: this.total });
      const item = res.headers.get('comity-evidence-item');
      if (item) {
        this.itemId = item;
        return item;
      }
    } while (this.sent < this.total);
    throw new ApiError(500, 'upload ended without an item');
  }
}
