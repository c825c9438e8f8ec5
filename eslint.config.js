// Lint: typescript-eslint's recommended rules everywhere, React hooks rules in the web app, and
// the layering of docs/ARCHITECTURE.md as import rules (boundaries() below; test/lint-boundaries
// shows that each one bites; docs/decisions/021-checked-boundaries.md). Formatting is
// Prettier's job, not ESLint's.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const ROOT = import.meta.dirname;

/** The folders directly inside `dir`, or none when it does not exist. */
function folders(dir) {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}

/**
 * The import boundaries of the tree under `root` (the repository, or a fixture tree in the
 * test): who may import whom, and no cycles in src/.
 * @param {string} root
 * @returns {import('eslint').Linter.Config[]}
 */
export function boundaries(root) {
  /** A zone per feature folder of `dir`: it imports only itself from its siblings. */
  const ownFeatureOnly = (dir, message) =>
    folders(join(root, dir)).map((feature) => ({
      target: `./${dir}/${feature}`,
      from: `./${dir}`,
      except: [`./${feature}`],
      message,
    }));
  const zones = [
    // bulletproof-react: a feature imports shared code and itself, never another feature.
    // The composition root (src/web/app) may import every feature.
    ...ownFeatureOnly('src/web/features', 'A web feature imports only itself and shared web code.'),
    {
      target: [
        './src/web/components',
        './src/web/lib',
        './src/web/i18n',
        './src/web/service-worker',
      ],
      from: './src/web/features',
      message: 'Shared web code never imports a feature.',
    },
    {
      target: './src/domain',
      from: './src',
      except: ['./domain'],
      message: 'src/domain imports nothing outside itself (contracts depend on it).',
    },
    {
      target: './src/contracts',
      from: './src',
      except: ['./contracts', './domain'],
      message: 'src/contracts imports only contracts and the domain.',
    },
    {
      target: './src/server/platform',
      from: './src/server/features',
      message: 'The server platform never imports a feature (src/server/app.ts registers them).',
    },
    { target: './src/web', from: './src/server', message: 'The web app never imports the server.' },
    { target: './src/server', from: './src/web', message: 'The server never imports the web app.' },
  ];
  // The demo district is built through the features' own write paths (a survey's responses
  // through the surveys repository), so the demo, like app.ts, may compose features.
  const serverFeatureZones = ownFeatureOnly(
    'src/server/features',
    'A server feature imports only itself and the platform (src/server/app.ts composes them).',
  ).filter((zone) => zone.target !== './src/server/features/demo');
  const restrict = (list) => ['error', { basePath: root, zones: list }];
  return [
    {
      files: ['src/**/*.{ts,tsx}'],
      plugins: { 'import-x': importX },
      settings: {
        // Without these, import-x reads only .js files when it follows imports (no-cycle).
        'import-x/extensions': ['.ts', '.tsx', '.js'],
        'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
        'import-x/resolver-next': [
          createTypeScriptImportResolver({ project: join(root, 'tsconfig.json') }),
        ],
      },
      rules: {
        'import-x/no-cycle': 'error',
        'import-x/no-restricted-paths': restrict([...zones, ...serverFeatureZones]),
      },
    },
    {
      // A server feature's tests may build their data through another feature (the demo).
      files: ['src/server/features/**/*.test.ts'],
      rules: { 'import-x/no-restricted-paths': restrict(zones) },
    },
  ];
}

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'data/**',
      'node_modules/**',
      'bench/results/**',
      'coverage/**',
      // Deliberately bad imports: test/lint-boundaries.test.ts lints them with boundaries().
      'test/fixtures/lint/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  ...boundaries(ROOT),
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Migrations are written against Kysely<any> on purpose (Kysely's advice): they must not
    // depend on the app's current types.
    files: ['src/server/platform/db/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The roster import runs the same statements over six roster tables and a temporary one
    // that Database does not describe; its repository works on Kysely<any> for that.
    files: ['src/server/features/rostering/import/import.repository.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
