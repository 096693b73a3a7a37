// Runs before any test file requires n8n-core: n8n-core reads its settings (user folder,
// encryption key) from the environment when its modules load.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-engine-test-'));
process.env.N8N_ENCRYPTION_KEY ??= 'engine-test-encryption-key';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
process.env.N8N_LOG_LEVEL ??= 'silent';
process.env.N8N_DEFAULT_BINARY_DATA_MODE ??= 'filesystem';
