/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    // pdf.js is ES modules only: converted to CommonJS for the tests (Node loads it natively).
    '^.+/pdfjs-dist/.+\\.mjs$': '<rootDir>/test/helpers/esm-transform.js',
  },
  transformIgnorePatterns: ['/node_modules/(?!pdfjs-dist/)'],
  testTimeout: 60000,
};
