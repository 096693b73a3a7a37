import { BACKLOG } from './plan';

/**
 * Throws unless `ids` are the delivered backlog exactly: BACKLOG of them, none twice, none that
 * was not delivered. A side that loses or repeats messages gives no figure.
 */
export function checkBacklog(who: string, ids: string[], delivered: ReadonlySet<string>): void {
	const unique = new Set(ids);
	const strangers = [...unique].filter((id) => !delivered.has(id));
	const problems = [
		ids.length === BACKLOG ? '' : `${ids.length.toLocaleString('en')} messages`,
		unique.size === ids.length ? '' : `${(ids.length - unique.size).toLocaleString('en')} repeated`,
		strangers.length === 0 ? '' : `${strangers.length.toLocaleString('en')} not of the backlog`,
		delivered.size === BACKLOG ? '' : `${delivered.size.toLocaleString('en')} delivered`,
	].filter((problem) => problem !== '');
	if (problems.length > 0) {
		throw new Error(
			`${who} read the backlog of ${BACKLOG.toLocaleString('en')} wrongly: ${problems.join(', ')}`,
		);
	}
}
