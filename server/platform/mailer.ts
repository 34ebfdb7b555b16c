// E-mail through an SMTP server (nodemailer), configured from the environment (SMTP_*).
// Without SMTP_HOST there is no mailer: callers treat e-mail as off. A session is one pool
// of at most two connections, opened for a batch of messages and closed after it, so no
// connection outlives the work that needed it. nodemailer is loaded with a session's first
// message, so a process that sends none never loads it.
import type { Transporter } from 'nodemailer';
import type { Config } from './config';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface MailSession {
  /** Resolves once the SMTP server has accepted the message; rejects when it refused it or could not be reached. */
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export interface Mailer {
  open(): MailSession;
}

/** The mailer the SMTP settings describe, or null when SMTP_HOST is not set (e-mail off). */
export function createMailer(config: Config): Mailer | null {
  const host = config.SMTP_HOST;
  const from = config.SMTP_FROM;
  if (!host || !from) return null;
  const secure = config.SMTP_SECURE ?? config.SMTP_PORT === 465;
  const port = config.SMTP_PORT ?? (secure ? 465 : 587);
  const auth = config.SMTP_USER && config.SMTP_PASSWORD ? { user: config.SMTP_USER, pass: config.SMTP_PASSWORD } : undefined;
  return {
    open(): MailSession {
      let transport: Promise<Transporter> | null = null;
      const connect = async () => {
        const { default: nodemailer } = await import('nodemailer');
        return nodemailer.createTransport({
          pool: true,
          maxConnections: 2,
          host,
          port,
          secure,
          auth,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
        });
      };
      return {
        async send(message) {
          await (await (transport ??= connect())).sendMail({ from, to: message.to, subject: message.subject, text: message.text });
        },
        close: () => void transport?.then(
          (t) => t.close(),
          () => undefined, // the session never connected: its send already failed
        ),
      };
    },
  };
}
