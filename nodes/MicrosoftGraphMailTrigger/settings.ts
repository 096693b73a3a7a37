import type { IDataObject, INodeParameterResourceLocator, IPollFunctions } from 'n8n-workflow';

import type { NewMailFilters } from '../../lib/microsoft/graph/new-mail/message-filter';
import { FIELDS_THE_TRIGGER_READS } from '../../lib/microsoft/graph/new-mail/message-filter';
import { InputError } from '../shared/node-error';
import { mailboxPathForList, idSegment } from '../MicrosoftGraphMail/helpers/mailbox';
import { SIMPLIFIED_FIELDS } from '../MicrosoftGraphMail/helpers/output';
import { credentialTypeOf } from '../MicrosoftGraphMail/transport/connection';

/** Graph's page of a delta round: 100 messages (Graph may send fewer). */
export const DELTA_PAGE_SIZE = 100;

/** The trigger's parameters, read and checked once per poll. */
export interface TriggerSettings {
	/** `/users/<address>` or `/me`. */
	mailbox: string;
	/** The watched folder's ID or well-known name, as a path segment. */
	folder: string;
	filters: NewMailFilters;
	output: 'simplified' | 'raw';
	/** `$select` of the delta: what the output needs plus what the trigger reads. */
	select?: string;
	/** `Prefer` values: the page size and the body format. */
	prefer: string;
	downloadAttachments: boolean;
	binaryPrefix: string;
	markAsRead: boolean;
	/** A folder ID or well-known name to move taken messages to. */
	moveTo?: string;
	emitNewest: number;
	maxPerPoll: number;
	/** The credential, mailbox and folder: a cursor from another scope is not used. */
	scope: string;
}

export function readTriggerSettings(context: IPollFunctions): TriggerSettings {
	const mailbox = mailboxPathForList(context);
	const folderLocator = context.getNodeParameter('folder') as INodeParameterResourceLocator;
	const folder = String(folderLocator?.value ?? '').trim();
	if (!folder) {
		throw new InputError(
			'No folder chosen',
			'Pick the folder to watch from the list, or enter its ID.',
		);
	}
	const filters = context.getNodeParameter('filters', {}) as NewMailFilters;
	const output = context.getNodeParameter('output', 'simplified') === 'raw' ? 'raw' : 'simplified';
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const moveTo = String(
		(options.moveTo as INodeParameterResourceLocator | undefined)?.value ?? '',
	).trim();
	const credentialType = credentialTypeOf(context);
	const credentialId = context.getNode().credentials?.[credentialType]?.id ?? '';
	const prefer = [`odata.maxpagesize=${DELTA_PAGE_SIZE}`];
	if (options.bodyFormat === 'text') prefer.push('outlook.body-content-type="text"');
	return {
		mailbox,
		folder: idSegment(folder),
		filters,
		output,
		select:
			output === 'raw'
				? undefined
				: [...new Set([...SIMPLIFIED_FIELDS.split(','), ...FIELDS_THE_TRIGGER_READS])].join(','),
		prefer: prefer.join(', '),
		downloadAttachments: options.downloadAttachments === true,
		binaryPrefix: String(options.binaryPrefix ?? 'attachment_') || 'attachment_',
		markAsRead: options.markAsRead === true,
		moveTo: moveTo || undefined,
		emitNewest: wholeNumber(options.emitNewest, 0, 'Emit Newest on First Poll'),
		maxPerPoll: Math.max(1, wholeNumber(options.maxPerPoll, 500, 'Max Messages per Poll')),
		scope: `${credentialType}:${credentialId} ${mailbox} ${folder}`,
	};
}

function wholeNumber(value: unknown, fallback: number, name: string): number {
	if (value === undefined || value === '') return fallback;
	const number = Number(value);
	if (!Number.isInteger(number) || number < 0) {
		throw new InputError(
			`"${name}" must be a whole number of 0 or more`,
			`It is ${String(value)}.`,
		);
	}
	return number;
}
