// Secret keys removed from a written log line (JSON), at any depth: the value of every key
// named below, whatever it holds (a string, a number, an object, an array), becomes
// "[redacted]". Done on the line's text, once per line, rather than by walking paths of the
// logged object: a line without any of the keys costs one regular-expression test.

/** Keys whose value never reaches a log line. `parameters`: a failed SQL statement's bound values (TypeORM's QueryFailedError). */
export const SECRET_KEYS = [
  'password',
  'newPassword',
  'currentPassword',
  'oldPassword',
  'passwordHash',
  'token',
  'accessToken',
  'refreshToken',
  'authorization',
  'apiKey',
  'secret',
  'jwtSecret',
  'activationCode',
  'receipt',
  'code_hash',
  'codeHash',
  'idNumber',
  'id_number',
  'parameters',
  'x-api-key',
  'cookie',
];

const KEY = new RegExp(`"(?:${SECRET_KEYS.map((k) => k.replace(/[-\\^$*+?.()|[\]{}]/g, '\\$&')).join('|')})":`, 'g');
const CENSOR = '"[redacted]"';

/** Whether the character at `at` is escaped (preceded by an odd run of backslashes): inside a JSON string. */
function escaped(text: string, at: number): boolean {
  let n = 0;
  for (let i = at - 1; i >= 0 && text.charCodeAt(i) === 92; i--) n++;
  return n % 2 === 1;
}

/** The end (exclusive) of the JSON value starting at `start`. */
function valueEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') {
        inString = false;
        if (depth === 0) return i + 1;
      }
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (depth === 0) return i; // the end of the enclosing object: a bare value ended here
      if (--depth === 0) return i + 1;
    } else if (c === ',' && depth === 0) return i;
  }
  return text.length;
}

/** `line` with the value of every secret key replaced by "[redacted]". */
export function redactSecretKeys(line: string): string {
  KEY.lastIndex = 0;
  if (!KEY.test(line)) return line;
  KEY.lastIndex = 0;
  let out = '';
  let from = 0;
  for (let m = KEY.exec(line); m; m = KEY.exec(line)) {
    if (escaped(line, m.index)) continue;
    const start = m.index + m[0].length;
    const end = valueEnd(line, start);
    out += line.slice(from, start) + CENSOR;
    from = end;
    KEY.lastIndex = end;
  }
  return out + line.slice(from);
}
