// The layers, from the top: main.ts → app/ → capabilities → engine/ and platform/.
// `npm test` runs this; a violation fails with the rule's name and comment.
const CAPABILITY = '^server/(?!app/|platform/|engine/|demo/|tools/|main\\.ts)[^/]+/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules must not import each other in a circle: split the shared part into its own file.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'engine-is-pure',
      severity: 'error',
      comment: 'server/engine imports nothing outside itself: no database, clock, network, packages or other layers.',
      from: { path: '^server/engine/' },
      to: { pathNot: '^server/engine/' },
    },
    {
      name: 'platform-knows-no-capability',
      severity: 'error',
      comment: 'server/platform is the bottom layer: it imports only itself and packages, never a capability, app/, engine/ or tools.',
      from: { path: '^server/platform/' },
      to: { path: '^(server/(?!platform/)|migrations/|bench/|test/)' },
    },
    {
      name: 'capabilities-point-down',
      severity: 'error',
      comment: 'A capability may use other capabilities, engine/, platform/ and its migrations; never app/, main.ts, demo data, tools, benchmarks or tests.',
      from: { path: CAPABILITY },
      to: { path: '^(server/(app|demo|tools)/|server/main\\.ts|bench/|test/)' },
    },
    {
      name: 'app-below-main',
      severity: 'error',
      comment: 'server/app wires the capabilities; it never imports main.ts, demo data, tools, benchmarks or tests.',
      from: { path: '^server/app/' },
      to: { path: '^(server/(demo|tools)/|server/main\\.ts|bench/|test/)' },
    },
    {
      name: 'demo-below-main',
      severity: 'error',
      comment: 'Demo data (used by main.ts) builds on capabilities and platform; it never imports app/, main.ts, tools, benchmarks or tests.',
      from: { path: '^server/demo/' },
      to: { path: '^(server/(app|tools)/|server/main\\.ts|bench/|test/)' },
    },
    {
      name: 'server-never-imports-bench-or-test',
      severity: 'error',
      comment: 'Benchmarks and tests import the server; the server never imports them.',
      from: { path: '^server/' },
      to: { path: '^(bench|test)/' },
    },
    {
      name: 'migrations-use-platform-only',
      severity: 'error',
      comment: 'Migrations are a fixed history: they may use platform/ helpers, never capability code that changes later.',
      from: { path: '^migrations/' },
      to: { path: '^(server/(?!platform/)|bench/|test/)' },
    },
    {
      name: 'console-speaks-only-graphql',
      severity: 'error',
      comment: 'The console (admin/) reaches the server only through GraphQL over HTTP: it imports nothing of server/, migrations, benchmarks or tests.',
      from: { path: '^admin/' },
      to: { path: '^(server|migrations|bench|test)/' },
    },
    {
      name: 'server-never-imports-console',
      severity: 'error',
      comment: 'The server serves the built console as files; it never imports its code.',
      from: { path: '^(server|migrations)/' },
      to: { path: '^admin/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js', '.d.ts'] },
  },
};
