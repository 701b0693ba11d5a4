// Runs the spell check on a second thread, so cspell's dictionary loading overlaps the other checks.
import { parentPort, workerData } from 'node:worker_threads';
import { lintSpelling } from '../src/data/lint-spelling.ts';

const { contentRoot, files, configFile, cacheFile } = workerData as { contentRoot: string; files: string[]; configFile: string; cacheFile: string };
parentPort!.postMessage(await lintSpelling(contentRoot, files, configFile, cacheFile));
