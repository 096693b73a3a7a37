import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { isNotFound, unlessGraphAnswered } from '../../lib/microsoft/graph/errors';
import { downloadAttachments } from '../MicrosoftGraphMail/helpers/download';
import { idSegment } from '../MicrosoftGraphMail/helpers/mailbox';
import { messageOutput } from '../MicrosoftGraphMail/helpers/output';
import type { NewMessage } from './delta-rounds';
import type { TriggerSettings } from './settings';

export interface EmittedMessage extends NewMessage {
	item: INodeExecutionData;
}

/**
 * The items of the new messages, oldest first, with their attachments when asked for. A message
 * deleted or moved away since Graph listed it (404) is left out and not remembered: should it be
 * moved back, it comes as new.
 */
export async function emittedItems(
	context: IPollFunctions,
	settings: TriggerSettings,
	found: NewMessage[],
): Promise<EmittedMessage[]> {
	const emitted: EmittedMessage[] = [];
	const oldestFirst = [...found].sort((a, b) => a.receivedAt - b.receivedAt);
	for (const candidate of oldestFirst) {
		const item: INodeExecutionData = { json: messageOutput(candidate.message, settings.output) };
		if (settings.downloadAttachments && candidate.message.hasAttachments === true) {
			const binary = await unlessGraphAnswered(
				async () =>
					await downloadAttachments(
						context,
						messagePath(settings, candidate.message),
						settings.binaryPrefix,
					),
				isNotFound,
			);
			if (binary === undefined) continue;
			item.binary = binary;
		}
		emitted.push({ ...candidate, item });
	}
	return emitted;
}

export function messagePath(settings: TriggerSettings, message: IDataObject): string {
	return `${settings.mailbox}/messages/${idSegment(String(message.id))}`;
}
