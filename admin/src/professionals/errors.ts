// Reading an API error where it is caught. Checked by shape, not instanceof:
// a lazily loaded screen may not share the very class object the data layer threw.
import type { NotificationOptions } from 'ra-core';

export function codeOf(error: unknown): string | null {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : null;
}

export function messageOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') return (error as { message: string }).message;
  return String(error);
}

/** The field errors an ApiError carries for a form (`body.errors`), if any. */
export function fieldErrorsOf(error: unknown): Record<string, unknown> | undefined {
  const body = typeof error === 'object' && error !== null ? (error as { body?: { errors?: Record<string, unknown> } }).body : undefined;
  return body?.errors;
}

/** Notify options that show the server's (already translated) message as it is. */
export function asIs(message: string): NotificationOptions {
  return { type: 'error', messageArgs: { _: message } };
}
