// Module boundaries, checked in CI (npm run lint). See docs/ARCHITECTURE.md, "How to add a module".
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'Modules, the platform and contracts form a graph without cycles.',
      from: { path: '^(server|contracts)/' },
      to: { circular: true, viaOnly: { path: '^(server|contracts)/' } },
    },
    {
      name: 'module-public-face',
      severity: 'error',
      comment: 'A module imports another module only through its index.ts, never its inner files.',
      from: { path: '^server/modules/([^/]+)/' },
      to: { path: '^server/modules/([^/]+)/', pathNot: ['^server/modules/$1/', '^server/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'platform-imports-no-module',
      severity: 'error',
      comment: 'The platform is the floor every module stands on: it imports no module.',
      from: { path: '^server/platform/' },
      to: { path: '^server/modules/' },
    },
    {
      name: 'contracts-stand-alone',
      severity: 'error',
      comment: 'contracts/ is shared with the web client: it imports neither the server nor the web client.',
      from: { path: '^contracts/' },
      to: { path: '^(server|web)/' },
    },
    {
      name: 'composition-root-uses-public-faces',
      severity: 'error',
      comment: 'app.ts, worker.ts, boot.ts and main.ts reach modules through the registry or their index.ts.',
      from: { path: '^server/[^/]+\\.ts$' },
      to: { path: '^server/modules/[^/]+/', pathNot: ['^server/modules/[^/]+/index\\.ts$'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    parser: 'swc',
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
