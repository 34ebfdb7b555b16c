// Sends a batch of reminder e-mails over one SMTP session (two connections), after the
// transaction that claimed them has committed, and answers which were accepted. A refusal or
// an unreachable server is a failure for that message only; the caller records it (RETRY).
import type { Logger } from '../platform/logger';
import type { MailMessage, Mailer } from '../platform/mailer';

/** Messages in flight at once (the pool has two connections). */
const CONCURRENCY = 2;

export async function deliver<K>(mailer: Mailer | null, items: readonly { key: K; message: MailMessage }[], log: Logger): Promise<{ sent: K[]; failed: K[] }> {
  const sent: K[] = [];
  const failed: K[] = [];
  if (items.length === 0) return { sent, failed };
  if (!mailer) return { sent, failed: items.map((i) => i.key) };
  const session = mailer.open();
  try {
    let next = 0;
    const lane = async () => {
      while (next < items.length) {
        const item = items[next++]!;
        try {
          await session.send(item.message);
          sent.push(item.key);
        } catch (error) {
          failed.push(item.key);
          // the address is personal data: the log says that a message failed and why, not to whom
          log.warn({ err: error instanceof Error ? error.message : String(error) }, 'reminder e-mail not accepted');
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, lane));
  } finally {
    session.close();
  }
  return { sent, failed };
}
