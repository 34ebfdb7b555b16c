// A certificate as stored: an immutable snapshot of certified years, and its state, which
// is not stored but read (revoked once an activity it relied on was withdrawn).
import type { TitleLevel } from '../engine/titles';

export type CertificateScope = 'YEAR' | 'TITLE_WINDOW';

/** One year of a certificate, as its certification judged it. */
export interface CertificateLine {
  year: number;
  /** CREDITS: Binzhou's years up to 2019 count credits (学分), not hours. */
  regime: 'HOURS' | 'CREDITS';
  publicHours: number;
  professionalHours: number;
  totalHours: number;
  complete: boolean;
  /** The policy revision the year was certified under. */
  policyRevision: number;
}

/** What anyone holding the code may see (the public verification page). */
export interface PublicCertificate {
  title: string;
  holderName: string;
  /** Masked when issued: the full number is never stored with a certificate. */
  idNumber: string;
  years: number[];
  lines: CertificateLine[];
  issuingBody: string;
  issuedOn: string;
  policyRevisions: number[];
  /** When the first activity it relied on was withdrawn; null while valid. */
  revokedAt: Date | null;
}

export interface CertificateRecord extends PublicCertificate {
  id: string;
  professionalId: string;
  /** The holder's unit path now (who may see the certificate follows the person). */
  unitPath: string;
  code: string;
  scope: CertificateScope;
  targetLevel: TitleLevel | null;
  applicationYear: number | null;
  issuedBy: string;
  createdAt: Date;
}
