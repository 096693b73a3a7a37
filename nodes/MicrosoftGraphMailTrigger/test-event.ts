import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { messageQuery } from '../../lib/microsoft/graph/query';
import { graphRequest } from '../MicrosoftGraphMail/transport';
import type { NewMessage } from './delta-rounds';
import { emittedItems } from './emitted-items';
import type { TriggerSettings } from './settings';
import { messageKey } from '../../lib/microsoft/graph/new-mail/message-filter';

/**
 * The newest messages in the folder that match the filters (Graph filters them here: a plain
 * list takes a `$filter`), newest first. For "Fetch Test Event" and for "Emit Newest on First
 * Poll".
 */
export async function newestMessages(
	context: IPollFunctions,
	settings: TriggerSettings,
	count: number,
): Promise<NewMessage[]> {
	const query = messageQuery({
		from: settings.filters.from?.trim() || undefined,
		subjectContains: settings.filters.subjectContains || undefined,
		hasAttachments: settings.filters.hasAttachments === true,
		unreadOnly: settings.filters.unreadOnly === true,
	});
	const qs: IDataObject = { $filter: query.filter, $orderby: query.orderby, $top: count };
	if (settings.select) qs.$select = settings.select;
	const { body } = await graphRequest<{ value?: IDataObject[] }>(context, {
		method: 'GET',
		path: `${settings.mailbox}/mailFolders/${settings.folder}/messages`,
		qs,
		headers: { Prefer: settings.prefer },
		target: 'newest messages',
	});
	return (body.value ?? []).map((message) => ({
		message,
		key: messageKey(message),
		receivedAt: Date.parse(String(message.receivedDateTime)) || 0,
	}));
}

/**
 * "Fetch Test Event" in the editor: the newest matching message, as the trigger would emit it.
 * The trigger's state is not read or changed, and nothing is marked or moved.
 */
export async function fetchTestEvent(
	context: IPollFunctions,
	settings: TriggerSettings,
): Promise<INodeExecutionData[][] | null> {
	const newest = await newestMessages(context, settings, 1);
	const items = await emittedItems(context, settings, newest);
	return items.length > 0 ? [items.map(({ item }) => item)] : null;
}
