import type { IDataObject } from 'n8n-workflow';

/** One entry of the `messages` array FileMaker sends with every answer; `code` is a string. */
export interface FileMakerMessage {
	code: string;
	message: string;
}

/** Every Data API answer: `{"response": {...}, "messages": [{"code": "0", "message": "OK"}]}`. */
export interface FileMakerEnvelope<Response = IDataObject> {
	response: Response;
	messages: FileMakerMessage[];
}

export function isFileMakerEnvelope(value: unknown): value is FileMakerEnvelope {
	if (typeof value !== 'object' || value === null) return false;
	const { messages } = value as { messages?: unknown };
	return (
		Array.isArray(messages) &&
		messages.every(
			(message) => typeof message === 'object' && message !== null && 'code' in message,
		)
	);
}

/** The first message that is not "0 OK", or the first message. */
export function mainMessage(envelope: FileMakerEnvelope<unknown>): FileMakerMessage {
	const messages = envelope.messages.map((message) => ({
		code: String(message.code),
		message: String(message.message ?? ''),
	}));
	return (
		messages.find((message) => message.code !== '0') ?? messages[0] ?? { code: '0', message: 'OK' }
	);
}
