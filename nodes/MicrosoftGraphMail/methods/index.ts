import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { allFolders } from '../helpers/folder-tree';
import { WELL_KNOWN_FOLDERS } from '../helpers/folders';
import { mailboxPathForList } from '../helpers/mailbox';

export const listSearch = {
	/** Well-known folders first, then every folder of the mailbox by its path. */
	async searchFolders(
		this: ILoadOptionsFunctions,
		filter?: string,
	): Promise<INodeListSearchResult> {
		const folders = await allFolders(this, mailboxPathForList(this), true);
		const wanted = (name: string) => !filter || name.toLowerCase().includes(filter.toLowerCase());
		return {
			results: [
				...WELL_KNOWN_FOLDERS.filter((folder) => wanted(folder.name)).map((folder) => ({
					name: folder.name,
					value: folder.value,
				})),
				...folders
					.filter((folder) => wanted(String(folder.path)))
					.map((folder) => ({ name: String(folder.path), value: String(folder.id) })),
			],
		};
	},
};
