// The public verification page (/verify/<code>): plain server-rendered HTML in Chinese, no
// script, one inline style allowed by its hash (the Content-Security-Policy below), and a
// JSON form of the same answer. It shows what the certificate itself shows — holder, masked
// ID number, years and hours, issuing body, issue date — and whether it is still valid;
// revoked, with the date; or unknown. Nothing else: no tenant, no person's record, no list.
import { createHash } from 'node:crypto';
import { chinaToday } from '../platform/clock';
import { chineseDate, formatHours, unitOf, yearRange } from './certificate-format';
import type { Verification } from './certificate-verify.service';

const STYLE = `body{font-family:"Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0;background:#f5f5f5;color:#1a1a1a}
main{max-width:640px;margin:24px auto;background:#fff;padding:24px 28px;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
h1{font-size:20px;margin:0 0 16px}.status{font-size:18px;font-weight:bold;padding:10px 14px;border-radius:6px;margin:0 0 18px}
.valid{background:#e7f5ea;color:#1b5e20}.revoked{background:#fdecea;color:#b71c1c}.unknown{background:#fff4e5;color:#8a4b00}
table{border-collapse:collapse;width:100%;margin:0 0 16px}th,td{border:1px solid #ddd;padding:6px 8px;text-align:left;font-size:14px}
th{background:#fafafa;font-weight:normal;color:#555;width:8em}.hours th,.hours td{text-align:center;width:auto}.note{font-size:12px;color:#666}`;

/** The policy the page is served under: nothing may load or run; only the style above applies. */
export const VERIFY_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(status: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex,nofollow"><meta name="referrer" content="no-referrer"><title>继续教育证书核验</title><style>${STYLE}</style></head>
<body data-status="${status}"><main><h1>继续教育证书核验</h1>
${body}
</main></body></html>`;
}

/** The page for a verification answer. */
export function verifyHtml(v: Verification): string {
  if (v.status === 'UNKNOWN') {
    return page(
      'UNKNOWN',
      `<p class="status unknown">未找到该证书</p>
<p>验证码不存在。请核对证书上的验证码（26 位字母与数字），或扫描证书上的二维码。</p>`,
    );
  }
  const c = v.certificate;
  const state =
    v.status === 'VALID'
      ? '<p class="status valid">✓ 证书有效</p>'
      : `<p class="status revoked">✗ 已撤销（撤销日期：${chineseDate(chinaToday(c.revokedAt!.getTime()))}）</p>
<p>该证书所依据的学时已被撤销（认定虚假申报或抽查不合格），证书自撤销之日起失效。</p>`;
  const rows = c.lines
    .map((l) => {
      const unit = unitOf(l);
      return `<tr><td>${l.year}</td><td>${formatHours(l.publicHours)} ${unit}</td><td>${formatHours(l.professionalHours)} ${unit}</td><td>${formatHours(l.totalHours)} ${unit}</td><td>${l.complete ? '达标' : '未达标'}</td></tr>`;
    })
    .join('\n');
  return page(
    v.status,
    `${state}
<table>
<tr><th>证书名称</th><td>${escapeHtml(c.title)}</td></tr>
<tr><th>持证人</th><td>${escapeHtml(c.holderName)}</td></tr>
<tr><th>身份证号</th><td>${escapeHtml(c.idNumber)}</td></tr>
<tr><th>证明年度</th><td>${yearRange(c.years)}</td></tr>
<tr><th>发证机关</th><td>${escapeHtml(c.issuingBody)}</td></tr>
<tr><th>发证日期</th><td>${chineseDate(c.issuedOn)}</td></tr>
<tr><th>政策依据</th><td>第 ${c.policyRevisions.join('、')} 版</td></tr>
</table>
<table class="hours"><tr><th>年度</th><th>公需科目</th><th>专业科目</th><th>合计</th><th>结论</th></tr>
${rows}
</table>
<p class="note">本页面只显示证书上载明的信息。证书的真伪与状态以本页面为准。</p>`,
  );
}

/** The page for a visitor over the look-up limit. */
export function limitedHtml(seconds: number): string {
  return page('LIMITED', `<p class="status unknown">查询过于频繁</p>\n<p>请 ${seconds} 秒后再试。</p>`);
}

/** The same answer as data (`Accept: application/json`, or `?format=json`). */
export function verifyJson(v: Verification): object {
  if (v.status === 'UNKNOWN') return { status: 'UNKNOWN' };
  const c = v.certificate;
  return {
    status: v.status,
    revokedAt: c.revokedAt?.toISOString() ?? null,
    certificate: {
      title: c.title,
      holderName: c.holderName,
      idNumber: c.idNumber,
      years: c.years,
      lines: c.lines,
      issuingBody: c.issuingBody,
      issuedOn: c.issuedOn,
      policyRevisions: c.policyRevisions,
    },
  };
}
