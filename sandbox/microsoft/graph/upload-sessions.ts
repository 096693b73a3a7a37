import { newOpaqueToken } from './ids';

/** An attachment upload in progress (attachment: createUploadSession). */
export interface UploadSession {
	id: string;
	authToken: string;
	mailboxId: string;
	messageId: string;
	name: string;
	contentType: string;
	isInline: boolean;
	contentId: string | null;
	size: number;
	expiresAt: number;
	chunks: Buffer[];
	received: number;
}

export class UploadSessions {
	private readonly sessions = new Map<string, UploadSession>();

	create(fields: Omit<UploadSession, 'id' | 'authToken' | 'chunks' | 'received'>): UploadSession {
		const session: UploadSession = {
			...fields,
			id: `AAMkAD${newOpaqueToken(24)}=`,
			authToken: newOpaqueToken(96),
			chunks: [],
			received: 0,
		};
		this.sessions.set(session.id, session);
		return session;
	}

	get(id: string): UploadSession | undefined {
		return this.sessions.get(id);
	}

	delete(id: string): void {
		this.sessions.delete(id);
	}

	/** Sessions in progress (for tests that look at what a client left behind). */
	open(): UploadSession[] {
		return [...this.sessions.values()];
	}
}
