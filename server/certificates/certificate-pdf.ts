// A certificate as a PDF (A4, Chinese): title, holder and masked ID number, a table of the
// certified years' hours per subject, the issuing body and date, the policy revisions, and
// at the foot the verification code with a QR code of the public verification page. Drawn
// from the stored snapshot only, so every download of a certificate prints the same facts.
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { TITLE_LEVEL_LABELS } from '../engine/titles';
import { certificateFont } from './certificate-font';
import { groupRandomCode as formatCertificateCode } from '../platform/random-code';
import { chineseDate, formatHours, unitOf, yearRange } from './certificate-format';
import type { CertificateLine, CertificateRecord } from './certificate-record';

const PAGE = { width: 595.28, height: 841.89, margin: 64 };
const INK = '#1a1a1a';
/** Headings in the one weight: filled and stroked (text rendering mode 2), a faux bold. */
const BOLD = { fill: true, stroke: true } as const;
const MUTED = '#555555';

/** The certificate's PDF; `verifyUrl` is the public page its QR code points at. */
export function renderCertificatePdf(c: CertificateRecord, verifyUrl: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    info: { Title: c.title, Author: c.issuingBody, Subject: `${c.holderName} ${yearRange(c.years)}`, CreationDate: c.createdAt },
  });
  // parsed once per process (certificate-font.ts): pdfkit accepts a parsed font in place of bytes
  doc.registerFont('cjk', certificateFont() as unknown as Buffer);
  doc.font('cjk');
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = PAGE.margin;
  const width = PAGE.width - 2 * PAGE.margin;
  doc.lineWidth(0.6).strokeColor(INK).fillColor(INK).fontSize(22).text(c.title, left, 96, { width, align: 'center', ...BOLD });
  doc.moveDown(1.6);

  const purpose = c.targetLevel && c.applicationYear ? `，用于申报${c.applicationYear}年度${TITLE_LEVEL_LABELS[c.targetLevel]}职称评审` : '';
  doc
    .fontSize(12)
    .text(`兹证明 ${c.holderName}（身份证号 ${c.idNumber}）${yearRange(c.years)}的继续教育学时经审核认定如下${purpose}：`, left, doc.y, {
      width,
      lineGap: 6,
    });
  doc.moveDown(1);
  drawTable(doc, c.lines, left, doc.y, width);

  doc.moveDown(1.2);
  doc.fontSize(10).fillColor(MUTED);
  doc.text(`认定依据：政策第 ${c.policyRevisions.join('、')} 版。公需科目与专业科目分别计算；学时被撤销的，本证明自动失效。`, left, doc.y, { width, lineGap: 4 });

  const signY = doc.y + 36;
  doc.lineWidth(0.4).fillColor(INK).fontSize(13).text(c.issuingBody, left, signY, { width, align: 'right', ...BOLD });
  doc.fontSize(12).text(chineseDate(c.issuedOn), left, signY + 24, { width, align: 'right' });

  drawVerification(doc, c.code, verifyUrl);
  doc.end();
  return done;
}

function drawTable(doc: PDFKit.PDFDocument, lines: readonly CertificateLine[], x: number, y: number, width: number): void {
  const headers = ['年度', '公需科目', '专业科目', '合计', '结论'];
  const widths = [0.16, 0.21, 0.21, 0.21, 0.21].map((f) => f * width);
  const rowHeight = 28;
  const cells = (cols: readonly string[], top: number, bold: boolean) => {
    let left = x;
    doc.lineWidth(0.3);
    cols.forEach((text, i) => {
      doc.fontSize(12).fillColor(INK).text(text, left, top + 8, { width: widths[i]!, align: 'center', ...(bold ? BOLD : {}) });
      left += widths[i]!;
    });
  };
  doc.rect(x, y, width, rowHeight).fill('#f0f0f0');
  cells(headers, y, true);
  lines.forEach((line, i) => {
    const unit = unitOf(line);
    cells(
      [
        String(line.year),
        `${formatHours(line.publicHours)} ${unit}`,
        `${formatHours(line.professionalHours)} ${unit}`,
        `${formatHours(line.totalHours)} ${unit}`,
        line.complete ? '达标' : '未达标',
      ],
      y + rowHeight * (i + 1),
      false,
    );
  });
  const bottom = y + rowHeight * (lines.length + 1);
  doc.lineWidth(0.8).strokeColor(INK);
  for (let r = 0; r <= lines.length + 1; r++) doc.moveTo(x, y + r * rowHeight).lineTo(x + width, y + r * rowHeight);
  let left = x;
  for (const w of [0, ...widths]) {
    left += w;
    doc.moveTo(left, y).lineTo(left, bottom);
  }
  doc.stroke();
  doc.x = x;
  doc.y = bottom + 4;
}

/** The foot: a QR code of the verification page, the code in groups of four, and the address. */
function drawVerification(doc: PDFKit.PDFDocument, code: string, verifyUrl: string): void {
  const size = 96;
  const x = PAGE.margin;
  const y = PAGE.height - PAGE.margin - size;
  const qr = QRCode.create(verifyUrl, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = size / n;
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      // a hair wider than the cell, so neighbouring modules leave no seam when rasterised
      if (qr.modules.get(row, col)) doc.rect(x + col * cell, y + row * cell, cell + 0.05, cell + 0.05);
    }
  }
  doc.fill(INK);
  const textX = x + size + 16;
  const textWidth = PAGE.width - PAGE.margin - textX;
  doc.lineWidth(0.3).fontSize(12).fillColor(INK).text(`验证码：${formatCertificateCode(code)}`, textX, y + 14, { width: textWidth, ...BOLD });
  doc
    .fontSize(9.5)
    .fillColor(MUTED)
    .text('扫描二维码或访问以下地址，核验本证明的真伪与状态：', textX, y + 40, { width: textWidth })
    .text(verifyUrl, textX, y + 56, { width: textWidth });
}

/** Draws a sample certificate once (font parsed, code paths compiled); the bytes are dropped. */
export async function warmUp(): Promise<void> {
  const line = { year: 2000, regime: 'HOURS' as const, publicHours: 30, professionalHours: 60, totalHours: 90, complete: true, policyRevision: 1 };
  await renderCertificatePdf(
    {
      id: '',
      professionalId: '',
      unitPath: '',
      code: '0'.repeat(26),
      scope: 'YEAR',
      title: '继续教育学时证明',
      holderName: '样例',
      idNumber: '0000**********0000',
      years: [2000],
      lines: [line],
      issuingBody: '人力资源和社会保障局',
      issuedOn: '2000-01-01',
      policyRevisions: [1],
      targetLevel: null,
      applicationYear: null,
      issuedBy: '',
      createdAt: new Date(0),
      revokedAt: null,
    },
    'http://localhost/verify/0',
  );
}
