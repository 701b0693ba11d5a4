import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { dirOf, toAssetPath, toFolderRoute } from '../lib/routes.ts';

/** Returns where an asset is written under the output folder (file name kept as is). */
export function assetOutputPath(outDir: string, file: string): string {
  const name = file.split('/').pop() ?? file;
  return join(outDir, ...toFolderRoute(dirOf(file)).split('/').filter(Boolean), name);
}

/** Copies the asset files pages link to from the content root into the built site. */
export async function publishAssets(contentRoot: string, outDir: string, files: Iterable<string>): Promise<number> {
  let count = 0;
  for (const file of files) {
    const target = assetOutputPath(outDir, file);
    await mkdir(dirOf(target.replaceAll('\\', '/')), { recursive: true });
    await copyFile(join(contentRoot, file), target);
    count += 1;
  }
  return count;
}

/** Returns a map from published URL path (without base) to content-relative asset file. */
export function assetUrlMap(files: Iterable<string>): Map<string, string> {
  return new Map([...files].map((file) => [toAssetPath(file), file]));
}
