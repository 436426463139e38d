// The media type of an item is read from its first bytes, never from its name or the uploader's
// claim (which is kept beside it): a file named photo.jpg that is an HTML page is text/html here,
// and is then never served as something a browser would render in the node's origin.
import { fileTypeFromBuffer } from 'file-type';

/** Well-formed UTF-8 without NUL in the first bytes: plain text (a cut last character is allowed). */
function looksLikeText(head: Buffer): boolean {
  if (head.length === 0) return false;
  if (head.includes(0)) return false;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let cut = 0; cut < 4 && cut < head.length; cut++) {
    try {
      decoder.decode(head.subarray(0, head.length - cut));
      return true;
    } catch {
      // A multi-byte character cut at the end of the head: try without its first bytes.
    }
  }
  return false;
}

function looksLikeHtml(head: Buffer): boolean {
  const start = head.subarray(0, 1024).toString('utf8').trimStart().toLowerCase();
  return start.startsWith('<!doctype html') || start.startsWith('<html') || start.startsWith('<head') || start.startsWith('<body');
}

export async function detectMediaType(head: Buffer): Promise<string> {
  const found = await fileTypeFromBuffer(head);
  if (found) return found.mime;
  if (looksLikeText(head)) {
    if (looksLikeHtml(head)) return 'text/html';
    const start = head.subarray(0, 256).toString('utf8').trimStart();
    if (start.startsWith('<?xml') || start.startsWith('<svg')) return start.includes('<svg') ? 'image/svg+xml' : 'application/xml';
    return 'text/plain';
  }
  return 'application/octet-stream';
}
