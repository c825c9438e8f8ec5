// The layering rules of eslint.config.js bite: the config's boundaries(), applied to the fixture
// tree in test/fixtures/lint (laid out like src/), report each deliberately bad import and none
// of the allowed ones; the repository's own config applies the same rules to src/ and leaves the
// fixtures out of `npm run lint`.
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const REPO_ROOT = resolve(import.meta.dirname, '..');
const FIXTURES = join(REPO_ROOT, 'test/fixtures/lint');

interface Report {
  file: string;
  line: number;
  rule: string | null;
  message: string;
}

async function lint(eslint: ESLint, patterns: string[], cwd: string): Promise<Report[]> {
  const results = await eslint.lintFiles(patterns);
  return results.flatMap((r) =>
    r.messages.map((m) => ({
      file: r.filePath.slice(cwd.length + 1),
      line: m.line,
      rule: m.ruleId,
      message: m.message,
    })),
  );
}

describe('import boundaries (eslint.config.js)', () => {
  let reports: Report[];
  const of = (file: string) => reports.filter((r) => r.file === file);

  beforeAll(async () => {
    // The config module, as ESLint loads it (a variable URL: it is JavaScript, not in tsconfig).
    const configUrl = pathToFileURL(join(REPO_ROOT, 'eslint.config.js')).href;
    const { boundaries } = (await import(configUrl)) as {
      boundaries: (root: string) => Linter.Config[];
    };
    const eslint = new ESLint({
      cwd: FIXTURES,
      overrideConfigFile: true,
      overrideConfig: [
        { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
        ...boundaries(FIXTURES),
      ],
    });
    reports = await lint(eslint, ['src/**/*.ts'], FIXTURES);
  }, 60_000);

  it('a web feature importing another feature is reported; its own files and shared code are not', () => {
    expect(of('src/web/features/alpha/components/alpha-view.ts')).toEqual([
      {
        file: 'src/web/features/alpha/components/alpha-view.ts',
        line: 2,
        rule: 'import-x/no-restricted-paths',
        message: expect.stringContaining(
          '"../../beta/api/get-beta.js" imported in restricted zone. A web feature imports only itself',
        ),
      },
    ]);
  });

  it('shared web code (lib) importing a feature is reported', () => {
    expect(of('src/web/lib/feature-aware.ts')).toEqual([
      expect.objectContaining({
        line: 2,
        rule: 'import-x/no-restricted-paths',
        message: expect.stringContaining(
          '"../features/beta/api/get-beta.js" imported in restricted zone. Shared web code never imports a feature',
        ),
      }),
    ]);
  });

  it('the domain importing a contract is reported; the domain importing itself is not', () => {
    expect(of('src/domain/roles.ts')).toEqual([
      expect.objectContaining({
        line: 2,
        rule: 'import-x/no-restricted-paths',
        message: expect.stringContaining(
          '"../contracts/common.js" imported in restricted zone. src/domain imports nothing outside itself',
        ),
      }),
    ]);
  });

  it('the server platform importing a feature is reported', () => {
    expect(of('src/server/platform/http/app.ts')).toEqual([
      expect.objectContaining({
        line: 2,
        rule: 'import-x/no-restricted-paths',
        message: expect.stringContaining(
          '"../../features/health/health.routes.js" imported in restricted zone. The server platform never imports a feature',
        ),
      }),
    ]);
  });

  it('an import cycle is reported on both of its files', () => {
    expect(of('src/server/platform/auth/session-plugin.ts')).toEqual([
      expect.objectContaining({ line: 2, rule: 'import-x/no-cycle' }),
    ]);
    expect(of('src/server/platform/links/links.ts')).toEqual([
      expect.objectContaining({ line: 1, rule: 'import-x/no-cycle' }),
    ]);
  });

  it('a server feature importing another feature is reported; its tests may', () => {
    expect(of('src/server/features/alerts/alerts.service.ts')).toEqual([
      expect.objectContaining({
        line: 2,
        rule: 'import-x/no-restricted-paths',
        message: expect.stringContaining(
          '"../health/health.routes.js" imported in restricted zone. A server feature imports only itself',
        ),
      }),
    ]);
    expect(of('src/server/features/alerts/alerts.db.test.ts')).toEqual([]);
  });

  it('a contract importing the server, and the web app importing the server, are reported', () => {
    expect(of('src/contracts/server-aware.ts')).toEqual([
      expect.objectContaining({
        line: 2,
        message: expect.stringContaining('src/contracts imports only contracts and the domain'),
      }),
    ]);
    expect(of('src/web/lib/server-aware.ts')).toEqual([
      expect.objectContaining({
        line: 2,
        message: expect.stringContaining('The web app never imports the server'),
      }),
    ]);
  });

  it('nothing else is reported: the web composition root may import every feature', () => {
    expect(of('src/web/app/routes.ts')).toEqual([]);
    expect(reports).toHaveLength(9);
  });
});

describe("the repository's lint config", () => {
  // The zones only: following every import of src/ for cycles is npm run lint's job, not a probe's.
  const eslint = new ESLint({
    cwd: REPO_ROOT,
    overrideConfig: { rules: { 'import-x/no-cycle': 'off' } },
  });

  it('leaves the fixtures out of `npm run lint`', async () => {
    expect(await eslint.isPathIgnored(join(FIXTURES, 'src/domain/roles.ts'))).toBe(true);
  });

  it.each([
    ['src/domain/lint-probe.ts', '../contracts/common.js'],
    ['src/server/platform/lint-probe.ts', '../features/health/health.routes.js'],
    ['src/web/features/classes/lint-probe.ts', '../students/api/get-student.js'],
    ['src/web/lib/lint-probe.ts', '../features/classes/api/get-class.js'],
  ])('reports a bad import in %s (of %s)', async (filePath, from) => {
    const code = `import * as imported from '${from}';\nexport const probe = imported;\n`;
    const [result] = await eslint.lintText(code, {
      filePath: join(REPO_ROOT, filePath),
    });
    const rules = result!.messages.map((m) => m.ruleId);
    expect(rules).toContain('import-x/no-restricted-paths');
  });
});
