// Helpers for the sign-in limit tests: requests from other loopback addresses
// (the server sees 127.0.0.x as the client address), and a count of the
// argon2 verifications the server runs (the server runs in this process).
import argon2 from 'argon2';
import http from 'node:http';
import type { GqlResult, QueryData, TestApp } from '../support/harness';

/** A GraphQL request sent from `address` (any 127.0.0.0/8 address on Linux). */
export function gqlFrom(app: TestApp, address: string, query: string, variables: object = {}): Promise<GqlResult> {
  const body = JSON.stringify({ query, variables });
  const url = new URL(`${app.url}/graphql`);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress: address, agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const parsed = JSON.parse(text) as { data: QueryData; errors?: GqlResult['errors'] };
          resolve({ status: res.statusCode ?? 0, data: parsed.data, errors: parsed.errors });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Counts argon2 verifications, and the most that ran at once, until `restore()`. */
export function countVerifications() {
  const original = argon2.verify;
  const seen = { calls: 0, active: 0, maxActive: 0 };
  const spy = jest.spyOn(argon2, 'verify').mockImplementation(async (...args: Parameters<typeof argon2.verify>) => {
    seen.calls++;
    seen.active++;
    seen.maxActive = Math.max(seen.maxActive, seen.active);
    try {
      return await original(...args);
    } finally {
      seen.active--;
    }
  });
  return { seen, restore: () => spy.mockRestore() };
}
