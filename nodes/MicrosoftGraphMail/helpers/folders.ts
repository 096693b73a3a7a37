import type { IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';

import { InputError } from '../../shared/node-error';
import { idSegment } from './mailbox';

/** Graph's well-known folder names, usable wherever a folder ID is. */
export const WELL_KNOWN_FOLDERS = [
	{ name: 'Inbox', value: 'inbox' },
	{ name: 'Drafts', value: 'drafts' },
	{ name: 'Sent Items', value: 'sentitems' },
	{ name: 'Deleted Items', value: 'deleteditems' },
	{ name: 'Archive', value: 'archive' },
	{ name: 'Junk Email', value: 'junkemail' },
	{ name: 'Outbox', value: 'outbox' },
] as const;

/** The folder a resource locator names: a well-known name or an ID, as a path segment. */
export function folderParameter(
	context: IExecuteFunctions,
	name: string,
	itemIndex: number,
): { segment: string; label: string } {
	const locator = context.getNodeParameter(name, itemIndex) as INodeParameterResourceLocator;
	const value = String(locator?.value ?? '').trim();
	if (!value) {
		throw new InputError('No folder chosen', 'Pick a folder from the list, or enter its ID.');
	}
	return { segment: idSegment(value), label: String(locator.cachedResultName ?? value) };
}
