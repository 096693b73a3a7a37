import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { graphRequest } from '../MicrosoftGraphMail/transport';
import type { EmittedMessage } from './emitted-items';
import { messagePath } from './emitted-items';
import type { TriggerSettings } from './settings';

/**
 * Mark as read and move, for the messages the poll emits and no other. They run after the
 * trigger's state is written, so they never throw: a message that cannot be marked or moved is
 * still emitted, once, with `afterEmitError` saying what went wrong.
 */
export async function applyAfterEmit(
	context: IPollFunctions,
	settings: TriggerSettings,
	emitted: EmittedMessage[],
): Promise<void> {
	if (!settings.markAsRead && !settings.moveTo) return;
	for (const { message, item } of emitted) {
		const path = messagePath(settings, message);
		try {
			if (settings.markAsRead) {
				await graphRequest(context, {
					method: 'PATCH',
					path,
					body: { isRead: true },
					target: `message ${String(message.id)}`,
				});
				item.json.isRead = true;
			}
			if (settings.moveTo) {
				const { body: moved } = await graphRequest<IDataObject>(context, {
					method: 'POST',
					path: `${path}/move`,
					body: { destinationId: settings.moveTo },
					target: `message ${String(message.id)}`,
				});
				item.json.id = moved.id;
				item.json.parentFolderId = moved.parentFolderId;
			}
		} catch (error) {
			const reason = error instanceof Error ? error.message : String(error);
			item.json.afterEmitError = reason;
			context.logger.warn(`Microsoft Graph Mail Trigger: ${reason}`, {
				node: context.getNode().name,
			});
		}
	}
}
