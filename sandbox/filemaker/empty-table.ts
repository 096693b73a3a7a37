import type { FileMakerFixture } from './fixture-types';

/** The table, and the layout on it, that `withEmptyTable` adds. */
export const EMPTY_TABLE = 'EmptyTable';

/**
 * A copy of `fixture` whose first database (or `database`) also has a table `EmptyTable`
 * with a layout of the same name and no records: a table that is empty by design, as a
 * queue is most of the time. The demo fixture itself stays as it is, since tests list its
 * layouts.
 */
export function withEmptyTable(fixture: FileMakerFixture, database?: string): FileMakerFixture {
	const target = database ?? fixture.databases[0]?.name;
	if (!fixture.databases.some((candidate) => candidate.name === target)) {
		throw new Error(`the fixture has no database ${String(target)}`);
	}
	return {
		...fixture,
		databases: fixture.databases.map((candidate) => {
			if (candidate.name !== target) return candidate;
			if (candidate.tables.some((table) => table.name === EMPTY_TABLE)) return candidate;
			return {
				...candidate,
				tables: [
					...candidate.tables,
					{
						name: EMPTY_TABLE,
						fields: [
							{ name: 'id', type: 'number', autoEnter: 'serial' },
							{ name: 'name', type: 'text' },
						],
					},
				],
				layouts: [
					...candidate.layouts,
					{ name: EMPTY_TABLE, table: EMPTY_TABLE, fields: ['id', 'name'] },
				],
			};
		}),
	};
}
