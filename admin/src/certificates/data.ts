// Certificates as the console reads and issues them: the policy's rule with the person's
// certified years, their certificates (newest first), issuing one, and the PDF.
import { fetchCertificatePdf, gql } from '../providers/graphql';

export type CertificateScope = 'YEAR' | 'TITLE_WINDOW';

export interface CertificateLine {
  year: number;
  regime: 'HOURS' | 'CREDITS';
  publicHours: number;
  professionalHours: number;
  totalHours: number;
  complete: boolean;
}

export interface Certificate {
  id: string;
  code: string;
  title: string;
  years: number[];
  lines: CertificateLine[];
  issuedOn: string;
  targetLevel: string | null;
  applicationYear: number | null;
  status: 'VALID' | 'REVOKED';
  revokedAt: string | null;
  verifyUrl: string;
}

export interface CertificateOptions {
  scope: CertificateScope;
  title: string;
  requireComplete: boolean;
  source: string;
  certifiedYears: { year: number; complete: boolean }[];
}

const FIELDS = `id code title years lines { year regime publicHours professionalHours totalHours complete } issuedOn targetLevel applicationYear status revokedAt verifyUrl`;

/** What the policy issues and the person's certified years; `professionalId` null: the signed-in professional. */
export async function loadOptions(professionalId: string | null): Promise<CertificateOptions> {
  const d = await gql<{ certificateOptions: CertificateOptions }>(
    `query CertificateOptions($p: ID) { certificateOptions(professionalId: $p) { scope title requireComplete source certifiedYears { year complete } } }`,
    { p: professionalId },
  );
  return d.certificateOptions;
}

/** The person's certificates, newest first (the first 50: a career holds far fewer). */
export async function loadCertificates(professionalId: string | null): Promise<Certificate[]> {
  if (professionalId === null) {
    const d = await gql<{ myCertificates: { nodes: Certificate[] } }>(`query MyCertificates { myCertificates(first: 50) { nodes { ${FIELDS} } } }`);
    return d.myCertificates.nodes;
  }
  const d = await gql<{ certificates: { nodes: Certificate[] } }>(`query Certificates($p: ID!) { certificates(professionalId: $p, first: 50) { nodes { ${FIELDS} } } }`, {
    p: professionalId,
  });
  return d.certificates.nodes;
}

export interface IssueInput {
  professionalId?: string | null;
  years?: number[];
  targetLevel?: string;
  applicationYear?: number;
}

export async function issueCertificate(input: IssueInput): Promise<Certificate> {
  const d = await gql<{ issueCertificate: Certificate }>(`mutation IssueCertificate($i: IssueCertificateInput!) { issueCertificate(input: $i) { ${FIELDS} } }`, { i: input });
  return d.issueCertificate;
}

/** Fetches the PDF with the session's token and saves it under a readable name. */
export async function downloadCertificate(c: Certificate): Promise<void> {
  const blob = await fetchCertificatePdf(c.id);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${c.title}-${yearsText(c.years)}.pdf`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** 2021–2025, or 2024. */
export function yearsText(years: readonly number[]): string {
  const sorted = [...years].sort((a, b) => a - b);
  return sorted.length > 1 ? `${sorted[0]}–${sorted[sorted.length - 1]}` : String(sorted[0] ?? '');
}

/** Hours as shown: at most two decimals. */
export const fmt = (n: number) => String(Math.round(n * 100) / 100);
