/**
 * The end-to-end run against a real n8n (npm run test:e2e). Slow by nature: n8n is installed
 * into a cache on first use and every CLI command boots n8n. The timeout only stops a hung run.
 * @type {import('jest').Config}
 */
module.exports = {
	rootDir: '../..',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	testTimeout: 20 * 60_000,
	maxWorkers: 1,
};
