// Excel exports: POST /exports/<kind>.xlsx with the session's bearer token and the list's
// arguments (the same filter the list sends to GraphQL). The server streams the file; the
// browser keeps it as a blob and saves it under the server's (Chinese) file name. A refusal
// comes back as an ApiError like GraphQL's (code, field, message in the console's language).
import { ApiError, type GraphQLErrorBody } from './graphql';
import { readSession } from './session';
import { describeError } from '../i18n/errors';

export type ExportKind = 'professionals' | 'completion-statistics' | 'shortfalls' | 'audit-events';

/** The UTF-8 file name of `Content-Disposition` (RFC 6266 / 8187), else its plain one. */
export function fileNameOf(disposition: string | null): string | null {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // fall back to the plain name
    }
  }
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? null;
}

/** Fetches an export and saves it as a download; answers the file name. */
export async function downloadExport(kind: ExportKind, body: Record<string, unknown>): Promise<string> {
  const token = readSession()?.token;
  let response: Response;
  try {
    response = await fetch(`/exports/${kind}.xlsx`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(describeError('NETWORK', '无法连接服务器，请检查网络后重试'), 503, 'NETWORK', null);
  }
  if (!response.ok) {
    const answer = (await response.json().catch(() => ({}))) as { errors?: GraphQLErrorBody[] };
    const error = answer.errors?.[0];
    const code = error?.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
    throw new ApiError(describeError(code, error?.message ?? `导出失败（HTTP ${response.status}）`), response.status, code, error?.extensions?.field ?? null);
  }
  const blob = await response.blob();
  const name = fileNameOf(response.headers.get('content-disposition')) ?? `${kind}.xlsx`;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // the download has taken the blob once the click is handled
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}
