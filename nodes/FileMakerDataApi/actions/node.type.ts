import type { AllEntities } from 'n8n-workflow';

type NodeMap = {
	record: 'create' | 'delete' | 'duplicate' | 'find' | 'get' | 'getMany' | 'update' | 'upsert';
	script: 'run' | 'getMany';
	container: 'upload' | 'download';
	globalField: 'set';
	layout: 'getMany' | 'getMetadata';
};

export type FileMakerDataApiType = AllEntities<NodeMap>;
