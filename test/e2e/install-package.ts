import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');

interface PackageJson {
	name: string;
	version: string;
	[key: string]: unknown;
}

/** `npm pack` of this repository (build it first); returns the tarball's path. */
export function packPackage(destination: string): string {
	const output = execFileSync('npm', ['pack', '--pack-destination', destination, '--json'], {
		cwd: ROOT,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const [{ filename }] = JSON.parse(output) as Array<{ filename: string }>;
	return join(destination, filename);
}

/**
 * Installs a package tarball into `<user folder>/.n8n/nodes` the way n8n 2.41's community
 * package installer does (CommunityPackagesService.downloadPackage): unpack into
 * node_modules/<name>, drop dev, peer and optional dependencies from its package.json, run
 * `npm install` there with the installer's flags, and list it in nodes/package.json.
 */
export function installLikeN8n(tarball: string, userFolder: string): string {
	const nodesFolder = join(userFolder, '.n8n', 'nodes');
	const manifest = JSON.parse(
		execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }),
	) as PackageJson;
	const packageFolder = join(nodesFolder, 'node_modules', manifest.name);
	mkdirSync(packageFolder, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', packageFolder, '--strip-components=1']);

	const installed = { ...manifest };
	delete installed.devDependencies;
	delete installed.peerDependencies;
	delete installed.optionalDependencies;
	writeFileSync(join(packageFolder, 'package.json'), JSON.stringify(installed, null, 2));
	execFileSync(
		'npm',
		[
			'install',
			'--audit=false',
			'--fund=false',
			'--bin-links=false',
			'--install-strategy=shallow',
			'--ignore-scripts=true',
			'--package-lock=false',
		],
		{ cwd: packageFolder, stdio: ['ignore', 'ignore', 'inherit'] },
	);
	writeFileSync(
		join(nodesFolder, 'package.json'),
		JSON.stringify(
			{
				name: 'installed-nodes',
				private: true,
				dependencies: { [manifest.name]: manifest.version },
			},
			null,
			2,
		),
	);
	if (lstatSync(packageFolder).isSymbolicLink())
		throw new Error('The package must be a copy, not a link');
	return packageFolder;
}

export function packageName(): string {
	return (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson).name;
}
