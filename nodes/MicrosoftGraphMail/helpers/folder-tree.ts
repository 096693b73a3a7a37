import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { graphList } from '../transport';
import { idSegment } from './mailbox';

const FIELDS = 'id,displayName,parentFolderId,childFolderCount,unreadItemCount,totalItemCount';

/**
 * The folders at the top of a mailbox and, when asked, every folder below them, each with a
 * `path` ("Inbox/Invoices/2026") so that folders of the same name can be told apart.
 */
export async function allFolders(
	context: IExecuteFunctions | ILoadOptionsFunctions,
	mailbox: string,
	withChildren: boolean,
): Promise<IDataObject[]> {
	const result: IDataObject[] = [];
	const visit = async (path: string, parentPath: string) => {
		const folders = await graphList(context as IExecuteFunctions, {
			method: 'GET',
			path,
			qs: { $top: 100, $select: FIELDS },
			target: 'mail folders',
		});
		for (const folder of folders) {
			const folderPath = parentPath
				? `${parentPath}/${String(folder.displayName)}`
				: String(folder.displayName);
			result.push({ ...stripAnnotations(folder), path: folderPath });
			if (withChildren && Number(folder.childFolderCount) > 0) {
				await visit(
					`${mailbox}/mailFolders/${idSegment(String(folder.id))}/childFolders`,
					folderPath,
				);
			}
		}
	};
	await visit(`${mailbox}/mailFolders`, '');
	return result;
}

function stripAnnotations(item: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(item).filter(([name]) => !name.startsWith('@odata')));
}
