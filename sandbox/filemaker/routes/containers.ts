import { extname } from 'node:path';
import type { Request } from 'express';
import multer from 'multer';
import { STREAM_COOKIE } from '../containers';
import { FileMakerError, sendOk } from '../envelope';
import { RequestParams } from '../request-params';
import { layoutCall, recordIdFrom, recordInView, sessionOf } from '../services';
import type { DataApiHandler, RouteKit } from './route-kit';

/** FileMaker Server takes large container uploads; the sandbox keeps files in memory. */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.gif': 'image/gif',
	'.pdf': 'application/pdf',
	'.txt': 'text/plain',
	'.csv': 'text/csv',
	'.json': 'application/json',
	'.mp4': 'video/mp4',
};

/** `POST …/records/{id}/containers/{field}/{repetition}`: multipart, the file in part `upload`. */
export function uploadRoutes({ router, services, endpoint }: RouteKit): void {
	const { store } = services;
	const upload = multer({
		storage: multer.memoryStorage(),
		limits: { fileSize: MAX_UPLOAD_BYTES },
	});

	const requireMultipart: DataApiHandler = (req, _res, next) => {
		sessionOf(req, services, req.params.database);
		if (!req.is('multipart/form-data')) throw new FileMakerError('1705');
		next();
	};

	router.post(
		'/databases/:database/layouts/:layout/records/:recordId/containers/:field{/:repetition}',
		...endpoint('uploadContainer'),
		requireMultipart,
		upload.any(),
		(req, res) => {
			const { session, database, layout } = layoutCall(req, services);
			const recordId = recordIdFrom(req.params.recordId);
			const params = RequestParams.fromQuery(req.query);
			const expectedModId = params.positiveInteger('modId');
			params.rejectUnknown();

			const field = layout.fields.find((candidate) => candidate.name === req.params.field);
			if (!field) throw new FileMakerError('102');
			if (field.type !== 'container') throw new FileMakerError('201');
			const repetition = Number(req.params.repetition ?? 1);
			if (!Number.isInteger(repetition) || repetition < 1 || repetition > (field.maxRepeat ?? 1)) {
				throw new FileMakerError('111');
			}
			const record = recordInView(services, session, database, layout.table.name, recordId);
			if (expectedModId !== undefined && expectedModId !== record.modId)
				throw new FileMakerError('306');

			const file = uploadedFiles(req).find((part) => part.fieldname === 'upload');
			if (!file)
				throw new FileMakerError('960', 400, "Upload payload must contain a part named 'upload'.");
			const updated = store.putContainer(
				database.name,
				layout.table.name,
				recordId,
				field.name,
				repetition,
				{
					bytes: file.buffer,
					fileName: file.originalname || 'upload',
					contentType: contentTypeOf(file.originalname, file.mimetype),
				},
			);
			sendOk(res, { modId: String(updated.modId) });
		},
	);
}

/**
 * Container downloads through streaming URLs. Since FileMaker Server 19.3.2 the first
 * request without the cookie is redirected to itself with a session cookie; only a request
 * carrying that cookie gets the data.
 */
export function streamingRoutes({ router, services, endpoint }: RouteKit): void {
	const { streams } = services;
	router.get(
		['/Streaming_SSL/MainDB/:file', '/Streaming/MainDB/:file'],
		...endpoint('downloadContainer'),
		(req, res) => {
			const outcome = streams.open(req.params.file as string, cookieOf(req, STREAM_COOKIE));
			switch (outcome.kind) {
				case 'redirect':
					res.setHeader('Set-Cookie', `${STREAM_COOKIE}=${outcome.cookie}; Path=/; HttpOnly`);
					res.redirect(302, req.originalUrl);
					return;
				case 'data':
					res.status(200).type(outcome.container.contentType).send(outcome.container.bytes);
					return;
				case 'denied':
					res.status(401).end();
					return;
				case 'missing':
					res.status(404).end();
			}
		},
	);
}

function uploadedFiles(req: Request): Express.Multer.File[] {
	return Array.isArray(req.files) ? req.files : [];
}

function contentTypeOf(fileName: string, declared: string): string {
	if (declared && declared !== 'application/octet-stream') return declared;
	return CONTENT_TYPES[extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

function cookieOf(req: Request, name: string): string | undefined {
	for (const part of (req.get('cookie') ?? '').split(';')) {
		const [key, ...value] = part.trim().split('=');
		if (key === name) return value.join('=');
	}
	return undefined;
}
