import { readFileSync } from 'node:fs';
import { DockerfileParser, type Dockerfile, type ImageTemplate, type Instruction } from 'dockerfile-ast';

/** The repository's Dockerfile, parsed. */
export function readDockerfile(path = 'Dockerfile'): Dockerfile {
  return DockerfileParser.parse(readFileSync(path, 'utf8'));
}

/** Returns the build stages in order, each with its FROM. */
export function stagesOf(dockerfile: Dockerfile): { from: ReturnType<Dockerfile['getFROMs']>[number]; stage: ImageTemplate }[] {
  return dockerfile.getFROMs().map((from) => {
    const stage = dockerfile.getContainingImage(from.getRange().start);
    if (!stage) throw new Error(`no stage for FROM on line ${from.getRange().start.line + 1}`);
    return { from, stage };
  });
}

/** Returns the instructions of a stage with the given keyword (`USER`, `EXPOSE`…). */
export function instructionsOf(stage: ImageTemplate, keyword: string): Instruction[] {
  return stage.getInstructions().filter((i) => i.getKeyword() === keyword);
}

/** Returns the URL the final stage's HEALTHCHECK fetches. */
export function healthcheckUrl(dockerfile: Dockerfile): URL {
  const [check] = dockerfile.getHEALTHCHECKs();
  const url = check?.getArgumentsContent()?.match(/https?:\/\/[^\s"']+/)?.[0];
  if (!url) throw new Error('The Dockerfile has no HEALTHCHECK that fetches a URL');
  return new URL(url);
}
