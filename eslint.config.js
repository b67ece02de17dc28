import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'build/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
    },
  },
  {
    // The engine is pure: everything it needs arrives in the snapshot.
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'child_process', 'path'], message: 'The engine is pure: no I/O.' },
            { group: ['@octokit/*', '@actions/*'], message: 'The engine never talks to GitHub.' },
            {
              group: ['**/context/**', '**/publish/**', '**/action/**', '**/cli/**'],
              message: 'One direction of flow.',
            },
          ],
        },
      ],
    },
  },
);
