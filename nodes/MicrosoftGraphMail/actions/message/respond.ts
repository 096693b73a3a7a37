import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { idSegment, mailboxPath } from '../../helpers/mailbox';
import { recipients } from '../../helpers/recipients';
import { graphRequest } from '../../transport';

/**
 * Reply, reply all or forward (`POST …/messages/<id>/reply|replyAll|forward`): Graph quotes the
 * original and keeps the conversation; the comment goes on top.
 */
export async function respond(
	context: IExecuteFunctions,
	itemIndex: number,
	action: 'reply' | 'replyAll' | 'forward',
): Promise<INodeExecutionData[]> {
	const mailbox = mailboxPath(context, itemIndex);
	const id = context.getNodeParameter('messageId', itemIndex) as string;
	const body: IDataObject = {
		comment: context.getNodeParameter('comment', itemIndex, '') as string,
	};
	if (action === 'forward') {
		body.toRecipients = recipients(context.getNodeParameter('toRecipients', itemIndex, ''), 'To');
	}
	await graphRequest(context, {
		method: 'POST',
		path: `${mailbox}/messages/${idSegment(id)}/${action}`,
		body,
		target: `message ${id}`,
	});
	return [{ json: { [action === 'forward' ? 'forwarded' : 'replied']: true, messageId: id } }];
}
