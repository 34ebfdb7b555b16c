// What the public forms share: the server's answer shown under the field it names
// (or as a notification when the form has no such field), and the region code
// remembered from the last sign-in or sign-up.
import { useCallback, useState } from 'react';
import { useNotify } from 'ra-core';
import { ApiError } from '../providers/graphql';
import { rememberTenantCode } from '../providers/session';

export type FieldErrors = Readonly<Record<string, string>>;

export function useFieldErrors(fields: readonly string[]) {
  const notify = useNotify();
  const [errors, setErrors] = useState<FieldErrors>({});
  const fail = useCallback(
    (error: unknown) => {
      const field = error instanceof ApiError ? error.field?.split('.').pop() : undefined;
      if (field && fields.includes(field)) setErrors({ [field]: (error as ApiError).message });
      else notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    },
    [fields, notify],
  );
  const clear = useCallback((field: string) => setErrors((e) => (e[field] ? { ...e, [field]: '' } : e)), []);
  return { errors, setErrors, fail, clear };
}

/** A field's helper text: its error, else its hint. */
export function helper(errors: FieldErrors, field: string, hint?: string): { error: boolean; helperText?: string } {
  return errors[field] ? { error: true, helperText: errors[field] } : { error: false, helperText: hint };
}

/**
 * A public form's sending: busy while the request runs, the receipt once it answered (the
 * region code then remembered for next time), the server's refusal shown by `fail`.
 */
export function useSubmission<T>(fail: (error: unknown) => void) {
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<T | null>(null);
  const send = useCallback(
    async (tenantCode: string, request: () => Promise<T>) => {
      setBusy(true);
      try {
        const result = await request();
        rememberTenantCode(tenantCode);
        setAnswer(result);
      } catch (error) {
        fail(error);
      } finally {
        setBusy(false);
      }
    },
    [fail],
  );
  return { busy, answer, send };
}
