// Lint: typescript-eslint's recommended rules everywhere, React hooks rules in the web app.
// Formatting is Prettier's job, not ESLint's.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'bench/results/**', 'coverage/**'] },
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
