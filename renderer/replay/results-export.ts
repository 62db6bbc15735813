/**
 * Results as a downloadable file, built in the renderer from `replay.results` pages with the
 * engine's own line formats, so a browser (which cannot receive a host path) gets the same file the
 * desktop's replay.exportResults writes.
 */
import type { CepApi } from '../../electron/contract';
import { RESULT_CSV_HEADER, resultCsvRows, resultJsonLine } from '../../engine/debug/export-results';

const PAGE = 1000;

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export async function buildResultsFile(
  api: CepApi,
  sessionId: string,
  format: 'csv' | 'jsonl',
): Promise<{ text: string; count: number }> {
  const lines: string[] = format === 'csv' ? [RESULT_CSV_HEADER.join(',')] : [];
  let offset = 0;
  let total = Infinity;
  while (offset < total) {
    const page = await api.replay.results({ sessionId, offset, limit: PAGE });
    total = page.total;
    if (page.items.length === 0) break;
    for (const item of page.items) {
      if (format === 'jsonl') lines.push(resultJsonLine(item, item.events));
      else for (const row of resultCsvRows(item, item.events)) lines.push(row.map(csvCell).join(','));
    }
    offset += page.items.length;
  }
  return { text: lines.join('\n') + '\n', count: offset };
}

/** "risk-transactions — Card testing-results.csv" → a safe file name with the recording's and pattern's names. */
export function resultsFileName(recordingName: string, patternName: string, format: 'csv' | 'jsonl'): string {
  const safe = (s: string) =>
    s
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80);
  const parts = [safe(recordingName), safe(patternName)].filter(Boolean);
  return `${parts.join('--') || 'replay'}-results.${format}`;
}

export function downloadText(fileName: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
