import type { SandboxStore } from '../../sandbox/filemaker';
import { DATABASE } from '../../test/helpers/sandbox-credential';

/** Fills the demo file's Contacts table up to `total` records, as the benchmarks expect. */
export function seedContacts(store: SandboxStore, total: number): number {
	const existing = store.count(DATABASE, 'Contacts');
	store.insertMany(DATABASE, 'Contacts', total - existing, (index) => ({
		email: `bench${index}@example.com`,
		firstName: 'Bench',
		lastName: `Contact ${index}`,
		company: `Company ${index % 500}`,
		status: ['Lead', 'Customer', 'Archived'][index % 3],
		score: index % 100,
		notes: 'Seeded for the Return All benchmark',
	}));
	return store.count(DATABASE, 'Contacts');
}
