import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileMakerFixture, FixtureProductInfo } from './fixture-types';

export const DEMO_FIXTURE_PATH = join(__dirname, '..', 'fixtures', 'filemaker-demo.json');

const DEFAULT_PRODUCT_INFO: FixtureProductInfo = {
	name: 'FileMaker Data API Engine',
	buildDate: '01/01/2025',
	version: '21.1.1.0',
	dateFormat: 'MM/dd/yyyy',
	timeFormat: 'HH:mm:ss',
	timeStampFormat: 'MM/dd/yyyy HH:mm:ss',
};

/** A fixture object as given, or read from a JSON file; the demo fixture by default. */
export function loadFixture(
	fixture: FileMakerFixture | string = DEMO_FIXTURE_PATH,
): FileMakerFixture {
	if (typeof fixture !== 'string') return fixture;
	const parsed = JSON.parse(readFileSync(fixture, 'utf8')) as FileMakerFixture;
	if (!Array.isArray(parsed.databases)) throw new Error(`${fixture}: a fixture needs "databases"`);
	return parsed;
}

export function productInfoOf(fixture: FileMakerFixture): FixtureProductInfo {
	return { ...DEFAULT_PRODUCT_INFO, ...fixture.productInfo };
}
