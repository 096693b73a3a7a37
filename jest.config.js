/**
 * Tests are transpiled only (`isolatedModules` in tsconfig.test.json; type checking runs once, in
 * `npm run typecheck`): ts-jest with type checking doubles the time of every test file.
 * @type {import('jest').Config}
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
	},
	setupFiles: ['<rootDir>/test/engine/environment.ts'],
	maxWorkers: 2,
};
