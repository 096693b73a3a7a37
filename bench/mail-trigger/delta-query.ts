import { FIELDS_THE_TRIGGER_READS } from '../../lib/microsoft/graph/new-mail/message-filter';
import { SIMPLIFIED_FIELDS } from '../../nodes/MicrosoftGraphMail/helpers/output';
import { firstDeltaLink } from '../../nodes/MicrosoftGraphMailTrigger/delta-rounds';
import type { TriggerSettings } from '../../nodes/MicrosoftGraphMailTrigger/settings';
import { PAGE_SIZE } from './plan';

/** The `$select` the trigger sends with its simplified output (settings.ts). */
export const TRIGGER_SELECT = [
	...new Set([...SIMPLIFIED_FIELDS.split(','), ...FIELDS_THE_TRIGGER_READS]),
].join(',');

/** The trigger's `Prefer` header with the default body format (settings.ts). */
export const TRIGGER_PREFER = `odata.maxpagesize=${PAGE_SIZE}`;

/**
 * The path and query of the first delta request on a folder, as the trigger sends it
 * (`changeType=created`, the `$select` of the simplified output): built by the trigger's own
 * `firstDeltaLink`, which reads only the mailbox path, the folder and the `$select`.
 */
export function firstDeltaPath(mailbox: string, folder: string): string {
	const settings: Pick<TriggerSettings, 'mailbox' | 'folder' | 'select'> = {
		mailbox: `/users/${encodeURIComponent(mailbox)}`,
		folder: encodeURIComponent(folder),
		select: TRIGGER_SELECT,
	};
	return firstDeltaLink(settings as TriggerSettings);
}
