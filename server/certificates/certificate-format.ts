// How a certificate's facts are written, the same in the PDF and on the verification page.
import type { CertificateLine } from './certificate-record';

/** 12.5 → "12.5", 30 → "30" (hours are whole or halves in practice). */
export function formatHours(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** "2026-11-29" → "2026年11月29日". */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** "2021—2025年度", or "2024年度". */
export function yearRange(years: readonly number[]): string {
  const sorted = [...years].sort((a, b) => a - b);
  if (sorted.length === 1) return `${sorted[0]}年度`;
  const consecutive = sorted.every((y, i) => i === 0 || y === sorted[i - 1]! + 1);
  return consecutive ? `${sorted[0]}—${sorted[sorted.length - 1]}年度` : `${sorted.join('、')}年度`;
}

export function unitOf(line: Pick<CertificateLine, 'regime'>): string {
  return line.regime === 'CREDITS' ? '学分' : '学时';
}
