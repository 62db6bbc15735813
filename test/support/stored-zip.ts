/** Reads back a ZIP of stored (uncompressed) entries, as engine/export/zip.ts writes them: name → text. */
export function readStoredZip(bytes: Uint8Array): Map<string, string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Map<string, string>();
  let at = 0;
  while (at + 30 <= bytes.length && view.getUint32(at, true) === 0x04034b50) {
    if (view.getUint16(at + 8, true) !== 0) throw new Error('compressed entry: not written by Cepheus');
    const size = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const name = Buffer.from(bytes.subarray(at + 30, at + 30 + nameLength)).toString('utf8');
    const start = at + 30 + nameLength;
    out.set(name, Buffer.from(bytes.subarray(start, start + size)).toString('utf8'));
    at = start + size;
  }
  return out;
}
