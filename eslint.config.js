// Lint rules that catch real bugs in an extension, not style (Prettier owns layout):
// promises nobody awaits or catches, promises handed to callbacks that ignore them, values that are
// never used, `any` leaking into typed code, and HTML built from strings (page and corpus text are
// untrusted: UI is built with DOM APIs only).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.output-*/**', '.wxt/**', 'node_modules/**', 'artifacts/**', 'bench/results/**', '.scratch/**'] },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-unused-expressions': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unsafe-assignment': 'error',
      '@typescript-eslint/no-unsafe-call': 'error',
      '@typescript-eslint/no-unsafe-member-access': 'error',
      '@typescript-eslint/no-unsafe-return': 'error',
      '@typescript-eslint/no-unsafe-argument': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    // What ships: never HTML from strings.
    files: ['src/**/*.ts', 'entrypoints/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
          message: 'Build DOM with src/ui/dom.ts, never from HTML strings.',
        },
        {
          selector: 'CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment)$/]',
          message: 'Build DOM with src/ui/dom.ts, never from HTML strings.',
        },
        {
          selector: "CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]",
          message: 'Build DOM with src/ui/dom.ts, never from HTML strings.',
        },
      ],
      'no-new-func': 'error',
      'no-implied-eval': 'error',
    },
  },
  {
    // The page reader runs in the MV3 service worker too: no DOM, no window, nothing of the page it reads.
    files: ['src/reading/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['document', 'window', 'DOMParser', 'Node', 'NodeFilter', 'location', 'navigator', 'self', 'chrome', 'browser'].map((name) => ({
          name,
          message: 'src/reading runs without a DOM (MV3 service worker): use the document linkedom parsed.',
        })),
      ],
    },
  },
);
