import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { undoingOnFailure } from '../../../../lib/shared/on-failure';
import { attachToDraft, filesToAttach } from '../../helpers/attachments';
import { composedMessage } from '../../helpers/compose';
import { idSegment, mailboxPath } from '../../helpers/mailbox';
import { messageOutput } from '../../helpers/output';
import { graphRequest } from '../../transport';

/** A draft in the mailbox's Drafts folder, with its attachments (any size). */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const mailbox = mailboxPath(this, itemIndex);
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const files = await filesToAttach(this, itemIndex, String(extra.attachments ?? ''));
	const { body: draft } = await graphRequest<IDataObject>(this, {
		method: 'POST',
		path: `${mailbox}/messages`,
		body: composedMessage(this, itemIndex),
		target: 'a draft',
	});
	const path = `${mailbox}/messages/${idSegment(String(draft.id))}`;
	await undoingOnFailure(
		async () => await attachToDraft(this, path, files),
		async () => await graphRequest(this, { method: 'DELETE', path }),
	);
	const output = this.getNodeParameter('output', itemIndex, 'simplified') as string;
	return [{ json: messageOutput(draft, output) }];
}
