// Lint: TypeScript rules, the Office add-in rules (context.sync in a loop is an error), and the
// architecture's import boundaries (design.md: a pure core, thin adapters, two shells).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';

const NODE_MODULES = ['fs', 'fs/promises', 'path', 'os', 'child_process', 'http', 'https', 'net', 'url', 'util', 'crypto', 'stream', 'zlib', 'worker_threads'];

const pureCoreImports = {
  paths: NODE_MODULES.map((name) => ({ name, message: 'src/core is pure: no Node.' })),
  patterns: [
    { group: ['node:*'], message: 'src/core is pure: no Node.' },
    { group: ['react', 'react-dom', 'react-dom/*', '@fluentui/*'], message: 'src/core is pure: no React or Fluent UI.' },
    { group: ['docx', 'exceljs', 'office-js', '@types/office-js'], message: 'src/core is pure: no docx, ExcelJS or Office.' },
    {
      group: ['**/excel/*', '**/xlsx/*', '**/word/*', '**/importers/*', '**/taskpane/*', '**/commands/*', '**/cli/*'],
      message: 'src/core depends on nothing outside the core.',
    },
  ],
};

const browserImports = {
  paths: NODE_MODULES.map((name) => ({ name, message: 'Runs in the task pane: no Node.' })),
  patterns: [
    { group: ['node:*'], message: 'Runs in the task pane: no Node.' },
    { group: ['**/cli/*', '**/server/*'], message: 'The command line and the server do not belong in the task pane bundle.' },
  ],
};

/** The checker page runs without Office: the Excel adapter and the pane's controller stay out of its bundle. */
const checkerImports = {
  paths: browserImports.paths,
  patterns: [
    ...browserImports.patterns,
    {
      group: ['**/excel/*', '**/commands/*', '**/taskpane/controller', '**/taskpane/runtime', '**/taskpane/App'],
      message: 'The checker page runs without Office.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'dist-cli/**', 'out/**', 'coverage/**', 'node_modules/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // The Office JS rules, where Office JS is used (ExcelJS code elsewhere has similar names but no sync).
    files: ['src/excel/**/*.ts', 'src/taskpane/**/*.{ts,tsx}', 'src/commands/**/*.ts'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/call-sync-after-load': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/no-empty-load': 'error',
      'office-addins/no-navigational-load': 'warn',
      'office-addins/no-office-initialize': 'error',
      'office-addins/test-for-null-using-isNullObject': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', pureCoreImports],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'fetch',
          'Office',
          'Excel',
          'Word',
          'process',
          'require',
          'Buffer',
          'setTimeout',
          'setInterval',
        ].map((name) => ({
          name,
          message: 'src/core is pure: no DOM, Office, Node or timers.',
        })),
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'src/core has no clock.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'src/core has no clock.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'src/core has no randomness.' },
      ],
    },
  },
  {
    files: ['src/taskpane/**/*.{ts,tsx}', 'src/commands/**/*.ts', 'src/excel/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', browserImports] },
  },
  {
    files: ['src/checker/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', checkerImports] },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', process: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
