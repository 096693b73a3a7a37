import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { recipients } from './recipients';

/** The message a builder composed (send, create draft): subject, body, recipients, importance. */
export function composedMessage(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const extra = context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const message: IDataObject = {
		subject: context.getNodeParameter('subject', itemIndex, '') as string,
		body: {
			contentType:
				context.getNodeParameter('bodyContentType', itemIndex, 'html') === 'text' ? 'Text' : 'HTML',
			content: context.getNodeParameter('bodyContent', itemIndex, '') as string,
		},
		toRecipients: recipients(context.getNodeParameter('toRecipients', itemIndex, ''), 'To'),
	};
	if (extra.ccRecipients) message.ccRecipients = recipients(extra.ccRecipients, 'CC');
	if (extra.bccRecipients) message.bccRecipients = recipients(extra.bccRecipients, 'BCC');
	if (extra.replyTo) message.replyTo = recipients(extra.replyTo, 'Reply To');
	if (extra.importance) message.importance = extra.importance;
	return message;
}
